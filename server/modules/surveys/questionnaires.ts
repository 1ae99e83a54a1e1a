/**
 * Questionnaires as versioned data: create, clone to a new version, activate (the one per-dossier surveys
 * use), export / import .xlsx as one sheet that lists the tree (questionnaire → scales → options, elements →
 * questions). An import is checked whole and, unless a dry run, saved as a new version.
 */
import ExcelJS from 'exceljs';
import { and, desc, eq, max, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { questionnaires } from '../../db/schema.js';
import { checkQuestionnaire, type QuestionKind, type QuestionnaireDef, sampleQuestionnaire } from '../../../domain/surveys/questionnaire.js';
import { fold } from '../../../domain/text/normalize.js';
import { AppError, errors } from '../../errors.js';
import { type AuditActor, recordAudit } from '../audit/record.js';
import { setupPrint } from '../files/xlsxPrint.js';
import { readTable } from '../files/tables.js';

export type QuestionnaireRow = typeof questionnaires.$inferSelect;
export const definitionOf = (r: QuestionnaireRow) => r.definition as QuestionnaireDef;

export async function listQuestionnaires(db: Db) {
  const rows = await db.select().from(questionnaires).orderBy(questionnaires.code, desc(questionnaires.version));
  return rows.map((r) => ({ id: r.id, code: r.code, version: r.version, name: r.name, isSample: r.isSample, active: r.active, createdAt: r.createdAt.toISOString(), definition: definitionOf(r) }));
}

export async function getQuestionnaire(db: Db | Tx, id: number) {
  const [r] = await db.select().from(questionnaires).where(eq(questionnaires.id, id));
  if (!r) throw errors.notFound('questionnaire');
  return r;
}

export async function activeQuestionnaire(db: Db | Tx) {
  const [r] = await db.select().from(questionnaires).where(eq(questionnaires.active, true)).orderBy(desc(questionnaires.id)).limit(1);
  return r ?? null;
}

function invalid(problems: string[]) {
  return new AppError(400, 'QUESTIONNAIRE_INVALID', `Phiếu khảo sát không hợp lệ: ${problems.join(' ')}`, 'The questionnaire is not valid.', { problems });
}

/** A new version of `code` (1 for a new code); the first one becomes active when none is. */
export async function createQuestionnaire(db: Db, actor: AuditActor, input: { code: string; name: string; definition: QuestionnaireDef; isSample?: boolean; activate?: boolean }) {
  const problems = checkQuestionnaire(input.definition);
  if (problems.length) throw invalid(problems);
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${'questionnaire:' + input.code}, 0))`);
    const [{ v }] = await tx.select({ v: max(questionnaires.version) }).from(questionnaires).where(eq(questionnaires.code, input.code));
    const hasActive = !!(await activeQuestionnaire(tx));
    const activate = input.activate ?? !hasActive;
    if (activate) await tx.update(questionnaires).set({ active: false }).where(eq(questionnaires.active, true));
    const [row] = await tx
      .insert(questionnaires)
      .values({ code: input.code, version: (v ?? 0) + 1, name: input.name, isSample: input.isSample ?? false, active: activate, definition: input.definition, createdBy: actor.id })
      .returning();
    await recordAudit(tx, actor, { action: 'questionnaire.create', entityType: 'questionnaire', entityId: String(row.id), after: { code: row.code, version: row.version, name: row.name, active: row.active } });
    return row;
  });
}

export async function cloneQuestionnaire(db: Db, actor: AuditActor, id: number, name?: string) {
  const src = await getQuestionnaire(db, id);
  return createQuestionnaire(db, actor, { code: src.code, name: name ?? src.name, definition: definitionOf(src), isSample: src.isSample, activate: false });
}

export async function activateQuestionnaire(db: Db, actor: AuditActor, id: number) {
  return db.transaction(async (tx) => {
    const row = await getQuestionnaire(tx, id);
    await tx.update(questionnaires).set({ active: false }).where(eq(questionnaires.active, true));
    await tx.update(questionnaires).set({ active: true }).where(eq(questionnaires.id, id));
    await recordAudit(tx, actor, { action: 'questionnaire.activate', entityType: 'questionnaire', entityId: String(id), after: { code: row.code, version: row.version } });
    return { ...row, active: true };
  });
}

/** The demo's sample on the five-element structure, labelled as a sample; made once. */
export async function ensureSampleQuestionnaire(db: Db, actor: AuditActor) {
  const [found] = await db.select().from(questionnaires).where(and(eq(questionnaires.code, 'MAU-SIPAS'), eq(questionnaires.isSample, true))).limit(1);
  if (found) return found;
  return createQuestionnaire(db, actor, { code: 'MAU-SIPAS', name: 'Phiếu khảo sát sự hài lòng (MẪU, 5 yếu tố; không phải phiếu chính thức của Bộ Nội vụ)', definition: sampleQuestionnaire(), isSample: true, activate: true });
}

// ---- .xlsx -------------------------------------------------------------------------------------------

export const QUESTIONNAIRE_COLUMNS = ['Loại dòng', 'Mã', 'Thuộc', 'Nội dung', 'Công thức / thang đo', 'Loại câu hỏi', 'Trọng số / cỡ mẫu', 'Hài lòng', 'Không hài lòng'] as const;
const KIND_VI: Record<QuestionKind, string> = { assessment: 'đánh giá', satisfaction: 'hài lòng', expectation: 'mong đợi' };

export async function exportQuestionnaireXlsx(db: Db, id: number): Promise<Buffer> {
  const row = await getQuestionnaire(db, id);
  const q = definitionOf(row);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phiếu');
  ws.addRow([...QUESTIONNAIRE_COLUMNS]).font = { bold: true };
  ws.addRow(['Phiếu', row.code, '', row.name, q.overall, '', q.minSample, '', '']);
  for (const s of q.scales) {
    ws.addRow(['Thang đo', s.key, '', s.name, '', '', '', '', '']);
    for (const o of s.options) ws.addRow(['Lựa chọn', o.value, s.key, o.label, '', '', o.weight, o.satisfied ? 'x' : '', o.dissatisfied ? 'x' : '']);
  }
  for (const e of q.elements) {
    ws.addRow(['Yếu tố', e.key, '', e.name, e.formula, '', '', '', '']);
    for (const x of q.questions.filter((x) => x.element === e.key)) ws.addRow(['Câu hỏi', x.id, e.key, x.text, x.scale, KIND_VI[x.kind], '', '', '']);
  }
  [12, 10, 10, 60, 18, 12, 12, 9, 9].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
  setupPrint(ws, { title: `${row.name} (phiên bản ${row.version})` });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const ROW_KIND: Record<string, 'questionnaire' | 'scale' | 'option' | 'element' | 'question'> = { phieu: 'questionnaire', 'thang do': 'scale', 'lua chon': 'option', 'yeu to': 'element', 'cau hoi': 'question' };
const KIND_OF: Record<string, QuestionKind> = { 'danh gia': 'assessment', 'hai long': 'satisfaction', 'mong doi': 'expectation', assessment: 'assessment', satisfaction: 'satisfaction', expectation: 'expectation' };

/** Parses the sheet into a definition; row errors (row numbers of the file) in Vietnamese. */
export async function parseQuestionnaireXlsx(fileName: string, data: Buffer) {
  const table = await readTable(fileName, data, QUESTIONNAIRE_COLUMNS.length);
  const header = (table[0] ?? []).map((c) => fold(c).trim());
  if (!QUESTIONNAIRE_COLUMNS.every((c, i) => header[i] === fold(c))) {
    throw errors.badRequest('WRONG_COLUMNS', `Các cột phải là: ${QUESTIONNAIRE_COLUMNS.join(', ')}.`, `Columns must be: ${QUESTIONNAIRE_COLUMNS.join(', ')}.`, { expected: QUESTIONNAIRE_COLUMNS });
  }
  const rowErrors: { row: number; message: string }[] = [];
  const def: QuestionnaireDef = { elements: [], scales: [], questions: [], overall: 'mean_of_elements', minSample: 30 };
  let name = '';
  let code = '';
  table.slice(1).forEach((r, i) => {
    const row = i + 2;
    const [kindText, key, parent, text, formula, qkind, weight, sat, dis] = r.map((c) => (c ?? '').trim());
    if (!r.some((c) => c?.trim())) return;
    const kind = ROW_KIND[fold(kindText)];
    const bad = (message: string) => rowErrors.push({ row, message });
    if (!kind) return bad(`Loại dòng "${kindText}" không hợp lệ (Phiếu, Thang đo, Lựa chọn, Yếu tố, Câu hỏi).`);
    if (!key) return bad('Thiếu mã.');
    if (kind === 'questionnaire') {
      code = key;
      name = text;
      if (formula !== 'mean_of_elements' && formula !== 'pooled') return bad('Công thức chỉ số chung phải là mean_of_elements hoặc pooled.');
      def.overall = formula;
      const n = Number(weight);
      if (!Number.isInteger(n) || n < 1) return bad('Cỡ mẫu tối thiểu phải là số nguyên dương.');
      def.minSample = n;
    } else if (kind === 'scale') def.scales.push({ key, name: text, options: [] });
    else if (kind === 'option') {
      const s = def.scales.find((x) => x.key === parent);
      if (!s) return bad(`Thang đo "${parent}" chưa được khai báo ở dòng trên.`);
      const w = Number(weight);
      if (weight === '' || !Number.isInteger(w) || w < 0 || w > 100) return bad('Trọng số phải là số nguyên từ 0 đến 100.');
      s.options.push({ value: key, label: text, weight: w, satisfied: sat !== '', dissatisfied: dis !== '' });
    } else if (kind === 'element') {
      if (formula !== 'share' && formula !== 'weighted') return bad('Công thức của yếu tố phải là share (tỷ lệ hài lòng) hoặc weighted (có trọng số).');
      def.elements.push({ key, name: text, formula });
    } else {
      const k = KIND_OF[fold(qkind)];
      if (!k) return bad(`Loại câu hỏi "${qkind}" không hợp lệ (đánh giá, hài lòng, mong đợi).`);
      def.questions.push({ id: key, element: parent, kind: k, text, scale: formula });
    }
  });
  if (!name) rowErrors.push({ row: 0, message: 'Thiếu dòng "Phiếu" (tên, công thức chung, cỡ mẫu tối thiểu).' });
  const problems = rowErrors.length ? [] : checkQuestionnaire(def);
  if (rowErrors.length || problems.length) {
    throw new AppError(400, 'IMPORT_INVALID', `${rowErrors.length + problems.length} lỗi; không có gì được lưu.`, `${rowErrors.length + problems.length} errors; nothing was saved.`, { errors: rowErrors, problems });
  }
  return { code, name, definition: def };
}

