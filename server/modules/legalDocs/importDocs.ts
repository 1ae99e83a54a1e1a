/**
 * Import of a register of legal documents from .xlsx / .csv (the offered template): every row checked as a
 * document recorded alone would be (symbol, body and its unit on the signing day, dates, endings), a preview
 * with row errors and warnings, and an all-or-nothing save. A document already in the register (same body,
 * same symbol) is updated. Each document written has its audit event, and the import one more, at `now`.
 */
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { legalDocumentPartEndings, legalDocuments } from '../../db/schema.js';
import { vietnamDateOf } from '../../../domain/org/dates.js';
import { findHeader, LEGAL_DOC_COLUMNS, LEGAL_DOC_LABELS, type LegalDocColumn, type LegalDocInput, readLegalDocTable, type RowError } from '../../../domain/legalDocs/legalDocTable.js';
import { statusAsOf } from '../../../domain/legalDocs/status.js';
import { AppError } from '../../errors.js';
import { type AuditActor, recordAudit } from '../audit/record.js';
import { readTable } from '../files/tables.js';
import { loadHistory } from '../org/history.js';
import { type LegalDocumentInput, type Prepared, prepareDocument, writeDocument } from './documents.js';
import { nameOn } from './units.js';
import { headerStyle, printSetup, timesNewRoman } from './xlsx.js';

const COLUMN_OF_FIELD: Record<string, LegalDocColumn> = {
  symbol: 'symbol',
  kind: 'kind',
  issuer: 'issuer',
  issuerUnitId: 'issuer',
  title: 'title',
  field: 'field',
  signedOn: 'signedOn',
  effectiveOn: 'effectiveOn',
  expiredOn: 'expiredOn',
  endedBy: 'endedBy',
  partEndings: 'expiredOn',
  leadUnitId: 'lead',
};

const toInput = (d: LegalDocInput): LegalDocumentInput => ({
  symbol: d.symbol.symbol,
  kind: d.kind,
  issuer: d.issuerText,
  title: d.title,
  field: d.field,
  signedOn: d.signedOn,
  effectiveOn: d.effectiveOn,
  expiredOn: d.expiredOn,
  endedBy: d.endedBy?.bySymbol ?? d.endedBy?.byLink ?? null,
  partEndings: d.partEndings.map((p) => ({ from: p.from, by: p.endedBy?.bySymbol ?? p.endedBy?.byLink ?? null })),
  lead: d.leadText || null,
  note: d.note || null,
});

