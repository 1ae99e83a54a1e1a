/**
 * The three staffing tables read from uploaded rows, with row-level errors in Vietnamese: the figures of
 * units per year, the approved job-position schemes (đề án vị trí việc làm) and recruitment. Units are
 * named by code or name; the caller, which knows the organisation, resolves them.
 */
import { parseCount, parseDateCell, parsePercent } from '../legalDocs/cells.js';
import type { IsoDate } from '../org/dates.js';
import { fold, nfc } from '../text/normalize.js';
import type { StaffCounts, StaffKind } from './figures.js';

export type StaffingSheet = 'figures' | 'schemes' | 'recruitment';

export const FIGURE_COLUMNS = ['unitCode', 'unitName', 'year', 'civilAssigned', 'civilPresent', 'civilBase2015', 'civilReportedRate', 'publicAssigned', 'publicPresent', 'publicBase2015', 'publicReportedRate', 'reference', 'note'] as const;
export const SCHEME_COLUMNS = ['unitCode', 'unitName', 'kind', 'decisionNumber', 'decisionDate', 'title', 'note'] as const;
export const RECRUITMENT_COLUMNS = ['unitCode', 'unitName', 'year', 'kind', 'count', 'reference', 'decidedOn', 'note'] as const;

export type StaffingColumn = (typeof FIGURE_COLUMNS)[number] | (typeof SCHEME_COLUMNS)[number] | (typeof RECRUITMENT_COLUMNS)[number];

export const STAFFING_LABELS: Record<StaffingColumn, string> = {
  unitCode: 'Mã đơn vị',
  unitName: 'Tên đơn vị',
  year: 'Năm',
  civilAssigned: 'Công chức: biên chế được giao',
  civilPresent: 'Công chức: có mặt',
  civilBase2015: 'Công chức: biên chế năm 2015',
  civilReportedRate: 'Công chức: tỷ lệ giảm so với năm 2015 theo báo cáo (%)',
  publicAssigned: 'Viên chức: số lượng người làm việc được giao',
  publicPresent: 'Viên chức: có mặt',
  publicBase2015: 'Viên chức: số lượng người làm việc năm 2015',
  publicReportedRate: 'Viên chức: tỷ lệ giảm so với năm 2015 theo báo cáo (%)',
  reference: 'Căn cứ',
  note: 'Ghi chú',
  kind: 'Loại (công chức / viên chức)',
  decisionNumber: 'Số quyết định phê duyệt',
  decisionDate: 'Ngày quyết định',
  title: 'Tên đề án',
  count: 'Số người được tuyển dụng',
  decidedOn: 'Ngày quyết định tuyển dụng',
};

export const SHEET_COLUMNS: Record<StaffingSheet, readonly StaffingColumn[]> = { figures: FIGURE_COLUMNS, schemes: SCHEME_COLUMNS, recruitment: RECRUITMENT_COLUMNS };
export const SHEET_VI: Record<StaffingSheet, string> = { figures: 'Biên chế', schemes: 'Đề án vị trí việc làm', recruitment: 'Tuyển dụng' };

export interface TableRow {
  row: number;
  cells: string[];
}

export interface StaffingRowError {
  row: number;
  column: StaffingColumn | 'header';
  message: string;
}

export interface UnitRef {
  row: number;
  unitCode: string;
  unitName: string;
}

export interface FigureInput extends UnitRef {
  year: number;
  civil: StaffCounts;
  public: StaffCounts;
  reference: string;
  note: string;
}

export interface SchemeInput extends UnitRef {
  kind: StaffKind;
  decisionNumber: string;
  decisionDate: IsoDate;
  title: string;
  note: string;
}

export interface RecruitmentInput extends UnitRef {
  year: number;
  kind: StaffKind;
  count: number;
  reference: string;
  decidedOn: IsoDate | null;
  note: string;
}

export function parseStaffKind(text: string): StaffKind | null {
  const s = fold(text);
  if (/^(cong chuc|cc|civil servants?|civil_servant)$/.test(s)) return 'civil_servant';
  if (/^(vien chuc|vc|public employees?|public_employee|so luong nguoi lam viec)$/.test(s)) return 'public_employee';
  return null;
}

/**
 * The row with the sheet's columns (labels or keys, with or without diacritics) among the top rows (an
 * export has a title above it), or null.
 */
export function findStaffingHeader(table: string[][], sheet: StaffingSheet): number | null {
  const cols = SHEET_COLUMNS[sheet];
  for (let at = 0; at < Math.min(table.length, 10); at++) {
    const r = table[at] ?? [];
    if (cols.every((c, i) => [fold(c), fold(STAFFING_LABELS[c])].includes(fold(r[i] ?? '')))) return at;
  }
  return null;
}

/** An export's total line ("Tổng cộng …") is not data. */
const isTotalLine = (c: { unitCode: string; unitName: string }) => !c.unitCode && /^tong cong\b/.test(fold(c.unitName));

