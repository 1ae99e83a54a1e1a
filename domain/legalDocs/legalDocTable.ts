/**
 * A register of legal documents read from the rows of an uploaded table (the offered template), with
 * row-level errors in Vietnamese. Units (issuing body, lead department) are resolved by the caller, which
 * knows the organisation; everything that can be checked from the cells alone is checked here.
 */
import type { IsoDate } from '../org/dates.js';
import { fold, nfc } from '../text/normalize.js';
import { parseDateCell } from './cells.js';
import { type DeclaredStatus, checkDates, declaredProblem, type DocDates, type Ending } from './status.js';
import { checkSymbol, type IssuerKind, type LegalDocKind, parseKind, parseSymbol, type ParsedSymbol } from './symbol.js';

export const LEGAL_DOC_COLUMNS = ['symbol', 'kind', 'issuer', 'title', 'field', 'signedOn', 'effectiveOn', 'status', 'expiredOn', 'endedBy', 'lead', 'note'] as const;
export type LegalDocColumn = (typeof LEGAL_DOC_COLUMNS)[number];

export const LEGAL_DOC_LABELS: Record<LegalDocColumn, string> = {
  symbol: 'Số, ký hiệu',
  kind: 'Loại văn bản',
  issuer: 'Cơ quan ban hành',
  title: 'Trích yếu',
  field: 'Lĩnh vực',
  signedOn: 'Ngày ký',
  effectiveOn: 'Ngày có hiệu lực',
  status: 'Tình trạng hiệu lực',
  expiredOn: 'Ngày hết hiệu lực',
  endedBy: 'Văn bản làm hết hiệu lực',
  lead: 'Cơ quan chủ trì soạn thảo',
  note: 'Ghi chú',
};

export interface TableRow {
  row: number;
  cells: string[];
}

export interface RowError {
  row: number;
  column: LegalDocColumn | 'header';
  message: string;
}

/** The document that ended another: a link, or a symbol (a local one canonicalised, any other as written). */
export interface EndedBy {
  bySymbol: string | null;
  byLink: string | null;
}

export interface LegalDocInput {
  row: number;
  symbol: ParsedSymbol;
  kind: LegalDocKind;
  issuerKind: IssuerKind;
  issuerText: string;
  /** the place of the body, folded ("tinh long an"), to find its unit */
  issuerPlace: string;
  title: string;
  field: string;
  signedOn: IsoDate;
  effectiveOn: IsoDate;
  /** the first day it is wholly out of force */
  expiredOn: IsoDate | null;
  endedBy: EndedBy | null;
  partEndings: { from: IsoDate; endedBy: EndedBy | null }[];
  declared: DeclaredStatus;
  leadText: string;
  note: string;
}

const LINK = /^https?:\/\/\S+$/i;

export function parseEndedBy(text: string): EndedBy | null {
  const s = nfc(text);
  if (!s) return null;
  if (LINK.test(s)) return { bySymbol: null, byLink: s };
  const p = parseSymbol(s);
  return { bySymbol: p ? p.symbol : s, byLink: null };
}

export function parseDeclaredStatus(text: string): DeclaredStatus | null {
  const s = fold(text);
  if (!s || /^(con hieu luc|con hieu luc toan bo|in force)$/.test(s)) return 'in_force';
  if (/^(het hieu luc mot phan|con hieu luc mot phan|partly expired)$/.test(s)) return 'partly_expired';
  if (/^(het hieu luc|het hieu luc toan bo|expired|wholly expired)$/.test(s)) return 'expired';
  return null;
}

/** The document's dates in the shape of the status rules. */
export function docDates(d: { signedOn: IsoDate; effectiveOn: IsoDate; expiredOn: IsoDate | null; endedBy?: EndedBy | null; partEndings: { from: IsoDate; endedBy?: EndedBy | null }[] }): DocDates {
  const endings: Ending[] = d.partEndings.map((p) => ({ scope: 'part', from: p.from, bySymbol: p.endedBy?.bySymbol ?? null, byLink: p.endedBy?.byLink ?? null }));
  if (d.expiredOn && d.endedBy) endings.push({ scope: 'whole', from: d.expiredOn, bySymbol: d.endedBy.bySymbol, byLink: d.endedBy.byLink });
  return { signedOn: d.signedOn, effectiveOn: d.effectiveOn, expiredOn: d.expiredOn, endings };
}

/**
 * Where the template's columns are: the first of the top rows that carries them (an export has a title
 * above), with or without a leading "STT" column.
 */
export function findHeader(table: string[][]): { at: number; offset: number } | null {
  for (let at = 0; at < Math.min(table.length, 10); at++) {
    const cells = (table[at] ?? []).map((c) => fold(c));
    const offset = cells[0] === 'stt' || cells[0] === 'tt' ? 1 : 0;
    if (LEGAL_DOC_COLUMNS.every((c, i) => [fold(c), fold(LEGAL_DOC_LABELS[c])].includes(cells[i + offset] ?? ''))) return { at, offset };
  }
  return null;
}

