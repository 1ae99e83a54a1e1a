import { Anchor, Button, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { EmptyRow, LoadState, useLoad } from '../../app/components';
import { formatDate, formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { formatBudget } from './look';
import type { Figures, PlanSummary } from './types';

/** "43/43 (100,00 %)" with a bar. */
export function CompletionBar({ c }: { c: { done: number; total: number; percent: number | null } }) {
  return (
    <Stack gap={2} miw={140}>
      <Text size="sm" data-testid="completion">
        {formatNumber(c.done)}/{formatNumber(c.total)} ({c.percent === null ? '—' : `${formatNumber(c.percent, 2)} %`})
      </Text>
      <Progress value={c.percent ?? 0} color={c.percent === 100 ? 'green' : 'blue'} size="sm" />
    </Stack>
  );
}

function PlanRow({ p }: { p: PlanSummary }) {
  const figures = useLoad(() => api.get<Figures>(`/api/plans/${p.id}/figures`), [p.id]);
  return (
    <Table.Tr>
      <Table.Td>{p.year}</Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/plans/${p.id}`}>
          {p.title}
        </Anchor>
      </Table.Td>
      <Table.Td>
        {p.decisionNumber} {p.decisionDate && `(${formatDate(p.decisionDate)})`}
      </Table.Td>
      <Table.Td>{p.unitName}</Table.Td>
      <Table.Td ta="right">{formatNumber(p.taskCount)}</Table.Td>
      <Table.Td ta="right">{formatBudget(p.budgetMillion)}</Table.Td>
      <Table.Td>{figures.data && <CompletionBar c={figures.data.overall} />}</Table.Td>
    </Table.Tr>
  );
}

export function PlansPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const plans = useLoad(() => api.get<PlanSummary[]>('/api/plans'), []);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('plans')}</Title>
        {can('plan.manage') && (
          <Group>
            <Button component="a" href="/api/plans/template.xlsx" variant="subtle" size="xs">
              {t('downloadTemplate')} (.xlsx)
            </Button>
            <Button component="a" href="/api/plans/template.csv" variant="subtle" size="xs">
              {t('downloadTemplate')} (.csv)
            </Button>
            <Button component={Link} to="/plans/import">
              {t('importPlan')}
            </Button>
          </Group>
        )}
      </Group>
      <LoadState loading={plans.loading && !plans.data} error={plans.error} />
      <Table striped data-testid="plans-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('year')}</Table.Th>
            <Table.Th>{t('plans')}</Table.Th>
            <Table.Th>{t('decision')}</Table.Th>
            <Table.Th>{t('issuingUnit')}</Table.Th>
            <Table.Th ta="right">{t('tasks')}</Table.Th>
            <Table.Th ta="right">{t('budget')}</Table.Th>
            <Table.Th>{t('completion')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plans.data?.map((p) => (
            <PlanRow key={p.id} p={p} />
          ))}
          {plans.data?.length === 0 && <EmptyRow columns={7} message={t('noPlans')} hint={t('noPlansHint')} />}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