export async function importLegalDocuments(db: Db, actor: AuditActor, fileName: string, file: Buffer, dryRun: boolean, now: Date) {
  const table = await readTable(fileName, file, LEGAL_DOC_COLUMNS.length + 1);
  const header = findHeader(table);
  if (!header) {
    const labels = LEGAL_DOC_COLUMNS.map((c) => LEGAL_DOC_LABELS[c]);
    throw new AppError(400, 'WRONG_COLUMNS', `Các cột không đúng mẫu: ${labels.join(', ')}.`, 'The columns do not follow the template.', { expected: labels });
  }
  const today = vietnamDateOf(now);
  const rows = table.slice(header.at + 1).map((cells, i) => ({ row: header.at + i + 2, cells: cells.slice(header.offset) }));
  const { docs, errors } = readLegalDocTable(rows, today);
  const warnings: { row: number; message: string }[] = [];
  const h = await loadHistory(db);
  const prepared: { doc: LegalDocInput; prep: Prepared; existingId: number | null }[] = [];
  const seenScope = new Map<string, number>();
  for (const doc of docs) {
    // the same document may be in the register already: then this row updates it
    const probe = await prepareDocument(db, h, toInput(doc), null);
    const [existing] = await db
      .select({ id: legalDocuments.id })
      .from(legalDocuments)
      .where(and(eq(legalDocuments.issuerScope, probe.values.issuerScope), eq(legalDocuments.symbolKey, probe.values.symbolKey)));
    const prep = existing ? await prepareDocument(db, h, await withRecordedParts(db, toInput(doc), existing.id), existing.id) : probe;
    for (const p of prep.problems) errors.push({ row: doc.row, column: COLUMN_OF_FIELD[p.field] ?? 'symbol', message: p.message } satisfies RowError);
    for (const w of prep.warnings) warnings.push({ row: doc.row, message: w });
    // two rows naming one document in different words ("HĐND tỉnh Long An", "Hội đồng nhân dân tỉnh Long An")
    const key = `${prep.values.issuerScope}@${prep.values.symbolKey}`;
    if (!prep.problems.length && seenScope.has(key)) errors.push({ row: doc.row, column: 'symbol', message: `Văn bản ${prep.values.symbol} trùng với dòng ${seenScope.get(key)}.` });
    else seenScope.set(key, doc.row);
    prepared.push({ doc, prep, existingId: existing?.id ?? null });
  }
  errors.sort((a, b) => a.row - b.row);
  const good = prepared.filter((x) => !errors.some((e) => e.row === x.doc.row));
  const preview = {
    documents: good.map(({ doc, prep, existingId }) => ({
      row: doc.row,
      symbol: prep.values.symbol,
      kind: prep.values.kind,
      issuer: prep.values.issuerText,
      issuerUnit: prep.values.issuerUnitId ? { id: prep.values.issuerUnitId, name: nameOn(h, prep.values.issuerUnitId, doc.signedOn) } : null,
      title: prep.values.title,
      field: prep.values.field,
      signedOn: doc.signedOn,
      effectiveOn: doc.effectiveOn,
      expiredOn: doc.expiredOn,
      status: statusAsOf({ signedOn: doc.signedOn, effectiveOn: doc.effectiveOn, expiredOn: doc.expiredOn, endings: doc.partEndings.map((p) => ({ scope: 'part' as const, from: p.from })) }, today).status,
      lead: prep.values.leadText,
      leadUnit: prep.values.leadUnitId ? { id: prep.values.leadUnitId, name: nameOn(h, prep.values.leadUnitId, doc.signedOn) } : null,
      exists: existingId !== null,
    })),
    errors,
    warnings,
    summary: {
      total: good.length,
      created: good.filter((x) => x.existingId === null).length,
      updated: good.filter((x) => x.existingId !== null).length,
      resolution: good.filter((x) => x.prep.values.kind === 'resolution').length,
      decision: good.filter((x) => x.prep.values.kind === 'decision').length,
    },
    canSave: errors.length === 0,
  };
  if (dryRun) return preview;
  if (errors.length) {
    throw new AppError(400, 'IMPORT_INVALID', `Chưa thể lưu: ${errors.length} lỗi. Không có dữ liệu nào được lưu.`, `Cannot save: ${errors.length} errors. Nothing was saved.`, { errors });
  }
  await db.transaction(async (tx) => {
    for (const x of prepared) {
      const existing = x.existingId === null ? null : await loadExisting(tx, x.existingId);
      // checked again inside the transaction: a document saved meanwhile with the same symbol is a conflict
      const input = x.existingId === null ? toInput(x.doc) : await withRecordedParts(tx, toInput(x.doc), x.existingId);
      const prep = await prepareDocument(tx, h, input, x.existingId);
      if (prep.problems.length) {
        throw new AppError(409, 'IMPORT_CONFLICT', `Dòng ${x.doc.row}: ${prep.problems[0].message} Không có dữ liệu nào được lưu.`, `Row ${x.doc.row} conflicts with the register. Nothing was saved.`, { row: x.doc.row });
      }
      await writeDocument(tx, actor, prep, existing, now);
    }
    await recordAudit(tx, actor, { action: 'legalDocument.import', entityType: 'legal_document_list', entityId: fileName, after: preview.summary }, now);
  });
  return preview;
}

/**
 * A row holds one ending; parts of the document recorded before (an export shows the latest only) are
 * kept when they still fit: before its whole expiry and not named by the row again.
 */
async function withRecordedParts(db: Db | Tx, input: LegalDocumentInput, id: number): Promise<LegalDocumentInput> {
  const recorded = await db.select().from(legalDocumentPartEndings).where(eq(legalDocumentPartEndings.documentId, id));
  const given = input.partEndings ?? [];
  const kept = recorded
    .filter((r) => !input.expiredOn || r.fromDate < input.expiredOn)
    .filter((r) => !given.some((g) => g.from === r.fromDate))
    .map((r) => ({ from: r.fromDate, by: r.bySymbol ?? r.byLink, note: r.note }));
  return { ...input, partEndings: [...kept, ...given].sort((a, b) => a.from.localeCompare(b.from)) };
}

