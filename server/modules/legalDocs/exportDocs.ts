/** The register out to Excel: the documents a list query finds, with their status as of its day, printable. */
import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.js';
import { LEGAL_DOC_COLUMNS, LEGAL_DOC_LABELS } from '../../../domain/legalDocs/legalDocTable.js';
import { STATUS_VI } from '../../../domain/legalDocs/status.js';
import { KIND_VI, type LegalDocKind } from '../../../domain/legalDocs/symbol.js';
import { vnDate } from '../../../domain/legalDocs/cells.js';
import { loadHistory } from '../org/history.js';
import { type ListQuery, queryDocuments } from './documents.js';
import { nameOn } from './units.js';
import { bodyStyle, excelDate, headerStyle, printSetup, timesNewRoman } from './xlsx.js';

/** The columns are the template's (after "STT"), so an exported sheet can be imported back. */
export async function exportLegalDocumentsXlsx(db: Db, q: ListQuery): Promise<Buffer> {
  const h = await loadHistory(db);
  const { matches, byKind } = await queryDocuments(db, h, q);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cchc';
  const ws = wb.addWorksheet('Văn bản QPPL', { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.addRow(['DANH MỤC VĂN BẢN QUY PHẠM PHÁP LUẬT']).font = { bold: true, size: 14 };
  const window = q.from || q.to ? `; ký từ ${q.from ? vnDate(q.from) : '…'} đến ${q.to ? vnDate(q.to) : '…'}` : '';
  ws.addRow([`Tình trạng hiệu lực đến ngày ${vnDate(q.asOf)}${window}; ${matches.length} văn bản (${byKind.resolution} nghị quyết, ${byKind.decision} quyết định)`]).font = { italic: true, size: 12 };
  headerStyle(ws.addRow(['STT', ...LEGAL_DOC_COLUMNS.map((c) => LEGAL_DOC_LABELS[c])]));
  matches.forEach(({ row, parts }, i) => {
    const s = matches[i].status;
    const lastPart = parts.filter((p) => p.fromDate <= q.asOf).at(-1) ?? null;
    const whole = s === 'expired' || row.expiredOn !== null;
    const r = ws.addRow([
      i + 1,
      row.symbol,
      KIND_VI[row.kind as LegalDocKind],
      row.issuerText,
      row.title,
      row.field,
      excelDate(row.signedOn),
      excelDate(row.effectiveOn),
      STATUS_VI[s === 'not_yet_effective' ? 'in_force' : s],
      whole ? excelDate(row.expiredOn) : s === 'partly_expired' ? excelDate(lastPart!.fromDate) : null,
      whole ? (row.endedBySymbol ?? row.endedByLink ?? '') : s === 'partly_expired' ? (lastPart!.bySymbol ?? lastPart!.byLink ?? '') : '',
      row.leadText ?? (row.leadUnitId ? nameOn(h, row.leadUnitId, row.signedOn) : ''),
      [row.note, s === 'not_yet_effective' ? `Chưa có hiệu lực đến ngày ${vnDate(q.asOf)}` : null].filter(Boolean).join('; '),
    ]);
    bodyStyle(r);
    for (const c of [7, 8, 10]) r.getCell(c).numFmt = 'dd/mm/yyyy';
  });
  ws.columns.forEach((c, i) => (c.width = [6, 18, 12, 24, 50, 16, 12, 12, 20, 12, 20, 24, 24][i]));
  ws.mergeCells(1, 1, 1, 13);
  ws.mergeCells(2, 1, 2, 13);
  printSetup(ws, { headerRow: 3 });
  timesNewRoman(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
