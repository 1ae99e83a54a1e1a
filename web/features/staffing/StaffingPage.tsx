/**
 * Staffing by year and unit: each unit's civil servants and public employees (assigned, present, the gap,
 * the reduction since 2015 with how it was obtained), the total of the scope, the schemes approved and the
 * people recruited. A unit's own staff see their unit only.
 */
import { Alert, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { formatPercentVi } from '../../../domain/numbers/rate';
import { parseReportingPeriod, reportingLabel } from '../../../domain/periods/reporting';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { LoadState, useLoad } from '../../app/components';
import { formatDate, formatNumber, todayVn } from '../../app/format';
import { useI18n } from '../../app/i18n';
import type { Figure, Staffing } from './types';

interface UnitAsOf {
  id: number;
  code: string;
  name: string;
  type: string;
}

const n = (x: number | null) => (x === null ? '—' : formatNumber(x));
const TYPE_ORDER: Record<string, number> = { province: 0, department: 1, central_agency: 2, district: 3, commune: 4, public_service: 5 };

function Rate({ f }: { f: Figure }) {
  const { t } = useI18n();
  return (
    <Stack gap={0}>
      <Text size="sm" ta="right">
        {formatPercentVi(f.reductionRate)}
      </Text>
      {f.rateBasis && (
        <Text size="xs" c="dimmed" ta="right" data-testid="st-rate-basis">
          {t(`st.basis.${f.rateBasis}`)}
        </Text>
      )}
    </Stack>
  );
}

function Cells({ f }: { f: Figure }) {
  return (
    <>
      <Table.Td ta="right">{n(f.assigned)}</Table.Td>
      <Table.Td ta="right">{n(f.present)}</Table.Td>
      <Table.Td ta="right">{n(f.gap)}</Table.Td>
      <Table.Td>
        <Rate f={f} />
      </Table.Td>
    </>
  );
}

export function StaffingPage() {
  const { t, lang } = useI18n();
  const { can, user } = useAuth();
  const [params, setParams] = useSearchParams();
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };
  const province = can('report.read');
  const thisYear = Number(todayVn().slice(0, 4));
  const year = Number(params.get('year') ?? thisYear);
  const asOf = `${year}-12-31` < todayVn() ? `${year}-12-31` : todayVn();
  const units = useLoad(() => (province ? api.get<UnitAsOf[]>(`/api/org-units?asOf=${asOf}`) : Promise.resolve([])), [asOf, province]);
  const unitOptions = [...(units.data ?? [])].sort((a, b) => (TYPE_ORDER[a.type] ?? 9) - (TYPE_ORDER[b.type] ?? 9) || a.name.localeCompare(b.name, 'vi')).map((u) => ({ value: String(u.id), label: `${u.name}${u.type === 'province' ? '' : ` — ${t(`type.${u.type}`)}`}` }));
  // the province of the year by default
  const unit = params.get('unit') ?? (province ? (units.data?.find((u) => u.type === 'province')?.id.toString() ?? null) : null);
  const period = params.get('period');
  const p = period ? parseReportingPeriod(period) : null;
  const query = new URLSearchParams({ year: String(year), ...(unit ? { unit } : {}), ...(p ? { from: p.from, to: p.to } : {}) }).toString();
  const ready = !province || !units.loading;
  const data = useLoad(() => (ready ? api.get<Staffing>(`/api/staffing?${query}`) : new Promise<Staffing>(() => undefined)), [query, ready]);
  const s = data.data;
  const years = [...new Set([...(s?.years ?? []), thisYear, year])].sort((a, b) => b - a);
  const periods = [`${year}-Q1`, `${year}-6M`, `${year}-Q3`, `${year}-9M`, `${year}`].map((k) => {
    const x = parseReportingPeriod(k)!;
    return { value: k, label: `${reportingLabel(x, lang)} (${formatDate(x.from)}–${formatDate(x.to)})` };
  });
  const who = s?.unit?.name ?? t('st.wholeProvince');
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('st.title')}</Title>
        <Group>
          <Button component="a" href={`/api/staffing/export.xlsx?${query}`} variant="light" data-testid="st-export">
            {t('st.export')}
          </Button>
          {can('register.manage') && (
            <Button component={Link} to="/staffing/import" variant="light">
              {t('st.import')}
            </Button>
          )}
        </Group>
      </Group>
      <Group align="flex-end">
        <Select label={t('st.year')} data={years.map(String)} value={String(year)} onChange={(v) => v && set({ year: v, period: null })} w={110} data-testid="st-year" />
        {province && <Select label={t('st.unit')} data={unitOptions} value={unit} onChange={(v) => set({ unit: v })} searchable w={380} data-testid="st-unit" />}
        <Select label={t('st.window')} data={periods} value={period} onChange={(v) => set({ period: v })} placeholder={t('st.wholeYear')} clearable w={340} />
      </Group>
      <LoadState loading={data.loading && !s} error={data.error} />
      {s && s.rows.length === 0 && <Text c="dimmed">{t('st.none')}</Text>}
      {s && s.rows.length > 0 && (
        <Paper withBorder p="sm">
          <Table striped fz="sm" data-testid="st-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th rowSpan={2}>{t('st.unit')}</Table.Th>
                <Table.Th colSpan={4} ta="center">
                  {t('st.civil')}
                </Table.Th>
                <Table.Th colSpan={4} ta="center">
                  {t('st.public')}
                </Table.Th>
              </Table.Tr>
              <Table.Tr>
                {[0, 1].map((i) => (
                  <FigureHeads key={i} />
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr fw={700} data-testid="st-total">
                <Table.Td>
                  {t('st.total')} ({who})
                </Table.Td>
                <Cells f={s.total.civilServants} />
                <Cells f={s.total.publicEmployees} />
              </Table.Tr>
              {s.rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td title={r.note ?? undefined}>
                    {r.unitName}
                    {r.note && r.unitType === 'province' && (
                      <Text size="xs" c="dimmed">
                        {r.note}
                      </Text>
                    )}
                  </Table.Td>
                  <Cells f={r.civilServants} />
                  <Cells f={r.publicEmployees} />
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed" mt="xs">
            {formatNumber(s.rows.length)} {t('st.rows')}. {t('st.basisNote')}
          </Text>
        </Paper>
      )}
      {s && (
        <Paper withBorder p="sm">
          <Title order={5} data-testid="st-schemes-title">
            {t('st.schemes')}: {formatNumber(s.schemes.total)} {t('st.schemesCount')} ({t('st.kind.civil_servant').toLowerCase()} {formatNumber(s.schemes.byKind.civil_servant)}, {t('st.kind.public_employee').toLowerCase()} {formatNumber(s.schemes.byKind.public_employee)}) — {formatDate(s.window.from)}–{formatDate(s.window.to)}
          </Title>
          <Table fz="sm" striped data-testid="st-schemes">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('st.unit')}</Table.Th>
                <Table.Th>{t('st.kind')}</Table.Th>
                <Table.Th>{t('st.decision')}</Table.Th>
                <Table.Th>{t('st.decisionDate')}</Table.Th>
                <Table.Th>{t('st.schemeTitle')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.schemes.items.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td>{x.unitName}</Table.Td>
                  <Table.Td>{t(`st.kind.${x.kind}`)}</Table.Td>
                  <Table.Td>{x.decisionNumber}</Table.Td>
                  <Table.Td>{formatDate(x.decisionDate)}</Table.Td>
                  <Table.Td>{x.title}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {s && (
        <Paper withBorder p="sm">
          <Title order={5} data-testid="st-recruitment-title">
            {t('st.recruitment')}: {formatNumber(s.recruitment.total)} {t('st.people')} ({t('st.kind.civil_servant').toLowerCase()} {formatNumber(s.recruitment.byKind.civil_servant)}, {t('st.kind.public_employee').toLowerCase()} {formatNumber(s.recruitment.byKind.public_employee)})
          </Title>
          <Table fz="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('st.unit')}</Table.Th>
                <Table.Th>{t('st.kind')}</Table.Th>
                <Table.Th ta="right">{t('st.count')}</Table.Th>
                <Table.Th>{t('st.reference')}</Table.Th>
                <Table.Th>{t('st.decisionDate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.recruitment.items.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td>{x.unitName}</Table.Td>
                  <Table.Td>{t(`st.kind.${x.kind}`)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(x.count)}</Table.Td>
                  <Table.Td>{x.reference}</Table.Td>
                  <Table.Td>{formatDate(x.decidedOn)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {!province && user && <Alert color="gray">{t('st.unit')}: {who}</Alert>}
    </Stack>
  );
}

function FigureHeads() {
  const { t } = useI18n();
  return (
    <>
      <Table.Th ta="right">{t('st.assigned')}</Table.Th>
      <Table.Th ta="right">{t('st.present')}</Table.Th>
      <Table.Th ta="right">{t('st.gap')}</Table.Th>
      <Table.Th ta="right">{t('st.rate')}</Table.Th>
    </>
  );
}