/**
 * Reads the data rows. `today` (the day of the import) checks a declared status against the dates: a
 * document declared in force whose expiry date has passed is an error of the row, not a silent correction.
 */
export function readLegalDocTable(rows: TableRow[], today: IsoDate): { docs: LegalDocInput[]; errors: RowError[] } {
  const docs: LegalDocInput[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of rows) {
    const c = Object.fromEntries(LEGAL_DOC_COLUMNS.map((k, i) => [k, nfc(cells[i] ?? '')])) as Record<LegalDocColumn, string>;
    if (Object.values(c).every((x) => !x)) continue;
    const before = errors.length;
    const err = (column: RowError['column'], message: string) => errors.push({ row, column, message });

    const kindGiven = c.kind ? parseKind(c.kind) : null;
    if (c.kind && !kindGiven) err('kind', `Loại văn bản "${c.kind}" không hợp lệ (Nghị quyết hoặc Quyết định).`);
    const date = (column: 'signedOn' | 'effectiveOn' | 'expiredOn', required: boolean): IsoDate | null => {
      if (!c[column]) {
        if (required) err(column, `Thiếu ${LEGAL_DOC_LABELS[column].toLowerCase()}.`);
        return null;
      }
      const d = parseDateCell(c[column]);
      if (!d) err(column, `${LEGAL_DOC_LABELS[column]} "${c[column]}" không đọc được (dd/mm/yyyy).`);
      return d;
    };
    const signedOn = date('signedOn', true);
    const effectiveOn = date('effectiveOn', true);
    const endDate = date('expiredOn', false);

    let symbol: ParsedSymbol | null = null;
    let issuerPlace = '';
    let issuerKind: IssuerKind | null = null;
    if (!c.symbol) err('symbol', 'Thiếu số, ký hiệu.');
    else {
      const checked = checkSymbol(c.symbol, { kind: kindGiven, issuerText: c.issuer || null, signedOn });
      for (const p of checked.problems) err(p.code === 'ISSUER_UNREADABLE' || p.code === 'ISSUER_MISMATCH' ? 'issuer' : p.code === 'SYMBOL_KIND' ? 'kind' : 'symbol', p.vi);
      symbol = checked.parsed;
      if (checked.issuer) issuerPlace = checked.issuer.place;
      issuerKind = checked.parsed?.issuerKind ?? null;
    }
    if (!c.issuer) err('issuer', 'Thiếu cơ quan ban hành (ví dụ: HĐND tỉnh Long An).');
    if (!c.title) err('title', 'Thiếu trích yếu.');
    if (!c.field) err('field', 'Thiếu lĩnh vực.');
    if (c.title.length > 2000) err('title', 'Trích yếu dài quá 2.000 ký tự.');

    const declared = parseDeclaredStatus(c.status);
    if (!declared) err('status', `Tình trạng hiệu lực "${c.status}" không hợp lệ (Còn hiệu lực, Hết hiệu lực một phần, Hết hiệu lực toàn bộ).`);
    const endedBy = parseEndedBy(c.endedBy);
    if (c.endedBy.length > 300) err('endedBy', 'Văn bản làm hết hiệu lực dài quá 300 ký tự.');
    if ((declared === 'expired' || declared === 'partly_expired') && !c.expiredOn) {
      err('expiredOn', `Văn bản "${declared === 'expired' ? 'Hết hiệu lực toàn bộ' : 'Hết hiệu lực một phần'}" cần ngày hết hiệu lực.`);
    }

    if (symbol && c.issuer) {
      const key = `${symbol.key}@${fold(c.issuer)}`;
      if (seen.has(key)) err('symbol', `Văn bản ${symbol.symbol} của ${c.issuer} trùng với dòng ${seen.get(key)}.`);
      else seen.set(key, row);
    }

    if (errors.length > before || !symbol || !signedOn || !effectiveOn || !declared || !issuerKind) continue;
    const doc: LegalDocInput = {
      row,
      symbol,
      kind: symbol.kind,
      issuerKind,
      issuerText: c.issuer,
      issuerPlace,
      title: c.title,
      field: c.field,
      signedOn,
      effectiveOn,
      expiredOn: declared === 'partly_expired' ? null : endDate,
      endedBy: declared === 'partly_expired' ? null : endDate ? endedBy : null,
      partEndings: declared === 'partly_expired' && endDate ? [{ from: endDate, endedBy }] : [],
      declared,
      leadText: c.lead,
      note: c.note,
    };
    if (endedBy && !endDate) err('endedBy', 'Có văn bản làm hết hiệu lực nhưng thiếu ngày hết hiệu lực.');
    const dates = docDates(doc);
    for (const p of checkDates(dates)) err(p.field === 'endings' ? 'expiredOn' : p.field, p.vi);
    if (errors.length === before) {
      const d = declaredProblem(declared, dates, today);
      if (d) err('status', d.vi);
    }
    if (errors.length === before) docs.push(doc);
  }
  if (rows.length === 0 || (docs.length === 0 && errors.length === 0)) errors.push({ row: 0, column: 'header', message: 'Tệp không có dòng dữ liệu nào.' });
  return { docs, errors };
}
