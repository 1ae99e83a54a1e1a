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

const ROMAN = ['I', 'II', 'III', 'IV'];

/**
 * A period key as people read it: `2026` → "Năm 2026", `2026-Q3` → "Quý III/2026", `2026-03` → "Tháng 03/2026"
 * (English: "Year 2026", "Q3 2026", "03/2026"). Anything else is returned as given.
 */
export function formatPeriod(key: string, lang: 'vi' | 'en' = 'vi'): string {
  let m = /^(\d{4})$/.exec(key);
  if (m) return lang === 'en' ? `Year ${m[1]}` : `Năm ${m[1]}`;
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return lang === 'en' ? `Q${m[2]} ${m[1]}` : `Quý ${ROMAN[Number(m[2]) - 1]}/${m[1]}`;
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (m) return lang === 'en' ? `${m[2]}/${m[1]}` : `Tháng ${m[2]}/${m[1]}`;
  return key;
}

/** A percentage with two decimals and a non-breaking space before the sign ("94,24 %"), "—" when none. */
export function formatPercent(n: number | null | undefined, digits = 2): string {
  return n === null || n === undefined ? '—' : `${formatNumber(n, digits)}\u00a0%`;
}

/** "1669/1766" → "1.669/1.766"; other text unchanged. */
export function formatRatio(text: string | null | undefined): string {
  if (!text) return '';
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  return m ? `${formatNumber(Number(m[1]))}/${formatNumber(Number(m[2]))}` : text;
}
