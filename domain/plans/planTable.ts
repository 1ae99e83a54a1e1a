/**
 * The task table of a CCHC plan (the appendix of the decision), read from rows in the template order
 * `number, area, task, products, lead, coordinating, timeframe, budget` into tasks with product lines.
 * A row with an empty number continues the task above (another product line, as tasks 1.4 and 2.1 of
 * Decision 4976/QĐ-UBND have); an empty timeframe on such a row shares the task's (a merged cell).
 * Every problem is reported with its row; nothing is guessed.
 */
import { AGENCY_GROUPS, type AgencyGroup, type AgencyResolver, type ResolvedAgencies } from './agencies.js';
import { parseTimeframe, type Timeframe } from './timeframe.js';

export const PLAN_COLUMNS = ['number', 'area', 'task', 'products', 'lead', 'coordinating', 'timeframe', 'budget'] as const;
export type PlanColumn = (typeof PLAN_COLUMNS)[number];
export const PLAN_COLUMN_LABELS: Record<PlanColumn, string> = {
  number: 'STT',
  area: 'Nội dung CCHC',
  task: 'Nhiệm vụ cụ thể',
  products: 'Sản phẩm',
  lead: 'Cơ quan chủ trì',
  coordinating: 'Cơ quan phối hợp',
  timeframe: 'Thời gian thực hiện',
  budget: 'Kinh phí (triệu đồng)',
};

/** The reform areas (REFERENCE.md §3), used when the table names an area only by its number. */
export const STANDARD_AREAS: Record<number, string> = {
  1: 'Công tác chỉ đạo, điều hành CCHC',
  2: 'Cải cách thể chế',
  3: 'Cải cách thủ tục hành chính',
  4: 'Cải cách tổ chức bộ máy hành chính nhà nước',
  5: 'Xây dựng, nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức',
  6: 'Cải cách tài chính công',
  7: 'Hiện đại hóa hành chính',
};

export type PlanRow = { row: number } & Record<PlanColumn, string>;

export interface RowError {
  row: number;
  column?: PlanColumn;
  code: string;
  message: string;
}

/** Something the user should look at before saving; it does not stop the import. */
export interface RowWarning {
  row: number;
  column?: PlanColumn;
  code: string;
  message: string;
}

export interface PlanTableOptions {
  /** for a group with no unit alive in the plan year: the last day its last unit was alive, if known */
  groupEnded?: Partial<Record<AgencyGroup, string>>;
}

export interface Budget {
  /** million VND in thousandths (integer), so sums are exact */
  milli: number | null;
  note: string | null;
}

export interface ProductLine {
  text: string;
  timeframeText: string;
  timeframe: Timeframe;
  budget: Budget;
  row: number;
}

export interface TableTask {
  number: string;
  areaNumber: number;
  text: string;
  products: ProductLine[];
  leadText: string;
  coordinatingText: string;
  lead: ResolvedAgencies;
  coordinating: ResolvedAgencies;
  /** due date of the task: the latest due of its product lines (null if any is not dated) */
  due: string | null;
  budgetMilli: number | null;
  rows: number[];
}

export interface TableResult {
  areas: { number: number; name: string }[];
  tasks: TableTask[];
  errors: RowError[];
  warnings: RowWarning[];
  /** agency names to map once, as first written, with the rows they stand in */
  unresolved: { text: string; rows: number[]; suggestions: { id: number; name: string }[] }[];
  /** timeframes kept as text because they could not be read */
  flaggedTimeframes: { row: number; text: string }[];
}

const NOTE_WORDS = /kinh phi|du tru|ngan sach|ke hoach|theo quy dinh|bo tri|xa hoi hoa|nguon|von/;

/** "50", "1.450" (vi-VN thousands), "1,5" (vi-VN decimal), "12.5", "800 triệu" or a note. */
export function parseBudget(raw: string): Budget | 'invalid' {
  const text = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!text) return { milli: null, note: null };
  const num = text.replace(/\s*(?:trieu(?: dong)?|triệu(?: đồng)?|tr\.?d?)\s*$/i, '').replace(/\s/g, '');
  let value: string | null = null;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(num)) value = num.replace(/\./g, '').replace(',', '.');
  else if (/^\d+(,\d+)?$/.test(num)) value = num.replace(',', '.');
  else if (/^\d+\.\d+$/.test(num)) value = num;
  if (value !== null) {
    const [int, frac = ''] = value.split('.');
    if (frac.length > 3) return 'invalid';
    return { milli: Number(int) * 1000 + Number(frac.padEnd(3, '0')), note: null };
  }
  const folded = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase();
  return NOTE_WORDS.test(folded) ? { milli: null, note: text } : 'invalid';
}

