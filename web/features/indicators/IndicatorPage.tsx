/**
 * One indicator for a period: the province's value (or the reader's unit's) and each unit's, as a table and a
 * bar chart, over the reporting window (15/… – 14/…) or the calendar period. For an indicator units enter,
 * a unit's officer enters its own unit's value for the period (a ratio asks for its numerator and
 * denominator) with a note and an evidence file; the administrator may enter any unit's.
 */
import { Anchor, Button, Card, FileButton, Group, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { Chart } from '../../app/Chart';
import { EmptyRow, LoadState, Tag, useLoad } from '../../app/components';
import { formatDateTime, formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { UnitSelect } from '../dossiers/shared';
import { defaultReportPeriod, periodName, PeriodPicker, windowText } from '../reports/periods';
import { formatValue, indicatorName, parseViNumber, SourceBadge } from './look';
import type { IndicatorDef, IndicatorValues } from './types';

interface Entry {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
  evidenceName: string | null;
  enteredAt: string;
}

const asText = (n: number | null | undefined) => (n === null || n === undefined ? '' : formatNumber(n, Number.isInteger(n) ? 0 : 2));

/** What a unit enters for the period; the form is keyed by unit and period, so it starts from what was saved. */
function EntryForm({ def, unitId, period, onSaved }: { def: IndicatorDef; unitId: number; period: string; onSaved(): void }) {
  const { lang } = useI18n();
  const q = new URLSearchParams({ unitId: String(unitId), period }).toString();
  const code = encodeURIComponent(def.code);
  const entry = useLoad(() => api.get<{ entry: Entry | null }>(`/api/indicators/${code}/values/entry?${q}`), [q, code]);
  const e = entry.data?.entry ?? null;
  if (entry.loading && !entry.data) return <LoadState loading />;
  return <EntryFields key={`${q}-${e?.enteredAt ?? ''}`} def={def} entry={e} unitId={unitId} period={period} periodLabel={periodName(period, lang)} reload={() => { entry.reload(); onSaved(); }} />;
}

function EntryFields({ def, entry, unitId, period, periodLabel, reload }: { def: IndicatorDef; entry: Entry | null; unitId: number; period: string; periodLabel: string; reload(): void }) {
  const { t } = useI18n();
  const ratio = def.aggregation === 'ratio';
  const [value, setValue] = useState(asText(entry?.value));
  const [numerator, setNumerator] = useState(asText(entry?.numerator));
  const [denominator, setDenominator] = useState(asText(entry?.denominator));
  const [note, setNote] = useState(entry?.note ?? '');
  const [state, setState] = useState<{ saved?: string; error?: string }>({});
  const code = encodeURIComponent(def.code);
  const save = async () => {
    const n = (s: string) => parseViNumber(s);
    const fields = ratio ? { numerator: n(numerator), denominator: n(denominator) } : { value: n(value) };
    if (Object.values(fields).some((x) => x !== null && Number.isNaN(x))) return setState({ error: t('ind.notANumber') });
    try {
      await api.put(`/api/indicators/${code}/values`, { unitId, period, ...fields, note: note || null });
      setState({ saved: formatDateTime(new Date()) });
      reload();
    } catch (e) {
      setState({ error: (e as Error).message });
    }
  };
  const upload = async (f: File | null) => {
    if (!f) return;
    const form = new FormData();
    form.append('file', f);
    try {
      await api.upload(`/api/indicators/${code}/values/evidence?${new URLSearchParams({ unitId: String(unitId), period })}`, form);
      setState({ saved: formatDateTime(new Date()) });
      reload();
    } catch (e) {
      setState({ error: (e as Error).message });
    }
  };
  const unitLabel = def.measure === '%' ? '' : def.measure;
  return (
    <Stack gap="xs" data-testid="entry-form">
      <Text size="sm">
        {t('ind.enterFor')} {periodLabel}
        {entry && ` · ${t('ind.enteredAt')} ${formatDateTime(entry.enteredAt)}`}
      </Text>
      {ratio ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <TextInput label={t('ind.numerator')} description={t('ind.numeratorHint')} inputMode="decimal" value={numerator} onChange={(e) => setNumerator(e.currentTarget.value)} data-testid="entry-numerator" />
          <TextInput label={t('ind.denominator')} description={t('ind.denominatorHint')} inputMode="decimal" value={denominator} onChange={(e) => setDenominator(e.currentTarget.value)} data-testid="entry-denominator" />
        </SimpleGrid>
      ) : (
        <TextInput label={t('ind.value')} inputMode="decimal" rightSection={<Text size="xs">{unitLabel}</Text>} rightSectionWidth={unitLabel ? 70 : undefined} value={value} onChange={(e) => setValue(e.currentTarget.value)} w={240} data-testid="entry-value" />
      )}
      <Textarea label={t('ind.note')} autosize minRows={1} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      <Group gap="xs" wrap="wrap">
        <Button onClick={save} data-testid="entry-save">
          {t('save')}
        </Button>
        {entry && (
          <FileButton onChange={upload} accept=".pdf,.docx,.xlsx,.doc,.xls,.jpg,.jpeg,.png">
            {(props) => (
              <Button {...props} variant="light" data-testid="entry-evidence">
                {entry.evidenceName ? t('ind.replaceEvidence') : t('ind.attachEvidence')}
              </Button>
            )}
          </FileButton>
        )}
        {entry?.evidenceName && (
          <Anchor href={`/api/indicators/${code}/values/evidence?${new URLSearchParams({ unitId: String(unitId), period })}`} size="sm" data-testid="entry-evidence-file">
            {entry.evidenceName}
          </Anchor>
        )}
      </Group>
      {!entry && (
        <Text size="xs" c="dimmed">
          {t('ind.evidenceAfterValue')}
        </Text>
      )}
      {state.error && (
        <Text size="xs" c="red" role="alert">
          {state.error}
        </Text>
      )}
      {state.saved && !state.error && (
        <Text size="xs" c="dimmed" data-testid="entry-saved">
          {t('ind.savedAt')} {state.saved}
        </Text>
      )}
    </Stack>
  );
}

export function IndicatorPage() {
  const { t, lang } = useI18n();
  const { user, can } = useAuth();
  const { code = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const period = params.get('period') ?? defaultReportPeriod();
  const calendar = params.get('calendar') === 'true';
  const unit = params.get('unit');
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };
  const query = new URLSearchParams({ period, by: 'unit', ...(calendar ? { calendar: 'true' } : {}), ...(unit ? { unit } : {}) }).toString();
  const load = useLoad(() => api.get<IndicatorValues>(`/api/indicators/${encodeURIComponent(code)}/values?${query}`), [code, query]);
  const d = load.data;
  const def = d?.indicator;
  const units = d?.units ?? [];
  const withData = units.filter((u) => u.value !== null && u.value !== undefined).sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  const option = useMemo(() => {
    if (!def || withData.length === 0) return null;
    const rows = [...withData].reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 64, top: 8, bottom: 24, containLabel: true },
      xAxis: { type: 'value', ...(def.measure === '%' ? { max: 100, axisLabel: { formatter: '{value} %' } } : {}) },
      yAxis: { type: 'category', data: rows.map((u) => u.unitName), axisLabel: { width: 170, overflow: 'truncate' } },
      series: [{ type: 'bar', barMaxWidth: 22, name: indicatorName(def, lang), data: rows.map((u) => u.value), label: { show: true, position: 'right', formatter: (p: { value: number }) => formatValue(p.value, def.measure) } }],
    };
  }, [def, withData, lang]);
  const manage = can('indicator.manage');
  const ownUnit = user && can('unitData.edit', { unitId: user.unitId }) ? user.unitId : null;
  const [entryUnit, setEntryUnit] = useState<string | null>(null);
  const formUnit = manage ? (entryUnit ? Number(entryUnit) : null) : ownUnit;
  return (
    <Stack>
      <Anchor component={Link} to="/indicators" size="sm">
        ← {t('ind.title')}
      </Anchor>
      <LoadState loading={load.loading && !d} error={load.error} />
      {def && d && (
        <>
          <Group justify="space-between" align="start" wrap="wrap">
            <div>
              <Title order={3} data-testid="indicator-title">
                {indicatorName(def, lang)}
              </Title>
              {def.description && (
                <Text size="sm" c="dimmed" maw={820}>
                  {def.description}
                </Text>
              )}
            </div>
            <Group gap="xs">
              <SourceBadge source={def.source} />
              <Tag variant="outline">
                {t('ind.measure')}: {def.measure}
              </Tag>
              <Tag variant="outline">{t(`ind.agg.${def.aggregation}`)}</Tag>
            </Group>
          </Group>
          <Group align="end" wrap="wrap">
            <PeriodPicker value={period} onChange={(k) => set({ period: k })} />
            <SegmentedControl
              value={calendar ? 'calendar' : 'window'}
              onChange={(v) => set({ calendar: v === 'calendar' ? 'true' : null })}
              data={[
                { value: 'window', label: t('ind.reportingWindow') },
                { value: 'calendar', label: t('ind.calendarPeriod') },
              ]}
              data-testid="calendar-switch"
            />
            {can('report.read') && <UnitSelect value={unit} onChange={(v) => set({ unit: v })} testId="indicator-unit" />}
          </Group>
          <Text size="sm" data-testid="indicator-window">
            {periodName(period, lang)} · {windowText(t, d.window)}
            {d.window.judgedAt < d.window.to ? ` (${t('ind.soFar')})` : ''}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ alignItems: 'start' }}>
            <Card withBorder padding="sm" data-testid="indicator-value">
              <Text size="xs" c="dimmed">
                {d.unit?.name ?? t('wholeProvince')}
              </Text>
              <Text fw={700} size="xl">
                {d.link ? (
                  <Anchor component={Link} to={d.link} inherit>
                    {formatValue(d.value, def.measure)}
                  </Anchor>
                ) : (
                  formatValue(d.value, def.measure)
                )}
              </Text>
              {d.numerator !== undefined && d.numerator !== null && d.denominator !== null && d.denominator !== undefined && (
                <Text size="xs" c="dimmed">
                  {formatNumber(d.numerator, Number.isInteger(d.numerator) ? 0 : 2)} / {formatNumber(d.denominator, Number.isInteger(d.denominator) ? 0 : 2)}
                </Text>
              )}
              {d.entered && (
                <Text size="xs" c="grape">
                  {t('ind.enteredByUnits')}
                </Text>
              )}
              {d.value === null && (
                <Text size="xs" c="dimmed">
                  {t('ind.noData')}
                </Text>
              )}
            </Card>
            {def.source === 'entered' && (formUnit !== null || manage) && (
              <Card withBorder padding="sm">
                <Text fw={600} mb={4}>
                  {t('ind.enterValue')}
                </Text>
                {manage && (
                  <Select
                    label={t('unit')}
                    placeholder={t('ind.chooseUnit')}
                    data={units.map((u) => ({ value: String(u.unitId), label: u.unitName }))}
                    value={entryUnit}
                    onChange={setEntryUnit}
                    searchable
                    mb="xs"
                    data-testid="entry-unit"
                  />
                )}
                {formUnit !== null && <EntryForm def={def} unitId={formUnit} period={period} onSaved={load.reload} />}
              </Card>
            )}
          </SimpleGrid>
          {option && (
            <Card withBorder padding="sm">
              <Text fw={600}>{t('ind.byUnitChart')}</Text>
              <Chart option={option} height={Math.max(200, withData.length * 26 + 50)} testId="indicator-chart" />
            </Card>
          )}
          {units.length > 0 && (
            <Table striped highlightOnHover fz="sm" data-testid="indicator-units">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('unit')}</Table.Th>
                  <Table.Th ta="right">{t('ind.value')}</Table.Th>
                  {def.aggregation === 'ratio' && <Table.Th ta="right">{t('ind.fraction')}</Table.Th>}
                  <Table.Th>{t('ind.source')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {units.map((u) => (
                  <Table.Tr key={u.unitId} data-testid="indicator-unit-row">
                    <Table.Td>{u.unitName}</Table.Td>
                    <Table.Td ta="right">
                      {u.link && u.value !== null ? (
                        <Anchor component={Link} to={u.link} size="sm">
                          {formatValue(u.value, def.measure)}
                        </Anchor>
                      ) : (
                        formatValue(u.value, def.measure)
                      )}
                    </Table.Td>
                    {def.aggregation === 'ratio' && (
                      <Table.Td ta="right">
                        {u.numerator !== null && u.numerator !== undefined && u.denominator !== null && u.denominator !== undefined ? `${formatNumber(u.numerator, Number.isInteger(u.numerator) ? 0 : 2)}/${formatNumber(u.denominator, Number.isInteger(u.denominator) ? 0 : 2)}` : '—'}
                      </Table.Td>
                    )}
                    <Table.Td>{u.value === null || u.value === undefined ? <Text span size="xs" c="dimmed">{t('ind.noData')}</Text> : u.entered ? t('ind.source.entered') : t('ind.source.computed')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {units.length === 0 && can('report.read') && (
            <Table>
              <Table.Tbody>
                <EmptyRow columns={1} message={t('ind.noUnits')} />
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Stack>
  );
}
