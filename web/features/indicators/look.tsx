/** How the indicator screens show values, sources and target states. */
import { Tag } from '../../app/components';
import { formatNumber, formatPercent } from '../../app/format';
import { useI18n } from '../../app/i18n';
import type { IndicatorDef, TargetState } from './types';

/** "94,69 %", "1.234 hồ sơ", "—" for no data. */
export function formatValue(v: number | null | undefined, measure: string): string {
  if (v === null || v === undefined) return '—';
  if (measure === '%') return formatPercent(v);
  return `${formatNumber(v, Number.isInteger(v) ? 0 : 2)} ${measure}`;
}

/** The name in the reader's language. */
export function indicatorName(def: Pick<IndicatorDef, 'name' | 'nameEn'>, lang: string): string {
  return lang === 'en' && def.nameEn ? def.nameEn : def.name;
}

export function SourceBadge({ source }: { source: IndicatorDef['source'] }) {
  const { t } = useI18n();
  return (
    <Tag variant="light" color={source === 'computed' ? 'blue' : 'grape'} data-testid="source-badge">
      {t(`ind.source.${source}`)}
    </Tag>
  );
}

const STATE_COLOR: Record<TargetState, string> = { met: 'green', not_met: 'red', no_data: 'gray' };

export function TargetStateBadge({ state }: { state: TargetState }) {
  const { t } = useI18n();
  return (
    <Tag variant={state === 'no_data' ? 'outline' : 'light'} color={STATE_COLOR[state]} data-testid="target-state" data-state={state}>
      {t(`ind.state.${state}`)}
    </Tag>
  );
}

/** Parses "1.234,5" or "1234.5" (vi-VN first): a number, null when empty, NaN when not a number. */
export function parseViNumber(s: string): number | null {
  const x = s.trim().replace(/\s/g, '');
  if (x === '') return null;
  const normal = x.includes(',') ? x.replace(/\./g, '').replace(',', '.') : /^\d{1,3}(\.\d{3})+$/.test(x) ? x.replace(/\./g, '') : x;
  return /^-?\d+(\.\d+)?$/.test(normal) ? Number(normal) : Number.NaN;
}
