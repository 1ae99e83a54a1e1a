/**
 * A criteria set as a table (the .xlsx users keep): one row per item, the tree read from the codes
 * ("1" → "1.2" → "1.2.3"). Columns: Mã | Nội dung | Điểm tối đa | Cách chấm | Tham số | Bắt buộc tài liệu
 * kiểm chứng | Hướng dẫn. Scoring: "Tự chấm", "Có/Không", "Theo mức" (tham số "≥98:1; ≥90:0,5"),
 * "Trừ điểm" (tham số: điểm trừ mỗi lỗi, "0,25"), "Từ dữ liệu" (tham số: nguồn by its Vietnamese name or its
 * code, then optional tiers, "Tỷ lệ hồ sơ giải quyết đúng hạn; ≥98:1; ≥90:0,5").
 */
import { fold } from '../text/normalize.js';
import type { CriteriaNode } from './criteriaSet.js';
import { DATA_SOURCES, type DataSource, type ScoringRule, type Tier } from './scoring.js';

/** The Vietnamese names of the data sources, as the table writes them (the codes are read too). */
export const DATA_SOURCE_NAMES: Record<DataSource, string> = {
  plan_tasks_on_time: 'Tỷ lệ nhiệm vụ kế hoạch CCHC hoàn thành đúng hạn',
  dossiers_on_time: 'Tỷ lệ hồ sơ giải quyết đúng hạn',
  dossiers_online: 'Tỷ lệ hồ sơ nộp trực tuyến',
  feedback_on_time: 'Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn',
  satisfaction_index: 'Chỉ số hài lòng của người dân, tổ chức',
};

/** A data source from its name or its code, with or without diacritics; null when it is neither. */
export function dataSourceOf(text: string): DataSource | null {
  const t = fold(text).trim();
  return DATA_SOURCES.find((d) => d === text.trim() || fold(DATA_SOURCE_NAMES[d]) === t) ?? null;
}

export const SET_COLUMNS = ['Mã', 'Nội dung', 'Điểm tối đa', 'Cách chấm', 'Tham số', 'Bắt buộc tài liệu kiểm chứng', 'Hướng dẫn'] as const;

export interface RowError {
  row: number;
  message: string;
}

/** "17,5" or "17.5" → 17.5; anything else (negative, text, empty) → null */
export const parsePoints = (s: string): number | null => {
  const t = s.trim().replace(/\s/g, '').replace(',', '.');
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : null;
};

function parseTiers(parts: string[]): Tier[] | null {
  const tiers: Tier[] = [];
  for (const p of parts) {
    const m = /^(?:≥|>=)?\s*(\d+(?:[.,]\d+)?)\s*%?\s*:\s*(\d+(?:[.,]\d+)?)$/.exec(p.trim());
    if (!m) return null;
    tiers.push({ atLeast: Number(m[1].replace(',', '.')), share: Number(m[2].replace(',', '.')) });
  }
  return tiers;
}

const RULE_NAMES: Record<string, ScoringRule['kind']> = {
  'tu cham': 'manual',
  'co/khong': 'yes_no',
  'co / khong': 'yes_no',
  'theo muc': 'tiers',
  'tru diem': 'deduction',
  'tu du lieu': 'computed',
};

function parseRule(kindText: string, param: string): ScoringRule | string {
  const kind = RULE_NAMES[fold(kindText).trim()];
  if (!kind) return `Cách chấm "${kindText}" không hợp lệ (Tự chấm, Có/Không, Theo mức, Trừ điểm, Từ dữ liệu).`;
  const parts = param.split(';').map((x) => x.trim()).filter(Boolean);
  switch (kind) {
    case 'manual':
    case 'yes_no':
      return { kind };
    case 'tiers': {
      const tiers = parseTiers(parts);
      return tiers && tiers.length ? { kind, tiers } : `Tham số "${param}" không hợp lệ: ghi các mức như "≥98:1; ≥90:0,5".`;
    }
    case 'deduction': {
      const per = parsePoints(parts[0] ?? '');
      return per && per > 0 ? { kind, perItem: per } : `Tham số "${param}" không hợp lệ: ghi số điểm trừ cho mỗi lỗi, ví dụ "0,25".`;
    }
    case 'computed': {
      const source = dataSourceOf(parts[0] ?? '');
      if (!source) return `Nguồn dữ liệu "${parts[0] ?? ''}" không hợp lệ (${DATA_SOURCES.map((d) => DATA_SOURCE_NAMES[d]).join('; ')}; hoặc mã ${DATA_SOURCES.join(', ')}).`;
      if (parts.length === 1) return { kind, source };
      const tiers = parseTiers(parts.slice(1));
      return tiers ? { kind, source, tiers } : `Tham số "${param}" không hợp lệ: sau nguồn dữ liệu ghi các mức như "≥98:1; ≥90:0,5".`;
    }
  }
}

