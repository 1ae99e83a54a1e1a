/** Display formats: dates dd/mm/yyyy, numbers vi-VN. */
import { isIsoDate } from '../../domain/org/dates';

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** dd/mm/yyyy (also d/m/yyyy) → YYYY-MM-DD, or null when it is not a real date. */
export function parseVnDate(text: string): string | null {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** dd/mm/yyyy HH:mm in Vietnamese time (UTC+7), whatever the browser's zone. */
export function formatDateTime(instant: string | Date): string {
  const local = new Date(new Date(instant).getTime() + 7 * 3600_000).toISOString();
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 16)}`;
}

export function formatNumber(n: number, digits = 0): string {
  return new Intl.NumberFormat('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

/** Points with two decimals ("12,50"), "—" when there are none. */
export function formatPoints(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : formatNumber(n, 2);
}

/** Today in Vietnam, YYYY-MM-DD. */
export function todayVn(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}
