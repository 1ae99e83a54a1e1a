/** A calendar date in ISO form, `YYYY-MM-DD`. Business dates are Vietnamese local dates (UTC+7). */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date in `YYYY-MM-DD` form (rejects 2025-02-30, 2023-02-29). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** `date` shifted by `days` calendar days. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/** The Vietnamese calendar date (UTC+7) of an instant. */
export function vietnamDateOf(instant: Date): IsoDate {
  return new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** A closed interval of dates; `to = null` means still open. */
export interface DateSpan {
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

export function aliveOn(span: DateSpan, date: IsoDate): boolean {
  return span.validFrom <= date && (span.validTo === null || date <= span.validTo);
}

export function spansOverlap(a: DateSpan, b: DateSpan): boolean {
  const aEndsBeforeB = a.validTo !== null && a.validTo < b.validFrom;
  const bEndsBeforeA = b.validTo !== null && b.validTo < a.validFrom;
  return !aEndsBeforeB && !bEndsBeforeA;
}

/** True when `inner` lies entirely within `outer`. */
export function spanWithin(inner: DateSpan, outer: DateSpan): boolean {
  if (inner.validFrom < outer.validFrom) return false;
  if (outer.validTo === null) return true;
  return inner.validTo !== null && inner.validTo <= outer.validTo;
}
