/** The one-stop dashboard: on-time and online rates, month by month, units ranked, the report by group. */
import { Anchor, Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { Chart } from '../../app/Chart';
import { EmptyRow, LoadState, Tag, useLoad } from '../../app/components';
import { formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { useAuth } from '../../app/auth';
import { ImportDossiers } from './ImportDossiers';
import { FilterBar, pct, type Report, useFilter } from './shared';
import { twelveMonthsEnding } from './trend';

type Stats = Report & { unit: { id: number; name: string } | null; from: string; to: string; judgedAt: string; groups?: (Report & { key: string; name: string })[] };

function Figure({ label, value, sub, to, testId, color }: { label: string; value: string; sub?: string; to?: string; testId: string; color?: string }) {
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" c={color}>
        {to ? (
          <Anchor component={Link} to={to} inherit c={color}>
            {value}
          </Anchor>
        ) : (
          value
        )}
      </Text>
      {sub && (
        <Text size="xs" c="dimmed">
          {sub}
        </Text>
      )}
    </Card>
  );
}

export function DossierDashboard() {
  const { t } = useI18n();
  const { can } = useAuth();
  const filter = useFilter();
  const [by, setBy] = useState<'unit' | 'procedure' | 'field' | 'level'>('unit');
  const stats = useLoad(() => api.get<Stats>(`/api/dossiers/stats?${filter.query}&by=${by}`), [filter.query, by]);
  // the trend covers the twelve months ending with the period's last month, however short the period is
  const trendQuery = new URLSearchParams({ ...twelveMonthsEnding(filter.to), ...(filter.unit ? { unit: filter.unit } : {}) }).toString();
  const trend = useLoad(() => api.get<{ months: (Report & { month: string })[] }>(`/api/dossiers/stats/trend?${trendQuery}`), [trendQuery]);
  const s = stats.data;
  const list = (category: string) => `/dossiers/list?${filter.query}&category=${category}`;
  const option = useMemo(
    () =>
      trend.data && {
        tooltip: { trigger: 'axis' },
        legend: { data: [t('received'), t('resolved'), t('onTimeRate')] },
        xAxis: { type: 'category', data: trend.data.months.map((m) => `${m.month.slice(5)}/${m.month.slice(0, 4)}`) },
        yAxis: [{ type: 'value' }, { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } }],
        series: [
          { name: t('received'), type: 'bar', data: trend.data.months.map((m) => m.received) },
          { name: t('resolved'), type: 'bar', data: trend.data.months.map((m) => m.resolved) },
          { name: t('onTimeRate'), type: 'line', yAxisIndex: 1, data: trend.data.months.map((m) => m.onTimeRate) },
        ],
      },
    [trend.data, t],
  );
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('dossiers')}</Title>
        <Group>
          <Button component={Link} to={`/index766?${filter.unit ? `unit=${filter.unit}&` : ''}period=${filter.to.slice(0, 4)}`} variant="light">
            {t('index766')}
          </Button>
          <Button component="a" href={`/api/dossiers/stats.xlsx?${filter.query}`} variant="light">
            {t('exportExcel')}
          </Button>
        </Group>
      </Group>
      {can('dossier.ingest') && <ImportDossiers onDone={() => { stats.reload(); trend.reload(); }} />}
      <FilterBar filter={filter} />
      <LoadState loading={stats.loading && !s} error={stats.error} />
      {s && (
        <>
          <Text size="sm" c="dimmed">
            {s.unit?.name ?? t('wholeProvince')} · {t('judgedAt')} {s.judgedAt.split('-').reverse().join('/')}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
            <Figure testId="fig-on-time" label={t('onTimeRate')} value={pct(s.onTimeRate)} sub={`${formatNumber(s.early + s.onTime)} / ${formatNumber(s.resolved)}`} color={s.onTimeRate !== null && s.onTimeRate < 95 ? 'red' : 'green'} />
            <Figure testId="fig-online" label={t('onlineRate')} value={pct(s.onlineRate)} sub={`${formatNumber(s.receivedOnline)} / ${formatNumber(s.received)}`} />
            <Figure testId="fig-received" label={t('received')} value={formatNumber(s.received)} to={list('received')} sub={`${t('carriedOver')}: ${formatNumber(s.carriedOver)}`} />
            <Figure testId="fig-resolved" label={t('resolved')} value={formatNumber(s.resolved)} to={list('resolved')} />
            <Figure testId="fig-late" label={t('lateResolved')} value={formatNumber(s.late)} to={list('late')} sub={pct(s.lateRate)} color={s.late ? 'red' : undefined} />
            <Figure testId="fig-open-late" label={t('inProgressLate')} value={formatNumber(s.inProgressLate)} to={list('in_progress_late')} sub={`${t('inProgress')}: ${formatNumber(s.inProgress)}`} color={s.inProgressLate ? 'orange' : undefined} />
          </SimpleGrid>
          <ReportTable report={s} filterQuery={filter.query} />
        </>
      )}
      {option && (
        <Card withBorder>
          <Text fw={600}>{t('trend12')}</Text>
          <Chart option={option} height={300} testId="trend-chart" />
        </Card>
      )}
      <Group justify="space-between">
        <Title order={4}>{by === 'unit' ? t('unitRanking') : t('reportBy')}</Title>
        <SegmentedControl
          value={by}
          onChange={(v) => setBy(v as typeof by)}
          data={[
            { value: 'unit', label: t('unit') },
            { value: 'procedure', label: t('procedure') },
            { value: 'field', label: t('field') },
            { value: 'level', label: t('level') },
          ]}
        />
      </Group>
      <GroupTable rows={s?.groups ?? []} by={by} filterQuery={filter.query} loaded={!!s} />
    </Stack>
  );
}

