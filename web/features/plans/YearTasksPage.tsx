/**
 * The year's plan tasks as they stood on a day (`/plans/year-tasks?year=&unit=&to=&status=`): the records
 * behind "5/15 nhiệm vụ hoàn thành" in a report or an indicator — the province's own tasks, or those a unit
 * leads — each with its state, filtered done / not done / overdue.
 */
import { Anchor, Group, Progress, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { DateField, EmptyRow, LoadState, useLoad } from '../../app/components';
import { formatDate, formatNumber, formatPercent, todayVn } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { UnitSelect } from '../dossiers/shared';
import { StatusBadge } from './look';
import type { TaskStatus } from './types';

interface YearTasks {
  unit: { id: number; name: string } | null;
  year: number;
  asOf: string;
  done: number;
  total: number;
  percent: number | null;
  overdue: number;
  tasks: { id: number; planId: number; number: string; text: string; due: string | null; status: TaskStatus; overdue: boolean }[];
}

const FILTERS = ['all', 'done', 'open', 'overdue'] as const;

export function YearTasksPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const today = todayVn();
  const year = params.get('year') ?? today.slice(0, 4);
  const unit = params.get('unit');
  const to = params.get('to') ?? params.get('asOf') ?? (year < today.slice(0, 4) ? `${year}-12-31` : today);
  const status = params.get('status') ?? 'all';
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };
  const query = new URLSearchParams({ year, to, ...(unit ? { unit } : {}), ...(status !== 'all' ? { status } : {}) }).toString();
  const load = useLoad(() => api.get<YearTasks>(`/api/plans/year-tasks?${query}`), [query]);
  const d = load.data;
  const years = Array.from({ length: 8 }, (_, i) => String(Number(today.slice(0, 4)) + 1 - i));
  if (!years.includes(year)) years.push(year);
  return (
    <Stack>
      <Title order={3}>
        {t('yearTasksTitle')} {year}
      </Title>
      <Group align="end" wrap="wrap">
        <Select label={t('year')} data={years} value={year} allowDeselect={false} onChange={(v) => v && set({ year: v })} w={110} />
        <UnitSelect value={unit} onChange={(v) => set({ unit: v })} testId="year-tasks-unit" />
        <DateField label={t('yearTasksAsOf')} value={to} onChange={(v) => v && set({ to: v })} w={150} />
        <SegmentedControl value={status} onChange={(v) => set({ status: v === 'all' ? null : v })} data={FILTERS.map((f) => ({ value: f, label: t(`yearTasks.${f}`) }))} data-testid="year-tasks-filter" />
      </Group>
      <LoadState loading={load.loading && !d} error={load.error} />
      {d && (
        <>
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {d.unit?.name ?? t('yearTasksProvince')} · {t('yearTasksAsOf').toLowerCase()} {formatDate(d.asOf)}
            </Text>
            <Group gap="md" wrap="wrap">
              <Text fw={600} data-testid="year-tasks-done">
                {formatNumber(d.done)}/{formatNumber(d.total)} {t('yearTasksDone')} ({formatPercent(d.percent)})
              </Text>
              {d.overdue > 0 && (
                <Anchor component="button" type="button" c="red" fw={600} onClick={() => set({ status: 'overdue' })} data-testid="year-tasks-overdue">
                  {formatNumber(d.overdue)} {t('overdue').toLowerCase()}
                </Anchor>
              )}
            </Group>
            <Progress value={d.percent ?? 0} maw={420} color="green" />
          </Stack>
          <Table striped highlightOnHover data-testid="year-tasks" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60}>TT</Table.Th>
                <Table.Th>{t('task')}</Table.Th>
                <Table.Th w={110}>{t('due')}</Table.Th>
                <Table.Th w={190}>{t('status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.tasks.map((x) => (
                <Table.Tr key={x.id} data-testid="year-task-row" data-status={x.status}>
                  <Table.Td>{x.number}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/plans/${x.planId}/tasks/${x.id}`} size="sm">
                      {x.text}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatDate(x.due)}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={x.status} overdue={x.overdue} />
                  </Table.Td>
                </Table.Tr>
              ))}
              {d.tasks.length === 0 && <EmptyRow columns={4} message={t('yearTasksNone')} hint={status === 'all' ? t('yearTasksNoneHint') : undefined} />}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
