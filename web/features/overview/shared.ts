/** What the overview screen reads (GET /api/overview) and how it shows a value. */
import { formatNumber, formatPercent } from '../../app/format';

export interface WorstUnit {
  unitId: number;
  unitName: string;
  value: number;
  link: string | null;
}
export interface Tile {
  key: string;
  name: string;
  nameEn: string;
  measure: string;
  better: 'higher' | 'lower';
  value: number | null;
  target: number | null;
  numerator?: number | null;
  denominator?: number | null;
  link: string | null;
  note?: string | null;
  state: 'ok' | 'no_data';
  entered?: boolean;
  worst: WorstUnit[];
}
export interface Overview {
  unit: { id: number; name: string; type: string | null };
  period: string | null;
  calendar: boolean;
  from: string;
  to: string;
  judgedAt: string;
  onto: 'period' | 'today';
  units: { id: number; name: string; type: string; parentId: number | null }[];
  tiles: Tile[];
}

export const fill = (s: string, vars: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ''));

export function formatValue(v: number | null | undefined, measure: string): string {
  if (v === null || v === undefined) return '—';
  if (measure === '%') return formatPercent(v);
  if (measure === 'điểm') return formatNumber(v, 2);
  return formatNumber(v, Number.isInteger(v) ? 0 : 2);
}