/** Shared reading of a row: cells by column, an error sink, the unit reference and the year. */
function reader<C extends StaffingColumn>(cols: readonly C[], rows: TableRow[]) {
  const errors: StaffingRowError[] = [];
  const each = function* () {
    for (const { row, cells } of rows) {
      const c = Object.fromEntries(cols.map((k, i) => [k, nfc(cells[i] ?? '')])) as Record<C, string>;
      if (Object.values<string>(c).every((x) => !x)) continue;
      if (isTotalLine(c as unknown as { unitCode: string; unitName: string })) continue;
      const before = errors.length;
      const err = (column: StaffingRowError['column'], message: string) => errors.push({ row, column, message });
      yield { row, c, err, clean: () => errors.length === before };
    }
  };
  return { errors, each };
}

const unitKey = (code: string, name: string) => (code ? `c:${fold(code)}` : `n:${fold(name)}`);
const unitLabel = (code: string, name: string) => name || code;

function readYear(text: string, err: (c: 'year', m: string) => void): number | null {
  if (!text) {
    err('year', 'Thiếu năm.');
    return null;
  }
  const y = /^\d{4}$/.test(text.trim()) ? Number(text) : NaN;
  if (!(y >= 2000 && y <= 2100)) {
    err('year', `Năm "${text}" không hợp lệ (ví dụ: 2023).`);
    return null;
  }
  return y;
}

function checkUnit(c: { unitCode: string; unitName: string }, err: (col: 'unitCode', m: string) => void) {
  if (!c.unitCode && !c.unitName) err('unitCode', 'Thiếu mã hoặc tên đơn vị.');
}

export function readFiguresTable(rows: TableRow[]): { figures: FigureInput[]; errors: StaffingRowError[] } {
  const { errors, each } = reader(FIGURE_COLUMNS, rows);
  const figures: FigureInput[] = [];
  const seen = new Map<string, number>();
  for (const { row, c, err, clean } of each()) {
    checkUnit(c, err);
    const year = readYear(c.year, err);
    const count = (col: 'civilAssigned' | 'civilPresent' | 'civilBase2015' | 'publicAssigned' | 'publicPresent' | 'publicBase2015'): number | null => {
      if (!c[col]) return null;
      const n = parseCount(c[col]);
      if (n === null) err(col, `${STAFFING_LABELS[col]}: "${c[col]}" không phải số người (số nguyên, ví dụ 2.273).`);
      return n;
    };
    const rate = (col: 'civilReportedRate' | 'publicReportedRate'): number | null => {
      if (!c[col]) return null;
      const n = parsePercent(c[col]);
      if (n === null) err(col, `${STAFFING_LABELS[col]}: "${c[col]}" không phải tỷ lệ phần trăm (ví dụ 17,72).`);
      return n;
    };
    const civil: StaffCounts = { assigned: count('civilAssigned'), present: count('civilPresent'), base2015: count('civilBase2015'), reportedRate: rate('civilReportedRate') };
    const pub: StaffCounts = { assigned: count('publicAssigned'), present: count('publicPresent'), base2015: count('publicBase2015'), reportedRate: rate('publicReportedRate') };
    if (clean() && [civil, pub].every((k) => Object.values(k).every((v) => v === null))) err('civilAssigned', 'Dòng không có số liệu nào.');
    if (year !== null && (c.unitCode || c.unitName)) {
      const key = `${unitKey(c.unitCode, c.unitName)}@${year}`;
      if (seen.has(key)) err('unitCode', `Số liệu năm ${year} của ${unitLabel(c.unitCode, c.unitName)} trùng với dòng ${seen.get(key)}.`);
      else seen.set(key, row);
    }
    if (clean() && year !== null) figures.push({ row, unitCode: c.unitCode, unitName: c.unitName, year, civil, public: pub, reference: c.reference, note: c.note });
  }
  if (figures.length === 0 && errors.length === 0) errors.push({ row: 0, column: 'header', message: 'Tệp không có dòng dữ liệu nào.' });
  return { figures, errors };
}