async function loadExisting(tx: Tx, id: number) {
  const [row] = await tx.select().from(legalDocuments).where(eq(legalDocuments.id, id));
  const parts = await tx.select().from(legalDocumentPartEndings).where(eq(legalDocumentPartEndings.documentId, id));
  return { row, parts };
}

const EXAMPLES = [
  ['15/2023/NQ-HĐND', 'Nghị quyết', 'HĐND tỉnh Long An', 'Quy định mức chi … trên địa bàn tỉnh', 'Tài chính', '12/07/2023', '22/07/2023', 'Còn hiệu lực', '', '', 'Sở Tài chính', ''],
  ['20/2023/QĐ-UBND', 'Quyết định', 'UBND tỉnh Long An', 'Ban hành Quy chế …', 'Nội vụ', '01/08/2023', '15/08/2023', 'Hết hiệu lực toàn bộ', '01/03/2025', '05/2025/QĐ-UBND', 'Sở Nội vụ', ''],
];

const GUIDE: [LegalDocColumn, string][] = [
  ['symbol', 'Bắt buộc. Dạng số/năm/NQ-HĐND (nghị quyết của HĐND) hoặc số/năm/QĐ-UBND (quyết định của UBND); năm là năm ký.'],
  ['kind', 'Nghị quyết hoặc Quyết định; để trống thì lấy theo số, ký hiệu (phải khớp với số, ký hiệu).'],
  ['issuer', 'Bắt buộc. Ví dụ: HĐND tỉnh Long An, UBND huyện Bến Lức (cấp huyện chỉ đến 30/6/2025).'],
  ['title', 'Bắt buộc.'],
  ['field', 'Bắt buộc. Ví dụ: Tài chính, Nội vụ, Đất đai.'],
  ['signedOn', 'Bắt buộc, dd/mm/yyyy.'],
  ['effectiveOn', 'Bắt buộc, dd/mm/yyyy, không trước ngày ký.'],
  ['status', 'Còn hiệu lực (mặc định), Hết hiệu lực một phần, Hết hiệu lực toàn bộ — phải khớp với các ngày tại ngày nhập.'],
  ['expiredOn', 'Ngày đầu tiên văn bản (hoặc phần văn bản) không còn hiệu lực; bắt buộc khi hết hiệu lực; với văn bản còn hiệu lực: ngày hết thời hạn, nếu có.'],
  ['endedBy', 'Số, ký hiệu hoặc đường dẫn của văn bản bãi bỏ, thay thế (nếu có).'],
  ['lead', 'Tên cơ quan chủ trì soạn thảo, ví dụ Sở Tư pháp.'],
  ['note', ''],
];

export async function legalDocTemplateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cchc';
  const ws = wb.addWorksheet('Văn bản QPPL', { views: [{ state: 'frozen', ySplit: 1 }] });
  headerStyle(ws.addRow(LEGAL_DOC_COLUMNS.map((c) => LEGAL_DOC_LABELS[c])));
  for (const r of EXAMPLES) ws.addRow(r);
  ws.columns.forEach((c, i) => (c.width = [18, 12, 24, 50, 16, 12, 14, 20, 14, 20, 24, 20][i]));
  printSetup(ws, { headerRow: 1 });
  timesNewRoman(ws);
  const guide = wb.addWorksheet('Hướng dẫn');
  headerStyle(guide.addRow(['Cột', 'Cách ghi']));
  for (const [c, t] of GUIDE) guide.addRow([LEGAL_DOC_LABELS[c], t]).alignment = { wrapText: true, vertical: 'top' };
  guide.addRow([]);
  guide.addRow(['', 'Các dòng ví dụ ở trang đầu là mẫu: xoá hoặc thay bằng văn bản thật trước khi nhập.']);
  guide.columns.forEach((c, i) => (c.width = [28, 90][i]));
  printSetup(guide, { headerRow: 1, landscape: false });
  timesNewRoman(guide);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
