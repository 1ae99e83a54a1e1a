/**
 * Timeframe phrases of CCHC plans ("Quý II, III/2020", "Trong năm", "Trước ngày 15/10/2020",
 * "Từ tháng 01 đến tháng 11/2020", "Theo Kế hoạch của Bộ Nội vụ"…) read into date windows and a due date —
 * also as other provinces write them: dates written out ("trước ngày 31 tháng 3 năm 2026"), "đến hết …",
 * "trong quý …", open-ended phrases ("từ năm 2026 trở đi") and months every year ("tháng 6 và tháng 12
 * hằng năm").
 *
 * The phrase is read whole, left to right; a phrase with any part this module does not understand is kept
 * as text with no due date and flagged (kind 'unknown') — never guessed.
 */
import { addDays, type IsoDate, isIsoDate } from '../org/dates.js';
import { fold } from '../text/normalize.js';

export type TimeframeKind =
  | 'window' // fixed window(s): quarters, months, before a date
  | 'year' // the whole year ("Trong năm")
  | 'recurring' // hằng quý, định kỳ
  | 'conditional' // khi có hướng dẫn của TW, nếu có: no due date of its own
  | 'external' // theo Kế hoạch của Bộ Nội vụ: set by another body
  | 'unknown';

export interface DateWindow {
  start: IsoDate;
  end: IsoDate;
}

