/**
 * The year's targets (chỉ tiêu) against the actual figures of the year's reporting window: for the province,
 * for every unit of a level, or for one unit — met, not met or no data, with the counts, a chart, and the
 * plan's target line each came from. The administrator adds a target and deletes one.
 */
import { Anchor, Button, Card, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { Chart } from '../../app/Chart';
import { EmptyRow, ErrorAlert, LoadState, Tag, useLoad } from '../../app/components';
import { formatNumber, todayVn } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { UnitSelect } from '../dossiers/shared';
import { windowText } from '../reports/periods';
import { formatValue, indicatorName, parseViNumber, TargetStateBadge } from './look';
import type { IndicatorDef, PlanLine, TargetList, TargetRow } from './types';

const COMPARATORS = ['>=', '>', '<=', '<', '='] as const;
const SYMBOL: Record<string, string> = { '>': '>', '>=': '≥', '<': '<', '<=': '≤', '=': '=' };
const LEVELS = ['province', 'department', 'district', 'commune'] as const;

interface UnitAsOf {
  id: number;
  name: string;
  type: string;
}

function appliesTo(t: (k: string) => string, x: TargetRow): string {
  if (x.unitId) return x.units[0]?.unitName ?? t('unit');
  if (x.level) return `${t('ind.everyUnitOf')} ${t(`type.${x.level}`).toLowerCase()}`;
  return t('wholeProvince');
}

function NewTarget({ year, planLines, onDone, onClose }: { year: number; planLines: PlanLine[]; onDone(): void; onClose(): void }) {
  const { t, lang } = useI18n();
  const defs = useLoad(() => api.get<IndicatorDef[]>('/api/indicators'), []);
  const today = todayVn();
  const units = useLoad(() => api.get<UnitAsOf[]>(`/api/org-units?asOf=${today}`), [today]);
  const [code, setCode] = useState<string | null>(null);
  const [scope, setScope] = useState<'province' | 'level' | 'unit'>('province');
  const [level, setLevel] = useState<string | null>('commune');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [comparator, setComparator] = useState<string>('>=');
  const [value, setValue] = useState('');
  const [text, setText] = useState('');
  const [planLine, setPlanLine] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const def = defs.data?.find((d) => d.code === code);
  const save = async () => {
    setError(null);
    const v = parseViNumber(value);
    if (v === null || Number.isNaN(v)) return setError(t('ind.notANumber'));
    try {
      await api.post('/api/targets', {
        code,
        year,
        level: scope === 'level' ? level : null,
        unitId: scope === 'unit' && unitId ? Number(unitId) : null,
        comparator,
        value: v,
        planTargetId: planLine ? Number(planLine) : null,
        text: text.trim() || null,
      });
      onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Stack>
      <ErrorAlert error={error} />
      <Select
        label={t('ind.indicator')}
        data={(defs.data ?? []).map((d) => ({ value: d.code, label: indicatorName(d, lang) }))}
        value={code}
        onChange={setCode}
        searchable
        data-testid="target-indicator"
      />
      <Text size="sm">
        {t('year')}: {year}
      </Text>
      <SegmentedControl
        value={scope}
        onChange={(v) => setScope(v as typeof scope)}
        data={[
          { value: 'province', label: t('wholeProvince') },
          { value: 'level', label: t('ind.aLevel') },
          { value: 'unit', label: t('ind.aUnit') },
        ]}
        data-testid="target-scope"
      />
      {scope === 'level' && <Select label={t('ind.level')} data={LEVELS.map((l) => ({ value: l, label: t(`type.${l}`) }))} value={level} onChange={setLevel} allowDeselect={false} data-testid="target-level" />}
      {scope === 'unit' && (
        <Select
          label={t('unit')}
          data={(units.data ?? []).filter((u) => u.type !== 'province').map((u) => ({ value: String(u.id), label: u.name }))}
          value={unitId}
          onChange={setUnitId}
          searchable
          data-testid="target-unit"
        />
      )}
      <Group grow align="end">
        <Select label={t('ind.comparator')} data={COMPARATORS.map((c) => ({ value: c, label: `${SYMBOL[c]} (${t(`ind.cmp.${c}`)})` }))} value={comparator} onChange={(v) => v && setComparator(v)} allowDeselect={false} data-testid="target-comparator" />
        <TextInput label={t('ind.targetValue')} inputMode="decimal" value={value} onChange={(e) => setValue(e.currentTarget.value)} rightSection={<Text size="xs">{def?.measure === '%' ? '%' : ''}</Text>} data-testid="target-value" />
      </Group>
      {planLines.length > 0 && (
        <Select
          label={t('ind.planLine')}
          placeholder={t('ind.planLineNone')}
          data={planLines.map((l) => ({ value: String(l.id), label: l.text.length > 140 ? `${l.text.slice(0, 140)}…` : l.text }))}
          value={planLine}
          onChange={setPlanLine}
          clearable
          searchable
          data-testid="target-plan-line"
        />
      )}
      <TextInput label={t('ind.targetText')} placeholder={t('ind.targetTextHint')} value={text} onChange={(e) => setText(e.currentTarget.value)} data-testid="target-text" />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('cancel')}
        </Button>
        <Button onClick={save} disabled={!code || !value.trim() || (scope === 'unit' && !unitId)} data-testid="target-save">
          {t('ind.addTarget')}
        </Button>
      </Group>
    </Stack>
  );
}

function TargetCard({ x, manage, onDelete }: { x: TargetRow; manage: boolean; onDelete(): void }) {
  const { t } = useI18n();
  return (
    <Card withBorder padding="sm" data-testid="target-card">
      <Group justify="space-between" align="start" wrap="wrap">
        <Stack gap={2} style={{ flex: 1, minWidth: 240 }}>
          <Text fw={600}>{x.text ?? x.indicator}</Text>
          {x.text && (
            <Text size="xs" c="dimmed">
              {x.indicator}
            </Text>
          )}
          <Group gap="xs">
            <Tag variant="filled" color="blue" data-testid="target-text-badge">
              {x.targetText}
            </Tag>
            <Text size="sm">{appliesTo(t, x)}</Text>
          </Group>
          {x.planTarget && (
            <Text size="xs" c="dimmed" data-testid="target-plan-line-text">
              {t('ind.fromPlan')}{' '}
              <Anchor component={Link} to={`/plans/${x.planTarget.planId}`} size="xs">
                {x.planTarget.planTitle}
              </Anchor>
              : “{x.planTarget.text}”
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          <Tag color="green" variant="light">
            {t('ind.state.met')}: {formatNumber(x.met)}
          </Tag>
          <Tag color="red" variant="light">
            {t('ind.state.not_met')}: {formatNumber(x.notMet)}
          </Tag>
          <Tag color="gray" variant="outline">
            {t('ind.state.no_data')}: {formatNumber(x.noData)}
          </Tag>
          {manage && (
            <Button size="compact-xs" variant="subtle" color="red" onClick={onDelete} data-testid="target-delete">
              {t('ind.delete')}
            </Button>
          )}
        </Group>
      </Group>
      <Table fz="sm" mt="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('unit')}</Table.Th>
            <Table.Th ta="right">{t('ind.actual')}</Table.Th>
            <Table.Th ta="right">{t('ind.target')}</Table.Th>
            <Table.Th>{t('ind.assessment')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {x.units.map((u) => (
            <Table.Tr key={u.unitId ?? 'all'} data-testid="target-unit-row">
              <Table.Td>{u.unitName}</Table.Td>
              <Table.Td ta="right">
                {u.link && u.actual !== null ? (
                  <Anchor component={Link} to={u.link} size="sm">
                    {formatValue(u.actual, x.measure)}
                  </Anchor>
                ) : (
                  formatValue(u.actual, x.measure)
                )}
                {u.entered && (
                  <Text span size="xs" c="grape">
                    {' '}
                    ({t('ind.entered')})
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{x.targetText}</Table.Td>
              <Table.Td>
                <TargetStateBadge state={u.state} />
              </Table.Td>
            </Table.Tr>
          ))}
          {x.units.length === 0 && <EmptyRow columns={4} message={t('ind.noUnitsInScope')} />}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

export function TargetsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const year = params.get('year') ?? todayVn().slice(0, 4);
  const unit = params.get('unit');
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };
  const query = new URLSearchParams({ year, ...(unit ? { unit } : {}) }).toString();
  const load = useLoad(() => api.get<TargetList>(`/api/targets?${query}`), [query]);
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<TargetRow | null>(null);
  const [error, setError] = useState<string | null>(null);
  const d = load.data;
  const manage = can('indicator.manage');
  const totals = (d?.targets ?? []).reduce((a, x) => ({ met: a.met + x.met, notMet: a.notMet + x.notMet, noData: a.noData + x.noData }), { met: 0, notMet: 0, noData: 0 });
  const option = useMemo(() => {
    const rows = [...(d?.targets ?? [])].reverse();
    if (rows.length === 0) return null;
    const label = (x: TargetRow) => `${x.text ?? x.indicator} ${x.targetText}`;
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { data: [t('ind.state.met'), t('ind.state.not_met'), t('ind.state.no_data')], bottom: 0 },
      grid: { left: 8, right: 24, top: 8, bottom: 36, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map(label), axisLabel: { width: 220, overflow: 'truncate' } },
      series: [
        { name: t('ind.state.met'), type: 'bar', stack: 'n', barMaxWidth: 28, color: '#2f9e44', data: rows.map((x) => x.met) },
        { name: t('ind.state.not_met'), type: 'bar', stack: 'n', barMaxWidth: 28, color: '#e03131', data: rows.map((x) => x.notMet) },
        { name: t('ind.state.no_data'), type: 'bar', stack: 'n', barMaxWidth: 28, color: '#adb5bd', data: rows.map((x) => x.noData) },
      ],
    };
  }, [d, t]);
  const years = Array.from({ length: 8 }, (_, i) => String(Number(todayVn().slice(0, 4)) + 1 - i));
  if (!years.includes(year)) years.push(year);
  const remove = async () => {
    if (!deleting) return;
    setError(null);
    try {
      await api.delete(`/api/targets/${deleting.id}`);
      setDeleting(null);
      load.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Stack>
      <Anchor component={Link} to="/indicators" size="sm">
        ← {t('ind.title')}
      </Anchor>
      <Group justify="space-between" wrap="wrap">
        <Title order={3}>
          {t('ind.targetsTitle')} {year}
        </Title>
        {manage && (
          <Button onClick={() => setAdding(true)} data-testid="add-target">
            {t('ind.addTarget')}
          </Button>
        )}
      </Group>
      <Group align="end" wrap="wrap">
        <Select label={t('year')} data={years} value={year} allowDeselect={false} onChange={(v) => v && set({ year: v })} w={110} />
        <UnitSelect value={unit} onChange={(v) => set({ unit: v })} testId="targets-unit" />
      </Group>
      <LoadState loading={load.loading && !d} error={load.error} />
      {d && (
        <>
          <Text size="sm" c="dimmed" data-testid="targets-window">
            {windowText(t, d.window)}
            {d.window.judgedAt < d.window.to ? ` (${t('ind.soFar')})` : ''}
          </Text>
          <SimpleGrid cols={{ base: 3 }} maw={520} data-testid="targets-counts">
            <Card withBorder padding="xs">
              <Text size="xs" c="dimmed">
                {t('ind.state.met')}
              </Text>
              <Text fw={700} c="green" data-testid="count-met">
                {formatNumber(totals.met)}
              </Text>
            </Card>
            <Card withBorder padding="xs">
              <Text size="xs" c="dimmed">
                {t('ind.state.not_met')}
              </Text>
              <Text fw={700} c="red" data-testid="count-not-met">
                {formatNumber(totals.notMet)}
              </Text>
            </Card>
            <Card withBorder padding="xs">
              <Text size="xs" c="dimmed">
                {t('ind.state.no_data')}
              </Text>
              <Text fw={700} data-testid="count-no-data">
                {formatNumber(totals.noData)}
              </Text>
            </Card>
          </SimpleGrid>
          {option && (
            <Card withBorder padding="sm">
              <Text fw={600}>{t('ind.targetsChart')}</Text>
              <Chart option={option} height={Math.max(180, d.targets.length * 34 + 70)} testId="targets-chart" />
            </Card>
          )}
          {d.targets.map((x) => (
            <TargetCard key={x.id} x={x} manage={manage} onDelete={() => setDeleting(x)} />
          ))}
          {d.targets.length === 0 && (
            <Table>
              <Table.Tbody>
                <EmptyRow columns={1} message={t('ind.noTargets')} hint={manage ? t('ind.noTargetsHint') : undefined} testId="no-targets" />
              </Table.Tbody>
            </Table>
          )}
          <Modal opened={adding} onClose={() => setAdding(false)} title={`${t('ind.addTarget')} ${year}`} size="lg">
            <NewTarget
              year={Number(year)}
              planLines={d.planLines}
              onClose={() => setAdding(false)}
              onDone={() => {
                setAdding(false);
                load.reload();
              }}
            />
          </Modal>
          <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title={t('ind.deleteTitle')}>
            <Stack>
              <ErrorAlert error={error} />
              <Text size="sm">
                {deleting ? `${deleting.text ?? deleting.indicator} ${deleting.targetText} — ${appliesTo(t, deleting)}` : ''}
              </Text>
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setDeleting(null)}>
                  {t('cancel')}
                </Button>
                <Button color="red" onClick={remove} data-testid="target-delete-confirm">
                  {t('ind.delete')}
                </Button>
              </Group>
            </Stack>
          </Modal>
        </>
      )}
    </Stack>
  );
}
