/**
 * Cells of an uploaded register table, read as people and spreadsheets write them: dates (dd/mm/yyyy, the
 * text a spreadsheet gives for a date cell, ISO, an Excel day number), whole counts in vi-VN ("2.273") and
 * percentages ("17,72", "17,72 %"). Shared by the legal-document and staffing imports.
 */
import { type IsoDate, isIsoDate } from '../org/dates.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** A date cell → YYYY-MM-DD, or null when it is not a real date. Empty cells are the caller's business. */
export function parseDateCell(text: string): IsoDate | null {
  const s = text.trim();
  if (!s) return null;
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  if (m) {
    const iso = `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
    return isIsoDate(iso) ? iso : null;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})(?:T00:00:00(?:\.000)?Z?)?$/.exec(s);
  if (m) {
    const iso = `${m[1]}-${m[2]}-${m[3]}`;
    return isIsoDate(iso) ? iso : null;
  }
  // an Excel day number (a date cell without a date format): 1 = 1900-01-01, with Excel's 1900 leap day
  if (/^\d{5}$/.test(s)) {
    const n = Number(s);
    if (n < 20000 || n > 80000) return null;
    return new Date(Date.UTC(1899, 11, 30) + n * 86_400_000).toISOString().slice(0, 10);
  }
  // the text of a date cell read by exceljs: "Thu Jun 15 2023 00:00:00 GMT+0000 (…)"; spreadsheets keep dates
  // as midnight UTC, so the day is the UTC day of that instant whatever zone printed it
  m = /^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{1,2} \d{4} \d{2}:\d{2}:\d{2} GMT[+-]\d{4}/.exec(s);
  if (m) {
    const t = new Date(m[0]);
    if (Number.isNaN(t.getTime())) return null;
    return t.toISOString().slice(0, 10);
  }
  return null;
}

/**
 * A whole number of people: "2273", "2.273" and "2 273" (vi-VN grouping), also "2,273". Null when the
 * text is not a whole number ≥ 0 ("2,5", "-3", "khoảng 20").
 */
export function parseCount(text: string): number | null {
  const s = text.trim().replace(/[\u00a0\u202f]/g, ' ');
  if (/^\d+$/.test(s)) return Number(s);
  if (/^\d{1,3}(?:([., ])\d{3})(?:\1\d{3})*$/.test(s)) return Number(s.replace(/[., ]/g, ''));
  // a numeric spreadsheet cell of a whole number printed with a decimal part of zeros
  if (/^\d+\.0+$/.test(s)) return Number(s.split('.')[0]);
  return null;
}

/** A percentage: "17,72", "17.72", "17,72 %", "17,72%". Null when unreadable or outside −100…100. */
export function parsePercent(text: string): number | null {
  const s = text.trim().replace(/\s*%$/, '').replace(',', '.');
  if (!/^-?\d+(?:\.\d+)?$/.test(s)) return null;
  const v = Number(s);
  if (v < -100 || v > 100) return null;
  return Math.round(v * 100) / 100;
}

/** dd/mm/yyyy for messages. */
export function vnDate(iso: IsoDate): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}