/** The tree of a table (header first); every row's problems, with file row numbers (header = row 1). */
export function parseSetRows(table: string[][]): { areas: CriteriaNode[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const header = (table[0] ?? []).map((c) => fold(c).trim());
  if (!SET_COLUMNS.every((c, i) => header[i] === fold(c))) {
    return { areas: [], errors: [{ row: 1, message: `Các cột phải là: ${SET_COLUMNS.join(' | ')}.` }] };
  }
  const nodes = new Map<string, CriteriaNode>();
  const areas: CriteriaNode[] = [];
  table.slice(1).forEach((r, i) => {
    const row = i + 2;
    const cell = (k: number) => (r[k] ?? '').trim();
    if (r.every((c) => !c.trim())) return;
    const code = cell(0).replace(/\.$/, '');
    if (!/^\d+(\.\d+)*$/.test(code)) return errors.push({ row, message: `Mã "${cell(0)}" không hợp lệ (ví dụ 1, 1.2, 1.2.3).` });
    if (nodes.has(code)) return errors.push({ row, message: `Mã ${code} bị trùng.` });
    const max = parsePoints(cell(2));
    if (max === null) return errors.push({ row, message: `Điểm tối đa "${cell(2)}" không phải là số.` });
    const node: CriteriaNode = { code, name: cell(1), max, guidance: cell(6) || undefined, evidenceRequired: /^(x|có|co|1|yes)$/i.test(cell(5)) || undefined };
    if (cell(3)) {
      const rule = parseRule(cell(3), cell(4));
      if (typeof rule === 'string') return errors.push({ row, message: rule });
      node.rule = rule;
    }
    const parentCode = code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null;
    if (parentCode === null) areas.push(node);
    else {
      const parent = nodes.get(parentCode);
      if (!parent) return errors.push({ row, message: `Mã ${code} đứng trước mục cha ${parentCode} (hoặc mục cha không có).` });
      parent.children = [...(parent.children ?? []), node];
    }
    nodes.set(code, node);
  });
  return { areas, errors };
}

function ruleCells(rule: ScoringRule | undefined): [string, string] {
  const tiers = (t?: Tier[]) => (t ?? []).map((x) => `≥${String(x.atLeast).replace('.', ',')}:${String(x.share).replace('.', ',')}`).join('; ');
  if (!rule) return ['', ''];
  switch (rule.kind) {
    case 'manual':
      return ['Tự chấm', ''];
    case 'yes_no':
      return ['Có/Không', ''];
    case 'tiers':
      return ['Theo mức', tiers(rule.tiers)];
    case 'deduction':
      return ['Trừ điểm', String(rule.perItem).replace('.', ',')];
    case 'computed':
      return ['Từ dữ liệu', [DATA_SOURCE_NAMES[rule.source], tiers(rule.tiers)].filter(Boolean).join('; ')];
  }
}

/** The rows of the table for a tree, header first (what `parseSetRows` reads back to the same tree). */
export function setToRows(areas: CriteriaNode[]): (string | number)[][] {
  const rows: (string | number)[][] = [[...SET_COLUMNS]];
  const walk = (n: CriteriaNode) => {
    rows.push([n.code, n.name, n.max, ...ruleCells(n.rule), n.evidenceRequired ? 'x' : '', n.guidance ?? '']);
    n.children?.forEach(walk);
  };
  areas.forEach(walk);
  return rows;
}