/** "1.2" sorts before "1.10": each part of a task number padded to three digits. */
export function taskSortKey(number: string): string {
  return number.split('.').map((p) => p.padStart(3, '0')).join('.');
}

/** Thousandths of a million back to a decimal string ("1450", "12.5"). */
export function formatMilli(milli: number): string {
  const int = Math.trunc(milli / 1000);
  const frac = String(milli % 1000).padStart(3, '0').replace(/0+$/, '');
  return frac ? `${int}.${frac}` : String(int);
}

const NUMBER = /^(\d{1,2})(?:\.(\d{1,3}))*\.?$/;

function clean(s: string): string {
  return s.normalize('NFC').replace(/[ \t]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
}

const err = (row: number, code: string, message: string, column?: PlanColumn): RowError => ({ row, column, code, message });

const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export function readPlanTable(input: PlanRow[], year: number, resolver: AgencyResolver, options: PlanTableOptions = {}): TableResult {
  const errors: RowError[] = [];
  const warnings: RowWarning[] = [];
  const areas = new Map<number, string>();
  const tasks: TableTask[] = [];
  const flaggedTimeframes: TableResult['flaggedTimeframes'] = [];
  const unresolved = new Map<string, TableResult['unresolved'][number]>();
  const seen = new Map<string, number>();
  let current: TableTask | null = null;

  const rows = input.map((r) => ({ ...r, ...Object.fromEntries(PLAN_COLUMNS.map((c) => [c, clean(r[c] ?? '')])) }) as PlanRow);
  if (rows.every((r) => PLAN_COLUMNS.every((c) => !r[c]))) {
    return { areas: [], tasks: [], errors: [err(0, 'EMPTY', 'Tệp không có dòng dữ liệu nào.')], warnings: [], unresolved: [], flaggedTimeframes: [] };
  }

  const resolve = (text: string, row: number): ResolvedAgencies => {
    const r = resolver.resolve(text);
    for (const u of r.unresolved) {
      // the same name written another way ("Ban Dân tộc tỉnh", "BAN DÂN TỘC TỈNH") is one name to map
      const entry = unresolved.get(u.key) ?? { text: u.text, rows: [], suggestions: u.suggestions };
      if (!entry.rows.includes(row)) entry.rows.push(row);
      unresolved.set(u.key, entry);
    }
    return r;
  };

  const addProduct = (task: TableTask, r: PlanRow, inheritTimeframe: string) => {
    const timeframeText = r.timeframe || inheritTimeframe;
    const timeframe = parseTimeframe(timeframeText, year);
    if (r.timeframe && timeframe.kind === 'unknown') flaggedTimeframes.push({ row: r.row, text: r.timeframe });
    const budget = parseBudget(r.budget);
    if (budget === 'invalid') {
      errors.push(err(r.row, 'INVALID_BUDGET', `Kinh phí "${r.budget}" không phải là số (triệu đồng) hoặc ghi chú kinh phí.`, 'budget'));
    }
    if (r.products || r.timeframe || r.budget || task.products.length === 0) {
      task.products.push({ text: r.products, timeframeText, timeframe, budget: budget === 'invalid' ? { milli: null, note: null } : budget, row: r.row });
    }
    task.rows.push(r.row);
  };

  for (const r of rows) {
    if (PLAN_COLUMNS.every((c) => !r[c])) continue; // blank line
    if (!r.number) {
      if (!current) {
        // an area name on its own line before any task, or a stray continuation
        errors.push(err(r.row, 'NO_TASK_ABOVE', 'Dòng không có số thứ tự nhưng chưa có nhiệm vụ nào ở trên để nối tiếp.', 'number'));
        continue;
      }
      if (r.task) current.text += `\n${r.task}`;
      if (r.lead) current.leadText += `\n${r.lead}`;
      if (r.coordinating) current.coordinatingText += `\n${r.coordinating}`;
      addProduct(current, r, current.products[0]?.timeframeText ?? '');
      continue;
    }
    const m = NUMBER.exec(r.number);
    if (!m) {
      errors.push(err(r.row, 'INVALID_NUMBER', `Số thứ tự "${r.number}" không hợp lệ (ví dụ đúng: 1.4).`, 'number'));
      current = null;
      continue;
    }
    const number = r.number.replace(/\.$/, '');
    const areaNumber = Number(m[1]);
    if (r.area) {
      const name = r.area.replace(/^\d+\s*[.)-]?\s*/, '');
      if (areas.has(areaNumber) && areas.get(areaNumber) !== name && !number.includes('.')) {
        errors.push(err(r.row, 'AREA_CONFLICT', `Lĩnh vực ${areaNumber} đã có tên khác ở dòng trên.`, 'area'));
      }
      if (!areas.has(areaNumber)) areas.set(areaNumber, name);
    }
    if (!number.includes('.')) {
      // an area heading row: "1 | Công tác chỉ đạo, điều hành CCHC"
      if (r.task) errors.push(err(r.row, 'INVALID_NUMBER', `Nhiệm vụ phải đánh số theo lĩnh vực (ví dụ ${areaNumber}.1).`, 'number'));
      current = null;
      continue;
    }
    if (seen.has(number)) {
      errors.push(err(r.row, 'DUPLICATE_NUMBER', `Số thứ tự ${number} trùng với dòng ${seen.get(number)}.`, 'number'));
      current = null;
      continue;
    }
    seen.set(number, r.row);
    if (!r.task) errors.push(err(r.row, 'MISSING_TASK', 'Thiếu nội dung nhiệm vụ.', 'task'));
    if (!r.lead) errors.push(err(r.row, 'MISSING_LEAD', 'Thiếu cơ quan chủ trì.', 'lead'));
    current = {
      number,
      areaNumber,
      text: r.task.replace(new RegExp(`^${number.replace(/\./g, '\\.')}\\.?\\s*`), ''),
      products: [],
      leadText: r.lead,
      coordinatingText: r.coordinating,
      lead: { unitIds: [], groups: [], external: [], matches: [], unresolved: [] },
      coordinating: { unitIds: [], groups: [], external: [], matches: [], unresolved: [] },
      due: null,
      budgetMilli: null,
      rows: [],
    };
    tasks.push(current);
    addProduct(current, r, '');
  }

  for (const t of tasks) {
    t.lead = resolve(t.leadText, t.rows[0]);
    t.coordinating = resolve(t.coordinatingText, t.rows[0]);
    for (const [column, r] of [['lead', t.lead], ['coordinating', t.coordinating]] as const) {
      for (const g of r.groups) {
        // "UBND cấp huyện" in a plan after 30/6/2025: the group names no unit any more
        if (AGENCY_GROUPS[g].types.length === 0 || resolver.groupUnits([g]).length > 0) continue;
        const ended = options.groupEnded?.[g];
        warnings.push({
          row: t.rows[0],
          column,
          code: 'EMPTY_GROUP',
          message:
            `Nhóm “${AGENCY_GROUPS[g].vi}” không còn đơn vị nào hoạt động trong năm ${year}` +
            (ended ? ` (đơn vị cuối cùng của nhóm hoạt động đến ngày ${vnDate(ended)})` : '') +
            `: nhiệm vụ ${t.number} không được giao cho đơn vị nào theo nhóm này.`,
        });
      }
    }
    const dues = t.products.map((p) => p.timeframe.due);
    t.due = dues.length > 0 && dues.every((d) => d !== null) ? dues.reduce((a, b) => (b! > a! ? b : a)) : null;
    const budgets = t.products.map((p) => p.budget.milli).filter((b): b is number => b !== null);
    t.budgetMilli = budgets.length ? budgets.reduce((a, b) => a + b, 0) : null;
    if (!areas.has(t.areaNumber)) {
      const standard = STANDARD_AREAS[t.areaNumber];
      if (standard) areas.set(t.areaNumber, standard);
      else errors.push(err(t.rows[0], 'UNKNOWN_AREA', `Chưa có tên lĩnh vực ${t.areaNumber}.`, 'area'));
    }
  }

  return {
    areas: [...areas].map(([number, name]) => ({ number, name })).sort((a, b) => a.number - b.number),
    tasks,
    errors: errors.sort((a, b) => a.row - b.row),
    warnings,
    unresolved: [...unresolved.values()],
    flaggedTimeframes,
  };
}
