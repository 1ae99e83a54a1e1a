/**
 * "Nhiệm vụ của đơn vị": first what the unit reports this quarter (with its report's state), then the
 * form for a task of its own (collapsed), then every task it was given, in every plan — also through the
 * units it came from.
 */
import { Anchor, Button, Collapse, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { LoadState, useLoad } from '../../app/components';
import { formatDate, todayVn } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { PlanBadge, periodLabel, periodOfDay, ReportStateBadge, StatusBadge } from './look';
import type { Report, TaskStatus } from './types';
import { UnitTaskForm } from './UnitTaskForm';

interface MyTask {
  taskId: number;
  planId: number;
  planTitle: string;
  year: number;
  number: string;
  text: string;
  due: string | null;
  role: 'lead' | 'coordinating';
  unitId: number;
  unitName: string;
  unitParentName: string | null;
  fromPredecessor: boolean;
  unitStatus: TaskStatus;
  taskStatus: TaskStatus;
  overdue: boolean;
  period: string;
  reportState: Report['state'] | null;
  toReport: boolean;
}

function RoleBadge({ role }: { role: MyTask['role'] }) {
  const { t } = useI18n();
  return (
    <PlanBadge variant="outline" color={role === 'lead' ? 'blue' : 'gray'}>
      {t(`role.${role}`)}
    </PlanBadge>
  );
}

/** The unit the task was given to: the unit itself, or the unit it came from (and where that was). */
function GivenTo({ x }: { x: MyTask }) {
  const { t } = useI18n();
  return (
    <Text size="sm" data-testid="given-to">
      {x.unitName}
      {x.fromPredecessor && (
        <Text span size="xs" c="dimmed">
          {' '}
          ({t('predecessor')}
          {x.unitParentName ? `, ${x.unitParentName}` : ''})
        </Text>
      )}
    </Text>
  );
}

const taskStatusOf = (x: MyTask) => (x.role === 'lead' ? x.unitStatus : x.taskStatus);

function ToReport({ rows, period }: { rows: MyTask[]; period: string }) {
  const { t } = useI18n();
  return (
    <Paper withBorder p="sm" data-testid="report-quarter">
      <Title order={4} mb="xs">
        {t('toReportIn')} {periodLabel(period)}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('toReportNone')}</Text>
      ) : (
        <Table striped data-testid="to-report">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={50}>TT</Table.Th>
              <Table.Th>{t('task')}</Table.Th>
              <Table.Th w={110}>{t('role')}</Table.Th>
              <Table.Th w={100}>{t('due')}</Table.Th>
              <Table.Th w={190}>{t('status')}</Table.Th>
              <Table.Th w={140}>{t('reportThisQuarter')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((x) => (
              <Table.Tr key={x.taskId} data-testid="to-report-row" data-number={x.number}>
                <Table.Td>{x.number}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/plans/${x.planId}/tasks/${x.taskId}`} size="sm">
                    {x.text}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {x.planTitle}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <RoleBadge role={x.role} />
                </Table.Td>
                <Table.Td>{formatDate(x.due)}</Table.Td>
                <Table.Td>
                  <StatusBadge status={taskStatusOf(x)} overdue={x.overdue} />
                </Table.Td>
                <Table.Td>
                  <ReportStateBadge state={x.reportState} testId="quarter-report-state" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

export function MyUnitPage() {
  const { t } = useI18n();
  const { user, can } = useAuth();
  const [formOpen, setFormOpen] = useState(false);
  const tasks = useLoad(() => api.get<MyTask[]>('/api/my/tasks'), []);
  const rows = tasks.data ?? [];
  const period = rows[0]?.period ?? periodOfDay(todayVn());
  const byPlan = new Map<number, MyTask[]>();
  for (const x of rows) byPlan.set(x.planId, [...(byPlan.get(x.planId) ?? []), x]);
  return (
    <Stack>
      <Title order={3}>{t('myUnit')}</Title>
      <LoadState loading={tasks.loading && !tasks.data} error={tasks.error} />
      {tasks.data && <ToReport rows={rows.filter((x) => x.toReport)} period={period} />}
      {can('unitData.edit', { unitId: user?.unitId }) && (
        <Stack gap="xs">
          <Button variant="light" onClick={() => setFormOpen((o) => !o)} aria-expanded={formOpen} style={{ alignSelf: 'flex-start' }} data-testid="own-task-toggle">
            {formOpen ? t('hideOwnTask') : t('addOwnTask')}
          </Button>
          <Collapse expanded={formOpen}>
            <UnitTaskForm onDone={tasks.reload} />
          </Collapse>
        </Stack>
      )}
      {byPlan.size > 0 && <Title order={4}>{t('allMyTasks')}</Title>}
      {[...byPlan.values()].map((list) => (
        <Stack key={list[0].planId} gap="xs">
          <Title order={5}>
            {list[0].planTitle} ({list[0].year})
          </Title>
          <Table striped data-testid="my-tasks">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={50}>TT</Table.Th>
                <Table.Th>{t('task')}</Table.Th>
                <Table.Th w={110}>{t('role')}</Table.Th>
                <Table.Th w={220}>{t('givenTo')}</Table.Th>
                <Table.Th w={100}>{t('due')}</Table.Th>
                <Table.Th w={190}>{t('status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((x) => (
                <Table.Tr key={x.taskId} data-testid="my-task-row" data-number={x.number}>
                  <Table.Td>{x.number}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/plans/${x.planId}/tasks/${x.taskId}`} size="sm">
                      {x.text}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <RoleBadge role={x.role} />
                  </Table.Td>
                  <Table.Td>
                    <GivenTo x={x} />
                  </Table.Td>
                  <Table.Td>{formatDate(x.due)}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={taskStatusOf(x)} overdue={x.overdue} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ))}
      {tasks.data?.length === 0 && <Text c="dimmed">{t('none')}</Text>}
    </Stack>
  );
}
