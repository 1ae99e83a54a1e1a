import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { LoadState, useLoad } from '../../app/components';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { StatusBadge } from './PlansPage';
import type { TaskStatus } from './types';
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
  unitStatus: TaskStatus;
  taskStatus: TaskStatus;
  overdue: boolean;
}

export function MyUnitPage() {
  const { t } = useI18n();
  const { user, can } = useAuth();
  const tasks = useLoad(() => api.get<MyTask[]>('/api/my/tasks'), []);
  const byPlan = new Map<number, MyTask[]>();
  for (const x of tasks.data ?? []) byPlan.set(x.planId, [...(byPlan.get(x.planId) ?? []), x]);
  return (
    <Stack>
      <Title order={3}>{t('myUnit')}</Title>
      <LoadState loading={tasks.loading && !tasks.data} error={tasks.error} />
      {can('unitData.edit', { unitId: user?.unitId }) && <UnitTaskForm onDone={tasks.reload} />}
      {[...byPlan.values()].map((rows) => (
        <Stack key={rows[0].planId} gap="xs">
          <Title order={5}>
            {rows[0].planTitle} ({rows[0].year})
          </Title>
          <Table striped data-testid="my-tasks">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={50}>TT</Table.Th>
                <Table.Th>{t('task')}</Table.Th>
                <Table.Th w={110}>{t('role')}</Table.Th>
                <Table.Th w={100}>{t('due')}</Table.Th>
                <Table.Th w={190}>{t('status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((x) => (
                <Table.Tr key={`${x.taskId}-${x.role}`}>
                  <Table.Td>{x.number}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/plans/${x.planId}/tasks/${x.taskId}`} size="sm">
                      {x.text}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color={x.role === 'lead' ? 'blue' : 'gray'}>
                      {t(`role.${x.role}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatDate(x.due)}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={x.role === 'lead' ? x.unitStatus : x.taskStatus} overdue={x.overdue} />
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