/** The standard report's figures, each a link to its dossiers. */
function ReportTable({ report: s, filterQuery }: { report: Report; filterQuery: string }) {
  const { t } = useI18n();
  const cells: [string, number, string][] = [
    ['carriedOver', s.carriedOver, 'carried_over'],
    ['receivedOnline', s.receivedOnline, 'received'],
    ['receivedCounter', s.receivedCounter, 'received'],
    ['early', s.early, 'early'],
    ['onTime', s.onTime, 'on_time'],
    ['lateResolved', s.late, 'late'],
    ['inProgressOnTime', s.inProgressOnTime, 'in_progress_on_time'],
    ['inProgressLate', s.inProgressLate, 'in_progress_late'],
    ['withdrawn', s.withdrawn, 'withdrawn'],
    ['refused', s.refused, 'refused'],
    ['notAccepted', s.notAccepted, 'not_accepted'],
  ];
  return (
    <Table withTableBorder withColumnBorders data-testid="report-table" fz="sm">
      <Table.Thead>
        <Table.Tr>
          {cells.map(([k]) => (
            <Table.Th key={k}>{t(k)}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        <Table.Tr>
          {cells.map(([k, v, cat]) => (
            <Table.Td key={k} ta="right">
              <Anchor component={Link} to={`/dossiers/list?${filterQuery}&category=${cat}`} data-testid={`cell-${k}`}>
                {formatNumber(v)}
              </Anchor>
            </Table.Td>
          ))}
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

function GroupTable({ rows, by, filterQuery, loaded }: { rows: (Report & { key: string; name: string })[]; by: string; filterQuery: string; loaded: boolean }) {
  const { t } = useI18n();
  const levelName = (k: string) => t(`level.${k}`);
  return (
    <Table striped highlightOnHover data-testid="group-table" fz="sm">
      <Table.Thead>
        <Table.Tr>
          {by === 'unit' && <Table.Th>#</Table.Th>}
          <Table.Th>{by === 'unit' ? t('unit') : by === 'procedure' ? t('procedure') : by === 'field' ? t('field') : t('level')}</Table.Th>
          <Table.Th ta="right">{t('received')}</Table.Th>
          <Table.Th ta="right">{t('resolved')}</Table.Th>
          <Table.Th ta="right">{t('lateResolved')}</Table.Th>
          <Table.Th ta="right">{t('inProgressLate')}</Table.Th>
          <Table.Th ta="right">{t('onTimeRate')}</Table.Th>
          <Table.Th ta="right">{t('onlineRate')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r, i) => {
          const drill = by === 'unit' ? `/dossiers/list?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(filterQuery)), unit: r.key })}` : `/dossiers/list?${filterQuery}&${by}=${encodeURIComponent(r.key)}`;
          return (
            <Table.Tr key={r.key}>
              {by === 'unit' && <Table.Td>{i + 1}</Table.Td>}
              <Table.Td>
                <Anchor component={Link} to={`${drill}&category=received`} size="sm">
                  {by === 'level' ? levelName(r.name) : by === 'procedure' ? `${r.key} — ${r.name}` : r.name}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right">{formatNumber(r.received)}</Table.Td>
              <Table.Td ta="right">{formatNumber(r.resolved)}</Table.Td>
              <Table.Td ta="right">
                <Anchor component={Link} to={`${drill}&category=late`} size="sm" c={r.late ? 'red' : undefined}>
                  {formatNumber(r.late)}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right">{formatNumber(r.inProgressLate)}</Table.Td>
              <Table.Td ta="right">
                <Tag variant="light" color={r.onTimeRate === null ? 'gray' : r.onTimeRate >= 98 ? 'green' : r.onTimeRate >= 90 ? 'yellow' : 'red'}>
                  {pct(r.onTimeRate)}
                </Tag>
              </Table.Td>
              <Table.Td ta="right">{pct(r.onlineRate)}</Table.Td>
            </Table.Tr>
          );
        })}
        {loaded && rows.length === 0 && <EmptyRow columns={by === 'unit' ? 8 : 7} message={t('noGroups')} />}
      </Table.Tbody>
    </Table>
  );
}
