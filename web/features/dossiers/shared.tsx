/** What the dossier screens share: the report's shape, the unit and period filter kept in the address. */
import { Button, Group, Select } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { DateField, useLoad } from '../../app/components';
import { todayVn } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { formatPercentVi } from '../../../domain/numbers/rate';
import type { OneStopReport } from '../../../domain/dossiers/report';

export type Report = OneStopReport;

export const pct = formatPercentVi;

/** Known one-stop systems by the code they send as `sourceSystem`; "demo-…" marks the demo's generated data. */
const SOURCE_SYSTEMS: Record<string, string> = {
  igate: 'source.igate',
  motcua: 'source.motcua',
  'motcua-xa': 'source.motcuaXa',
  dvcqg: 'source.dvcqg',
  file: 'source.file',
};

/** A source system as people read it: "demo-igate" → "Hệ thống một cửa điện tử iGate (dữ liệu mẫu)". */
export function sourceSystemLabel(t: (k: string) => string, code: string): string {
  const demo = code.startsWith('demo-');
  const base = demo ? code.slice(5) : code;
  const key = SOURCE_SYSTEMS[base];
  const name = key ? t(key) : `${t('source.other')} “${base}”`;
  return demo ? `${name} (${t('demoData')})` : name;
}

interface UnitAsOf {
  id: number;
  code: string;
  name: string;
  type: string;
  parentId: number | null;
}

const firstOfQuarter = (d: string) => `${d.slice(0, 5)}${String(Math.floor((Number(d.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;

/** unit / from / to from the address; defaults: the whole province (or one's own unit), this quarter so far. */
export function useFilter() {
  const [params, setParams] = useSearchParams();
  const today = todayVn();
  const unit = params.get('unit');
  const from = params.get('from') ?? firstOfQuarter(today);
  const to = params.get('to') ?? today;
  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };
  const query = new URLSearchParams({ from, to, ...(unit ? { unit } : {}) }).toString();
  return { unit, from, to, set, query, params };
}

/** The units a user may see figures of (all for the province's staff, their own otherwise); empty = the province. */
export function UnitSelect({ value, onChange, testId }: { value: string | null; onChange(v: string | null): void; testId?: string }) {
  const { t } = useI18n();
  const { can, user } = useAuth();
  const today = todayVn();
  const units = useLoad(() => api.get<UnitAsOf[]>(`/api/org-units?asOf=${today}`), [today]);
  const anyUnit = can('report.read');
  const options = (units.data ?? [])
    .filter((u) => anyUnit || u.id === user?.unitId)
    .filter((u) => ['province', 'department', 'commune', 'district', 'public_service'].includes(u.type))
    .map((u) => ({ value: String(u.id), label: u.name }));
  return <Select label={t('unit')} data={options} value={value} onChange={onChange} clearable={anyUnit} placeholder={t('wholeProvince')} searchable w={320} data-testid={testId} />;
}

export function FilterBar({ filter }: { filter: ReturnType<typeof useFilter> }) {
  const { t } = useI18n();
  const today = todayVn();
  const y = today.slice(0, 4);
  const quick: [string, string, string][] = [
    [t('thisMonth'), `${today.slice(0, 8)}01`, today],
    [t('thisQuarter'), firstOfQuarter(today), today],
    [t('thisYear'), `${y}-01-01`, today],
    [t('lastYear'), `${Number(y) - 1}-01-01`, `${Number(y) - 1}-12-31`],
  ];
  return (
    <Group align="end" wrap="wrap">
      <UnitSelect value={filter.unit} onChange={(v) => filter.set({ unit: v })} testId="filter-unit" />
      <DateField label={t('fromDate')} value={filter.from} onChange={(v) => v && filter.set({ from: v })} w={140} />
      <DateField label={t('toDate')} value={filter.to} onChange={(v) => v && filter.set({ to: v })} w={140} />
      <Group gap={4}>
        {quick.map(([label, from, to]) => (
          <Button key={label} size="xs" variant={filter.from === from && filter.to === to ? 'filled' : 'light'} onClick={() => filter.set({ from, to })}>
            {label}
          </Button>
        ))}
      </Group>
    </Group>
  );
}