export interface Timeframe {
  windows: DateWindow[];
  due: IsoDate | null;
  kind: TimeframeKind;
  recurring: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthStart = (y: number, m: number) => `${y}-${pad(m)}-01`;
const monthEnd = (y: number, m: number) => addDays(m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`, -1);
const quarterWindow = (y: number, q: number): DateWindow => ({ start: monthStart(y, q * 3 - 2), end: monthEnd(y, q * 3) });
const yearWindow = (y: number): DateWindow => ({ start: `${y}-01-01`, end: `${y}-12-31` });

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
function quarterNumber(s: string): number | null {
  const n = ROMAN[s] ?? Number(s);
  return Number.isInteger(n) && n >= 1 && n <= 4 ? n : null;
}

/** A range separator: "-", "đến", "đến hết", "tới". */
const RANGE = /^(-|–|den het|den|toi)$/;

/** Expands "a, b - c" style lists: commas and "và" list, "-" and "đến" make an inclusive range. */
function expandList(items: string[], seps: string[], max: number): number[] | null {
  const nums = items.map((x) => (max === 4 ? quarterNumber(x) : Number(x)));
  if (nums.some((n) => n === null || !Number.isInteger(n) || n! < 1 || n! > max)) return null;
  const out: number[] = [nums[0]!];
  for (let i = 1; i < nums.length; i++) {
    const [from, to] = [nums[i - 1]!, nums[i]!];
    if (RANGE.test(seps[i - 1])) {
      if (to < from) return null;
      for (let k = from + 1; k <= to; k++) out.push(k);
    } else out.push(to);
  }
  return out;
}

interface Part {
  windows: DateWindow[];
  kind?: 'year' | 'recurring' | 'external';
  due?: IsoDate;
  /** "hằng năm" after months or quarters: those windows recur; the part adds no window of its own */
  yearly?: boolean;
}

type Matcher = (s: string, at: number, year: number) => { end: number; part: Part } | null;

const SEP = String.raw`\s*(,|va|-|–|den het|den|toi)\s*`;
const SEP_NC = String.raw`\s*(?:,|va|-|–|den het|den|toi)\s*`;
const YEAR_SUFFIX = String.raw`(?:\s*\/\s*|\s+nam\s+)(\d{4})`;

/** "quy ii, iii/2020", "quy 1 nam 2021", "quy i va quy ii/2020", "quy i - quy iii", "trong quy ii/2026" */
const quarters: Matcher = (s, at, year) => {
  const re = new RegExp(String.raw`(?:trong\s+)?quy\s*(iv|iii|ii|i|\d)\b((?:${SEP_NC}(?:quy\s*)?(?:iv|iii|ii|i|\d)\b)*)(?:${YEAR_SUFFIX})?`, 'y');
  re.lastIndex = at;
  const m = re.exec(s);
  if (!m) return null;
  const items = [m[1]];
  const seps: string[] = [];
  for (const x of m[2].matchAll(new RegExp(`${SEP}(?:quy\\s*)?(iv|iii|ii|i|\\d)\\b`, 'g'))) {
    seps.push(x[1]);
    items.push(x[2]);
  }
  const qs = expandList(items, seps, 4);
  if (!qs) return null;
  const y = m[3] ? Number(m[3]) : year;
  return { end: re.lastIndex, part: { windows: qs.map((q) => quarterWindow(y, q)) } };
};

/** "thang 12/2019", "tu thang 01 den thang 11/2020", "thang 3, 4 nam 2020", "trong thang 6/2026" */
const months: Matcher = (s, at, year) => {
  const re = new RegExp(String.raw`(?:tu\s+|trong\s+)?thang\s*(\d{1,2})((?:${SEP_NC}(?:thang\s*)?\d{1,2}\b)*)(?:${YEAR_SUFFIX})?`, 'y');
  re.lastIndex = at;
  const m = re.exec(s);
  if (!m) return null;
  const items = [m[1]];
  const seps: string[] = [];
  for (const x of m[2].matchAll(new RegExp(`${SEP}(?:thang\\s*)?(\\d{1,2})\\b`, 'g'))) {
    seps.push(x[1]);
    items.push(x[2]);
  }
  const ms = expandList(items, seps, 12);
  if (!ms) return null;
  const y = m[3] ? Number(m[3]) : year;
  const ranged = seps.some((x) => RANGE.test(x));
  const windows = ranged
    ? [{ start: monthStart(y, ms[0]), end: monthEnd(y, ms[ms.length - 1]) }]
    : ms.map((mo) => ({ start: monthStart(y, mo), end: monthEnd(y, mo) }));
  return { end: re.lastIndex, part: { windows } };
};

/** "thang 10/2019 den thang 3/2020": a range of months with a year on each end */
const monthRange: Matcher = (s, at) => {
  const re = /(?:tu\s+)?thang\s*(\d{1,2})\/(\d{4})\s*(?:-|–|den|toi)\s*(?:thang\s*)?(\d{1,2})\/(\d{4})/y;
  re.lastIndex = at;
  const m = re.exec(s);
  if (!m) return null;
  const [m1, y1, m2, y2] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  if (m1 < 1 || m1 > 12 || m2 < 1 || m2 > 12 || monthStart(y1, m1) > monthStart(y2, m2)) return null;
  return { end: re.lastIndex, part: { windows: [{ start: monthStart(y1, m1), end: monthEnd(y2, m2) }] } };
};

function date(d: string, mo: string, y: number): IsoDate | null {
  const iso = `${y}-${pad(Number(mo))}-${pad(Number(d))}`;
  return isIsoDate(iso) ? iso : null;
}

/**
 * A day: "15/10/2020", "15/10" (the plan year), "31 thang 3 nam 2026", "ngay 31 thang 3" — written out it
 * needs "ngày" or the year, so that "6 tháng đầu năm" is not read as a day.
 */
const DAY = String.raw`(?:(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?|(\d{1,2})\s+thang\s+(\d{1,2})(?:\s*,?\s*nam\s+(\d{4}))?)`;

/** The day a DAY match (from group `g` on) names, or null when it is not a real date. */
function dayOf(m: RegExpExecArray, g: number, year: number, needYear: boolean, hasNgay: boolean): IsoDate | null {
  const numeric = m[g] !== undefined;
  const [d, mo, y] = numeric ? [m[g], m[g + 1], m[g + 2]] : [m[g + 3], m[g + 4], m[g + 5]];
  if (!y && (needYear || (!numeric && !hasNgay))) return null;
  return date(d, mo, y ? Number(y) : year);
}

/** From the start of the plan year (or of an earlier year named) until `due`. */
const until = (due: IsoDate, year: number): Part => ({ windows: [{ start: `${Math.min(Number(due.slice(0, 4)), year)}-01-01`, end: due }], due });

/** "truoc ngay 15/10/2020", "cham nhat ngay 15/10", "truoc 30/6", "truoc ngay 31 thang 3 nam 2026" */
const before: Matcher = (s, at, year) => {
  const re = new RegExp(String.raw`(?:truoc|cham nhat(?: la)?|han chot)\s*(ngay\s*)?${DAY}`, 'y');
  re.lastIndex = at;
  const m = re.exec(s);
  if (!m) return null;
  const due = dayOf(m, 2, year, false, !!m[1]);
  return due ? { end: re.lastIndex, part: until(due, year) } : null;
};

/** "den het thang 6/2026", "den het quy iii/2026", "den het nam 2026", "den het ngay 15/11/2026" */
const untilEndOf: Matcher = (s, at, year) => {
  const re = new RegExp(
    String.raw`den het\s+(?:thang\s*(\d{1,2})(?:${YEAR_SUFFIX})?|quy\s*(iv|iii|ii|i|\d)\b(?:${YEAR_SUFFIX})?|nam(?:\s+(\d{4}))?|(ngay\s*)${DAY})`,
    'y',
  );
  re.lastIndex = at;
  const m = re.exec(s);
  if (!m) return null;
  let due: IsoDate | null = null;
  if (m[1] !== undefined) {
    const mo = Number(m[1]);
    if (mo >= 1 && mo <= 12) due = monthEnd(m[2] ? Number(m[2]) : year, mo);
  } else if (m[3] !== undefined) {
    const q = quarterNumber(m[3]);
    if (q) due = quarterWindow(m[4] ? Number(m[4]) : year, q).end;
  } else if (m[6] !== undefined) {
    due = dayOf(m, 7, year, false, true);
  } else due = `${m[5] ? Number(m[5]) : year}-12-31`;
  return due ? { end: re.lastIndex, part: until(due, year) } : null;
};

/** "ngay 15/10/2020", "ngay 31 thang 3 nam 2026" */
const onDate: Matcher = (s, at, year) => {
  const re = new RegExp(String.raw`(ngay\s*)?${DAY}`, 'y');
  re.lastIndex = at;
  const m = re.exec(s);
  if (!m) return null;
  const d = dayOf(m, 2, year, m[2] !== undefined, !!m[1]);
  return d ? { end: re.lastIndex, part: { windows: [{ start: d, end: d }] } } : null;
};

/**
 * Open-ended: "nam 2026 va cac nam tiep theo", "tu nam 2026 tro di", "tu quy iii/2026 tro di": a window from
 * that start to the end of the plan year, recurring every year after; due with the plan year.
 */
const openEnded: Matcher = (s, at, year) => {
  const re = new RegExp(
    String.raw`(?:tu\s+)?(?:nam\s+(\d{4})|quy\s*(iv|iii|ii|i|\d)${YEAR_SUFFIX}|thang\s*(\d{1,2})${YEAR_SUFFIX})\s*(?:tro di|,?\s*va\s+(?:cac|nhung)\s+nam\s+(?:tiep theo|sau))`,
    'y',
  );
  re.lastIndex = at;
  const m = re.exec(s);
  if (!m) return null;
  let start: IsoDate | null = null;
  if (m[1]) start = `${m[1]}-01-01`;
  else if (m[2]) {
    const q = quarterNumber(m[2]);
    if (q) start = quarterWindow(Number(m[3]), q).start;
  } else {
    const mo = Number(m[4]);
    if (mo >= 1 && mo <= 12) start = monthStart(Number(m[5]), mo);
  }
  if (!start) return null;
  const end = `${Math.max(year, Number(start.slice(0, 4)))}-12-31`;
  return { end: re.lastIndex, part: { windows: [{ start, end }], kind: 'recurring', due: end } };
};

/** "6 thang dau nam", "6 thang cuoi nam 2020", "9 thang dau nam" */
const partOfYear: Matcher = (s, at, year) => {
  const re = /(6|9|sau|chin)\s*thang\s*(dau|cuoi)\s*(?:nam)?(?:\s*(\d{4}))?/y;
  re.lastIndex = at;
  const m = re.exec(s);
  if (!m) return null;
  const n = m[1] === '6' || m[1] === 'sau' ? 6 : 9;
  const y = m[3] ? Number(m[3]) : year;
  if (m[2] === 'cuoi' && n === 9) return null;
  const window = m[2] === 'dau' ? { start: monthStart(y, 1), end: monthEnd(y, n) } : { start: monthStart(y, 7), end: monthEnd(y, 12) };
  return { end: re.lastIndex, part: { windows: [window] } };
};

/** "trong nam", "ca nam 2020", "nam 2020", "thuong xuyen" */
const wholeYear: Matcher = (s, at, year) => {
  const re = /(?:(?:trong|ca|suot)\s+nam|nam|thuong xuyen(?:\s+trong\s+nam)?)(?:\s*(\d{4}))?/y;
  re.lastIndex = at;
  const m = re.exec(s);
  if (!m) return null;
  if (/^nam/.test(m[0]) && !m[1]) return null; // a bare "năm" is not a timeframe
  return { end: re.lastIndex, part: { windows: [yearWindow(m[1] ? Number(m[1]) : year)], kind: 'year' } };
};

/** "hang quy", "hằng tháng", "dinh ky", "dinh ky, dot xuat trong nam" */
const recurring: Matcher = (s, at, year) => {
  const re = /(?:(?:hang|moi)\s+(quy|thang|nam)|dinh ky(?:\s+(hang\s+)?(quy|thang|nam|6 thang))?|dot xuat)(?:\s*(?:,|va)?\s*(?:dot xuat|dinh ky))?(?:\s+trong\s+nam(?:\s*(\d{4}))?)?/y;
  re.lastIndex = at;
  const m = re.exec(s);
  if (!m) return null;
  const unit = m[1] ?? m[3];
  const y = m[4] ? Number(m[4]) : year;
  let windows: DateWindow[] = [yearWindow(y)];
  if (unit === 'quy') windows = [1, 2, 3, 4].map((q) => quarterWindow(y, q));
  if (unit === 'thang') windows = Array.from({ length: 12 }, (_, i) => ({ start: monthStart(y, i + 1), end: monthEnd(y, i + 1) }));
  if (unit === '6 thang') windows = [{ start: monthStart(y, 1), end: monthEnd(y, 6) }, { start: monthStart(y, 7), end: monthEnd(y, 12) }];
  const yearly = unit === 'nam';
  return { end: re.lastIndex, part: { windows, kind: 'recurring', yearly } };
};

/** "theo ke hoach cua bo noi vu", "theo ke hoach kiem tra cchc cua tinh": another body sets the time */
const external: Matcher = (s, at) => {
  const re = /theo\s+(?:ke hoach|lich|huong dan|quy dinh|yeu cau|chi dao|van ban|thoi gian)\b.*$/y;
  re.lastIndex = at;
  const m = re.exec(s);
  return m ? { end: s.length, part: { windows: [], kind: 'external' } } : null;
};

const MATCHERS: Matcher[] = [external, openEnded, recurring, before, untilEndOf, quarters, monthRange, months, partOfYear, onDate, wholeYear];

const CONDITIONAL = /\(?\s*(?:khi co|khi duoc|neu co|sau khi co|tuy theo)\b[^)]*\)?/g;

function normalise(text: string): string {
  return fold(text)
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/[“”"]/g, '')
    .replace(/\s*\/\s*/g, '/');
}

export function parseTimeframe(text: string, year: number): Timeframe {
  const unknown: Timeframe = { windows: [], due: null, kind: 'unknown', recurring: false };
  let s = normalise(text);
  if (!s) return unknown;
  const conditional = s.replace(CONDITIONAL, '\u0000').includes('\u0000');
  s = s.replace(CONDITIONAL, ' ').replace(/\s+/g, ' ').trim();
  const parts: Part[] = [];
  let at = 0;
  const skip = /(?:[\s,;.:+&\-()]|\bva\b)*/y;
  while (true) {
    skip.lastIndex = at;
    skip.exec(s);
    at = skip.lastIndex;
    if (at >= s.length) break;
    let hit: ReturnType<Matcher> = null;
    for (const m of MATCHERS) {
      hit = m(s, at, year);
      if (hit) break;
    }
    if (!hit) return unknown;
    parts.push(hit.part);
    at = hit.end;
  }
  if (parts.length === 0) return conditional ? { ...unknown, kind: 'conditional' } : unknown;
  // "tháng 6 và tháng 12 hằng năm": the months recur each year; "hằng năm" adds no whole-year window
  const yearlyOf = parts.filter((p) => p.yearly);
  if (yearlyOf.length > 0 && parts.some((p) => !p.yearly && !p.kind)) {
    for (const p of yearlyOf) p.windows = [];
  }
  if (parts.some((p) => p.kind === 'external')) {
    return parts.length === 1 && !conditional ? { windows: [], due: null, kind: 'external', recurring: false } : unknown;
  }
  const windows = parts.flatMap((p) => p.windows).sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
  const isRecurring = parts.some((p) => p.kind === 'recurring');
  if (conditional) return { windows, due: null, kind: 'conditional', recurring: isRecurring };
  const due = windows.reduce((d, w) => (w.end > d ? w.end : d), windows[0].end);
  const kind: TimeframeKind = isRecurring ? 'recurring' : parts.every((p) => p.kind === 'year') ? 'year' : 'window';
  return { windows, due, kind, recurring: isRecurring };
}
