/**
 * The leaders' overview: one unit (the province by default) and one period; every tile opens the page that
 * explains it; the units worst on each figure open their records. Prints on one A4 landscape page.
 */
import './overview.css';
import { Anchor, Button, Card, Checkbox, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { Chart } from '../../app/Chart';
import { twelveMonthsEnding } from '../dossiers/trend';
import { useAuth } from '../../app/auth';
import { DateField, LoadState, Tag, useLoad } from '../../app/components';
import { formatDate, todayVn } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { fill, formatValue, type Overview, type Tile } from './shared';

/** The period choices: key → the query it sends (the same parameters as GET /api/overview). */
function periodOptions(today: string, t: (k: string) => string) {
  const y = Number(today.slice(0, 4));
  const q = Math.ceil(Number(today.slice(5, 7)) / 3);
  const opts: { value: string; label: string; query: Record<string, string> }[] = [
    { value: 'month', label: t('period.thisMonth'), query: { period: today.slice(0, 7) } },
    { value: 'quarter', label: t('period.thisQuarter'), query: { period: `${y}-Q${q}` } },
    { value: 'year', label: t('period.thisYear'), query: { period: String(y) } },
    { value: 'last', label: t('period.lastYear'), query: { period: String(y - 1) } },
  ];
  for (const yy of [y - 2, y - 3]) opts.push({ value: `y${yy}`, label: fill(t('period.year'), { year: yy }), query: { period: String(yy) } });
  for (const [k, label] of [['Q1', 'Quý I'], ['6M', '6 tháng'], ['Q3', 'Quý III'], ['9M', '9 tháng'], ['', 'năm']] as const) {
    const key = k ? `${y}-${k}` : String(y);
    opts.push({ value: `r${key}`, label: fill(t('period.reporting'), { label: `${label} ${y}` }), query: { period: key, window: 'reporting' } });
  }
  opts.push({ value: 'asOf', label: t('period.asOf'), query: {} });
  return opts;
}

function TileCard({ tile }: { tile: Tile }) {
  const { t, lang } = useI18n();
  const name = lang === 'en' ? tile.nameEn : tile.name;
  const body = (
    <>
      <Text size="xs" c="dimmed" lineClamp={2} h={32}>
        {name}
      </Text>
      {tile.state === 'no_data' ? (
        <Text fw={600} c="dimmed" className="overview-value" data-testid={`value-${tile.key}`}>
          {t('overviewNoData')}
        </Text>
      ) : (
        <Text fw={700} size="xl" className="overview-value" data-testid={`value-${tile.key}`}>
          {formatValue(tile.value, tile.measure)}
          {tile.measure !== '%' && tile.measure !== 'điểm' && (
            <Text span size="xs" c="dimmed">
              {' '}
              {tile.measure}
            </Text>
          )}
        </Text>
      )}
      {tile.target !== null && tile.target !== undefined && (
        <Text size="xs" c="dimmed">
          {t('overviewTarget')}: {formatValue(tile.target, tile.measure === '%' ? '%' : '')}
        </Text>
      )}
      {(tile.note || tile.entered) && tile.state !== 'no_data' && (
        <Text size="xs" c="dimmed">
          {tile.entered ? t('overviewEntered') : tile.note}
        </Text>
      )}
    </>
  );
  return (
    <Card withBorder padding="sm" className="overview-tile" data-testid={`tile-${tile.key}`}>
      {tile.link ? (
        <Anchor component={Link} to={tile.link} underline="never" c="inherit" data-testid={`open-${tile.key}`}>
          {body}
        </Anchor>
      ) : (
        body
      )}
      {tile.worst.length > 0 && (
        <Stack gap={0} mt={4}>
          <Text size="xs" fw={600}>
            {tile.better === 'higher' ? t('overviewWorst') : t('overviewWorstLower')}
          </Text>
          {tile.worst.slice(0, 3).map((w, i) => (
            <Text key={w.unitId} size="xs" truncate>
              {w.link ? (
                <Anchor component={Link} to={w.link} size="xs" data-testid={`worst-${tile.key}-${i}`}>
                  {w.unitName}
                </Anchor>
              ) : (
                w.unitName
              )}{' '}
              · {formatValue(w.value, tile.measure)}
            </Text>
          ))}
        </Stack>
      )}
    </Card>
  );
}

/** The on-time and online rates month by month (the dashboard's trend), drawn only when asked for: ECharts loads then. */
function Trend({ unit, to }: { unit: number | null; to: string }) {
  const { t } = useI18n();
  const q = new URLSearchParams({ ...twelveMonthsEnding(to), ...(unit ? { unit: String(unit) } : {}) }).toString();
  const trend = useLoad(() => api.get<{ months: { month: string; onTimeRate: number | null; onlineRate: number | null }[] }>(`/api/dossiers/stats/trend?${q}`), [q]);
  const option = useMemo(
    () =>
      trend.data && {
        tooltip: { trigger: 'axis' },
        legend: { data: [t('overviewTrendOnTime'), t('overviewTrendOnline')] },
        xAxis: { type: 'category', data: trend.data.months.map((m) => `${m.month.slice(5)}/${m.month.slice(0, 4)}`) },
        yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
        series: [
          { name: t('overviewTrendOnTime'), type: 'line', data: trend.data.months.map((m) => m.onTimeRate) },
          { name: t('overviewTrendOnline'), type: 'line', data: trend.data.months.map((m) => m.onlineRate) },
        ],
      },
    [trend.data, t],
  );
  return (
    <Card withBorder className="overview-no-print">
      <LoadState loading={trend.loading} error={trend.error} />
      {option && <Chart option={option} height={240} testId="overview-trend" />}
    </Card>
  );
}

export function OverviewPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const today = todayVn();
  const options = useMemo(() => periodOptions(today, t), [today, t]);
  const choice = params.get('asOf') ? 'asOf' : (options.find((o) => o.query.period === params.get('period') && (o.query.window ?? null) === params.get('window'))?.value ?? (params.get('period') ? null : 'year'));
  const query = useMemo(() => {
    const q = new URLSearchParams();
    for (const k of ['unit', 'period', 'window', 'asOf', 'from', 'to', 'onto']) if (params.get(k)) q.set(k, params.get(k)!);
    if (!q.has('period') && !q.has('asOf') && !q.has('from')) q.set('period', today.slice(0, 4));
    return q.toString();
  }, [params, today]);
  const load = useLoad(() => api.get<Overview>(`/api/overview?${query}`), [query]);
  const [showTrend, setShowTrend] = useState(false);
  const o = load.data;
  const set = (patch: Record<string, string | null>, clear: string[] = []) => {
    const next = new URLSearchParams(params);
    for (const k of clear) next.delete(k);
    for (const [k, v] of Object.entries(patch)) (v === null || v === '' ? next.delete(k) : next.set(k, v));
    setParams(next);
  };
  const pickPeriod = (value: string | null) => {
    const opt = options.find((x) => x.value === value);
    if (!opt) return;
    if (opt.value === 'asOf') set({ asOf: params.get('asOf') ?? `${Number(today.slice(0, 4)) - 1}-12-31` }, ['period', 'window', 'from', 'to', 'unit']);
    else set(opt.query, ['period', 'window', 'asOf', 'from', 'to', 'unit']);
  };
  // the units of the period's last day (Long An's for 2024), or today's when regrouped onto today's units
  const day = !o ? null : params.get('onto') === 'today' || o.judgedAt > today ? today : o.judgedAt;
  const units = useLoad(() => (day ? api.get<{ id: number; name: string; type: string; parentId: number | null }[]>(`/api/org-units?asOf=${day}`) : Promise.resolve([])), [day]);
  const province = units.data?.find((u) => u.type === 'province' && u.parentId === null && u.id === o?.unit.id) ?? units.data?.find((u) => u.type === 'province' && u.parentId === null);
  const unitOptions = [
    { value: '', label: province?.name ?? '—' },
    ...(units.data ?? []).filter((u) => u.id !== province?.id && ['department', 'district', 'commune', 'province'].includes(u.type)).map((u) => ({ value: String(u.id), label: u.name })),
  ];
  const anyUnit = can('report.read');
  return (
    <Stack className="overview-page">
      <Group justify="space-between" align="flex-end">
        <Title order={3} data-testid="overview-title">
          {t('overviewTitle')}
          {o ? ` – ${o.unit.name}` : ''}
        </Title>
        <Group className="overview-no-print" gap="xs">
          <Button variant="default" size="xs" component={Link} to={`/overview/map?${query}`} data-testid="overview-map">
            {t('mapOpen')}
          </Button>
          <Button variant="default" size="xs" onClick={() => setShowTrend((x) => !x)} data-testid="overview-trend-toggle">
            {t('overviewTrend')}
          </Button>
          <Button variant="default" size="xs" onClick={() => window.print()}>
            {t('overviewPrint')}
          </Button>
          <Button variant="default" size="xs" component="a" href={`/api/overview.xlsx?${query}`} data-testid="overview-export">
            {t('overviewExport')}
          </Button>
        </Group>
      </Group>
      <Group className="overview-no-print" align="flex-end" gap="sm">
        <Select label={t('overviewPeriod')} data={options.map(({ value, label }) => ({ value, label }))} value={choice} onChange={pickPeriod} allowDeselect={false} w={240} data-testid="overview-period" />
        {choice === 'asOf' && <DateField label={t('overviewAsOf')} value={params.get('asOf')} onChange={(d) => d && set({ asOf: d }, ['unit'])} w={150} data-testid="overview-asof" />}
        {anyUnit && o && (
          <Select
            label={t('overviewUnit')}
            data={unitOptions}
            value={params.get('unit') ?? ''}
            onChange={(v) => set({ unit: v || null })}
            searchable
            w={320}
            data-testid="overview-unit"
          />
        )}
        {anyUnit && (
          <Checkbox label={t('overviewOnto')} checked={params.get('onto') === 'today'} onChange={(e) => set({ onto: e.currentTarget.checked ? 'today' : null }, ['unit'])} mb={8} data-testid="overview-onto" />
        )}
      </Group>
      {o && (
        <Text size="sm" c="dimmed" data-testid="overview-range">
          {fill(t('overviewFromTo'), { from: formatDate(o.from), to: formatDate(o.to) })}
          {o.judgedAt !== o.to ? ` (${fill(t('overviewJudgedAt'), { date: formatDate(o.judgedAt) })})` : ''}
          {o.period && !o.calendar ? ' · ' : ''}
          {o.period && !o.calendar && <Tag size="xs">Kỳ báo cáo</Tag>}
        </Text>
      )}
      <LoadState loading={load.loading} error={load.error} />
      {o && showTrend && <Trend unit={o.unit.type === 'province' ? null : o.unit.id} to={o.judgedAt} />}
      {o && (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4, xl: 6 }} className="overview-grid" data-testid="overview-tiles">
          {o.tiles.map((tile) => (
            <TileCard key={tile.key} tile={tile} />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
