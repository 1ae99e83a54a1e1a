/**
 * Whether a legal document is in force on a day (tình trạng hiệu lực), computed from its dates and the
 * documents that ended it, wholly or in part. Dates are Vietnamese local days:
 *
 *   signedOn     the day it was signed (ngày ký ban hành)
 *   effectiveOn  the first day it is in force (ngày có hiệu lực)
 *   expiredOn    the first day it is no longer in force (ngày hết hiệu lực): the end of a fixed term,
 *                or the day another document repealing or replacing it takes effect
 *   endings      what ended it: wholly (bãi bỏ, thay thế toàn bộ) or in part (một phần), from a day,
 *                by a document (its symbol, or a link) — or, wholly, by its own term
 *
 *   day < signedOn                          not_issued          (chưa ban hành)
 *   signedOn ≤ day < effectiveOn            not_yet_effective   (chưa có hiệu lực)
 *   day ≥ expiredOn or a whole ending       expired             (hết hiệu lực toàn bộ)
 *   day ≥ a part ending                     partly_expired      (hết hiệu lực một phần)
 *   otherwise                               in_force            (còn hiệu lực)
 */
import { type IsoDate, isIsoDate } from '../org/dates.js';
import { vnDate } from './cells.js';

export type LegalStatus = 'not_issued' | 'not_yet_effective' | 'in_force' | 'partly_expired' | 'expired';
/** The statuses a user declares (the others follow from the dates alone). */
export type DeclaredStatus = 'in_force' | 'partly_expired' | 'expired';
export const DECLARED_STATUSES: readonly DeclaredStatus[] = ['in_force', 'partly_expired', 'expired'];

export const STATUS_VI: Record<LegalStatus, string> = {
  not_issued: 'Chưa ban hành',
  not_yet_effective: 'Chưa có hiệu lực',
  in_force: 'Còn hiệu lực',
  partly_expired: 'Hết hiệu lực một phần',
  expired: 'Hết hiệu lực toàn bộ',
};

export interface Ending {
  scope: 'whole' | 'part';
  /** the first day the document (or the part) is no longer in force */
  from: IsoDate;
  /** the document that ended it: a symbol ("20/2024/QĐ-UBND"), or a link; none for the end of a term */
  bySymbol?: string | null;
  byLink?: string | null;
  byDocumentId?: number | null;
  note?: string | null;
}

export interface DocDates {
  signedOn: IsoDate;
  effectiveOn: IsoDate;
  expiredOn: IsoDate | null;
  endings: readonly Ending[];
}

export interface StatusAsOf {
  status: LegalStatus;
  /** the day the status began (null before signing) */
  since: IsoDate | null;
  /** the ending that made it (partly) expired; null for an expiry by term or for the other statuses */
  ending: Ending | null;
}

/** The first day the document is wholly out of force: its own expiry date or the earliest whole ending. */
export function wholeExpiry(d: DocDates): IsoDate | null {
  const days = [d.expiredOn, ...d.endings.filter((e) => e.scope === 'whole').map((e) => e.from)].filter((x): x is IsoDate => !!x);
  return days.length ? days.reduce((a, b) => (b < a ? b : a)) : null;
}

export function statusAsOf(d: DocDates, day: IsoDate): StatusAsOf {
  if (day < d.signedOn) return { status: 'not_issued', since: null, ending: null };
  if (day < d.effectiveOn) return { status: 'not_yet_effective', since: d.signedOn, ending: null };
  const expiry = wholeExpiry(d);
  if (expiry !== null && day >= expiry) {
    // the whole ending of that day, if a document made it (else the term ran out)
    const ending = d.endings.find((e) => e.scope === 'whole' && e.from === expiry) ?? null;
    return { status: 'expired', since: expiry, ending };
  }
  const parts = d.endings.filter((e) => e.scope === 'part' && e.from <= day).sort((a, b) => b.from.localeCompare(a.from));
  if (parts.length) return { status: 'partly_expired', since: parts[0].from, ending: parts[0] };
  return { status: 'in_force', since: d.effectiveOn, ending: null };
}

/** Whether a document with this status on a day counts as in force (wholly or in part). */
export const isEffective = (s: LegalStatus) => s === 'in_force' || s === 'partly_expired';

export interface DateProblem {
  field: 'signedOn' | 'effectiveOn' | 'expiredOn' | 'endings';
  vi: string;
  en: string;
}

/** The dates checked against each other (the order of signing, effect and endings). */
export function checkDates(d: DocDates): DateProblem[] {
  const out: DateProblem[] = [];
  for (const [field, v] of [['signedOn', d.signedOn], ['effectiveOn', d.effectiveOn], ['expiredOn', d.expiredOn]] as const) {
    if (v !== null && !isIsoDate(v)) out.push({ field, vi: `Ngày "${v}" không hợp lệ.`, en: `Invalid date "${v}".` });
  }
  if (out.length) return out;
  if (d.effectiveOn < d.signedOn) {
    out.push({ field: 'effectiveOn', vi: `Ngày có hiệu lực (${vnDate(d.effectiveOn)}) trước ngày ký (${vnDate(d.signedOn)}).`, en: 'The effective date is before the signing date.' });
  }
  if (d.expiredOn !== null && d.expiredOn <= d.effectiveOn) {
    out.push({ field: 'expiredOn', vi: `Ngày hết hiệu lực (${vnDate(d.expiredOn)}) phải sau ngày có hiệu lực (${vnDate(d.effectiveOn)}).`, en: 'The expiry date must be after the effective date.' });
  }
  const expiry = wholeExpiry(d);
  for (const e of d.endings) {
    if (!isIsoDate(e.from)) {
      out.push({ field: 'endings', vi: `Ngày hết hiệu lực "${e.from}" không hợp lệ.`, en: `Invalid date "${e.from}".` });
      continue;
    }
    if (e.scope === 'whole' && e.from <= d.effectiveOn) {
      out.push({ field: 'endings', vi: `Ngày hết hiệu lực toàn bộ (${vnDate(e.from)}) phải sau ngày có hiệu lực (${vnDate(d.effectiveOn)}).`, en: 'A whole ending must be after the effective date.' });
    }
    if (e.scope === 'part' && e.from < d.effectiveOn) {
      out.push({ field: 'endings', vi: `Ngày hết hiệu lực một phần (${vnDate(e.from)}) trước ngày có hiệu lực (${vnDate(d.effectiveOn)}).`, en: 'A partial ending is before the effective date.' });
    }
    if (e.scope === 'part' && expiry !== null && e.from >= expiry) {
      out.push({ field: 'endings', vi: `Ngày hết hiệu lực một phần (${vnDate(e.from)}) không trước ngày hết hiệu lực toàn bộ (${vnDate(expiry)}).`, en: 'A partial ending on or after the whole expiry.' });
    }
  }
  return out;
}

/**
 * A status declared for the day the record is made (an import's "Tình trạng hiệu lực") checked against the
 * one the dates give that day. A document not yet in force may be declared in force (it will be).
 */
export function declaredProblem(declared: DeclaredStatus, d: DocDates, today: IsoDate): { vi: string; en: string } | null {
  const s = statusAsOf(d, today).status;
  const fits = s === declared || (declared === 'in_force' && (s === 'not_yet_effective' || s === 'not_issued'));
  if (fits) return null;
  return {
    vi: `Tình trạng "${STATUS_VI[declared]}" không khớp với các ngày đã ghi: đến ngày ${vnDate(today)} văn bản ${STATUS_VI[s].toLowerCase()}.`,
    en: `The declared status "${declared}" contradicts the dates: on ${today} the document is ${s}.`,
  };
}