export function readSchemesTable(rows: TableRow[]): { schemes: SchemeInput[]; errors: StaffingRowError[] } {
  const { errors, each } = reader(SCHEME_COLUMNS, rows);
  const schemes: SchemeInput[] = [];
  const seen = new Map<string, number>();
  for (const { row, c, err, clean } of each()) {
    checkUnit(c, err);
    const kind = parseStaffKind(c.kind);
    if (!kind) err('kind', `Loại "${c.kind}" không hợp lệ (công chức hoặc viên chức).`);
    if (!c.decisionNumber) err('decisionNumber', 'Thiếu số quyết định phê duyệt đề án.');
    let decisionDate: IsoDate | null = null;
    if (!c.decisionDate) err('decisionDate', 'Thiếu ngày quyết định.');
    else if (!(decisionDate = parseDateCell(c.decisionDate))) err('decisionDate', `Ngày quyết định "${c.decisionDate}" không đọc được (dd/mm/yyyy).`);
    if (kind && c.decisionNumber && (c.unitCode || c.unitName)) {
      const key = `${unitKey(c.unitCode, c.unitName)}@${kind}@${fold(c.decisionNumber)}`;
      if (seen.has(key)) err('decisionNumber', `Đề án theo quyết định ${c.decisionNumber} của ${unitLabel(c.unitCode, c.unitName)} trùng với dòng ${seen.get(key)}.`);
      else seen.set(key, row);
    }
    if (clean() && kind && decisionDate) schemes.push({ row, unitCode: c.unitCode, unitName: c.unitName, kind, decisionNumber: c.decisionNumber, decisionDate, title: c.title, note: c.note });
  }
  if (schemes.length === 0 && errors.length === 0) errors.push({ row: 0, column: 'header', message: 'Tệp không có dòng dữ liệu nào.' });
  return { schemes, errors };
}

export function readRecruitmentTable(rows: TableRow[]): { recruitment: RecruitmentInput[]; errors: StaffingRowError[] } {
  const { errors, each } = reader(RECRUITMENT_COLUMNS, rows);
  const recruitment: RecruitmentInput[] = [];
  const seen = new Map<string, number>();
  for (const { row, c, err, clean } of each()) {
    checkUnit(c, err);
    const year = readYear(c.year, err);
    const kind = parseStaffKind(c.kind);
    if (!kind) err('kind', `Loại "${c.kind}" không hợp lệ (công chức hoặc viên chức).`);
    let count: number | null = null;
    if (!c.count) err('count', 'Thiếu số người được tuyển dụng.');
    else if ((count = parseCount(c.count)) === null || count === 0) err('count', `Số người "${c.count}" không hợp lệ (số nguyên lớn hơn 0).`);
    if (!c.reference) err('reference', 'Thiếu căn cứ (kế hoạch, quyết định tuyển dụng).');
    let decidedOn: IsoDate | null = null;
    if (c.decidedOn) {
      decidedOn = parseDateCell(c.decidedOn);
      if (!decidedOn) err('decidedOn', `Ngày "${c.decidedOn}" không đọc được (dd/mm/yyyy).`);
      else if (year !== null && Number(decidedOn.slice(0, 4)) !== year) err('decidedOn', `Ngày quyết định (${c.decidedOn}) không thuộc năm ${year}.`);
    }
    if (year !== null && kind && c.reference && (c.unitCode || c.unitName)) {
      const key = `${unitKey(c.unitCode, c.unitName)}@${year}@${kind}@${fold(c.reference)}`;
      if (seen.has(key)) err('reference', `Tuyển dụng theo "${c.reference}" của ${unitLabel(c.unitCode, c.unitName)} năm ${year} trùng với dòng ${seen.get(key)}.`);
      else seen.set(key, row);
    }
    if (clean() && year !== null && kind && count) recruitment.push({ row, unitCode: c.unitCode, unitName: c.unitName, year, kind, count, reference: c.reference, decidedOn, note: c.note });
  }
  if (recruitment.length === 0 && errors.length === 0) errors.push({ row: 0, column: 'header', message: 'Tệp không có dòng dữ liệu nào.' });
  return { recruitment, errors };
}

/** A unit the import may name: its code and the names it had in the period looked at. */
export interface KnownUnit {
  id: number;
  code: string;
  names: string[];
}

const nameKey = (s: string) => fold(s.replace(/\([^)]*\)/g, ' '));

/** The unit a row names, by code (and then its name must agree) or by name alone (it must be unique). */
export function resolveUnitRef(ref: { unitCode: string; unitName: string }, units: readonly KnownUnit[], when: string): { unitId: number } | { message: string } {
  if (ref.unitCode) {
    const u = units.find((x) => fold(x.code) === fold(ref.unitCode));
    if (!u) return { message: `Không có đơn vị mã ${ref.unitCode} ${when}.` };
    if (ref.unitName && !u.names.some((n) => nameKey(n) === nameKey(ref.unitName))) {
      return { message: `Mã ${u.code} là của ${u.names.join(' / ')}, không phải "${ref.unitName}".` };
    }
    return { unitId: u.id };
  }
  const hits = units.filter((x) => x.names.some((n) => nameKey(n) === nameKey(ref.unitName)));
  if (hits.length === 1) return { unitId: hits[0].id };
  if (hits.length === 0) return { message: `Không tìm thấy đơn vị "${ref.unitName}" ${when}.` };
  return { message: `Tên "${ref.unitName}" ứng với nhiều đơn vị (${hits.map((h) => h.code).join(', ')}); hãy ghi mã đơn vị.` };
}
