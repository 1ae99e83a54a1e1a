/**
 * The staffing register out to Excel (one workbook: figures with the total row, schemes, recruitment; the
 * first columns of each sheet are its import template's, so a sheet saved alone imports back) and the three
 * import templates.
 */
import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.js';
import { type Figure, RATE_BASIS_VI, STAFF_KIND_VI } from '../../../domain/staffing/figures.js';
import { SHEET_COLUMNS, SHEET_VI, STAFFING_LABELS, type StaffingSheet } from '../../../domain/staffing/staffingTable.js';
import { vnDate } from '../../../domain/legalDocs/cells.js';
import { bodyStyle, excelDate, headerStyle, printSetup, timesNewRoman } from '../legalDocs/xlsx.js';
import { getStaffing, type Window } from './figures.js';

const labels = (sheet: StaffingSheet) => SHEET_COLUMNS[sheet].map((c) => STAFFING_LABELS[c]);
const basis = (f: Figure) => (f.rateBasis ? RATE_BASIS_VI[f.rateBasis] : '');

function titled(wb: ExcelJS.Workbook, name: string, title: string, subtitle: string, header: string[], widths: number[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3, xSplit: 2 }] });
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.addRow([subtitle]).font = { italic: true, size: 12 };
  headerStyle(ws.addRow(header));
  ws.columns.forEach((c, i) => (c.width = widths[i] ?? 14));
  return ws;
}

export async function exportStaffingXlsx(db: Db, q: { scope: number[] | null; unitId: number | null; year: number; window?: Window }): Promise<Buffer> {
  const s = await getStaffing(db, q);
  const who = s.unit?.name ?? 'Toàn tỉnh';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cchc';
  const extra = ['Công chức: thiếu so với được giao', 'Công chức: tỷ lệ giảm so với năm 2015 (%)', 'Công chức: cách tính tỷ lệ', 'Viên chức: thiếu so với được giao', 'Viên chức: tỷ lệ giảm so với năm 2015 (%)', 'Viên chức: cách tính tỷ lệ'];
  const ws = titled(wb, SHEET_VI.figures, `TÌNH HÌNH BIÊN CHẾ CÔNG CHỨC, SỐ LƯỢNG NGƯỜI LÀM VIỆC NĂM ${s.year}`, who, [...labels('figures'), ...extra], [14, 36, 7, 13, 12, 13, 14, 14, 12, 14, 14, 30, 24, 12, 12, 26, 12, 12, 26]);
  const reportedOf = (f: Figure) => (f.rateBasis === 'reported' ? f.reductionRate : null);
  const line = (code: string, name: string, c: Figure, p: Figure, reported: { civilServants: number | null; publicEmployees: number | null }, reference: string | null, note: string | null) => {
    const r = ws.addRow([code, name, s.year, c.assigned, c.present, c.base2015, reported.civilServants, p.assigned, p.present, p.base2015, reported.publicEmployees, reference, note, c.gap, c.reductionRate, basis(c), p.gap, p.reductionRate, basis(p)]);
    bodyStyle(r);
    for (const i of [4, 5, 6, 8, 9, 10, 14, 17]) r.getCell(i).numFmt = '#,##0';
    for (const i of [7, 11, 15, 18]) r.getCell(i).numFmt = '0.00';
    return r;
  };
  for (const r of s.rows) line(r.code, r.unitName, r.civilServants, r.publicEmployees, r.reportedRates, r.reference, r.note);
  const t = s.total;
  line('', `Tổng cộng (${who})`, t.civilServants, t.publicEmployees, { civilServants: reportedOf(t.civilServants), publicEmployees: reportedOf(t.publicEmployees) }, null, null).font = { bold: true };
  printSetup(ws, { headerRow: 3 });
  timesNewRoman(ws);

  const window = `từ ${vnDate(s.window.from)} đến ${vnDate(s.window.to)}`;
  const sc = titled(wb, SHEET_VI.schemes, 'ĐỀ ÁN VỊ TRÍ VIỆC LÀM ĐƯỢC PHÊ DUYỆT', `${who}; quyết định ${window}; ${s.schemes.total} đề án (công chức ${s.schemes.byKind.civil_servant}, viên chức ${s.schemes.byKind.public_employee})`, labels('schemes'), [14, 36, 14, 22, 14, 40, 24]);
  for (const x of s.schemes.items) {
    const r = sc.addRow([x.code, x.unitName, STAFF_KIND_VI[x.kind], x.decisionNumber, excelDate(x.decisionDate), x.title, x.note]);
    bodyStyle(r);
    r.getCell(5).numFmt = 'dd/mm/yyyy';
  }
  sc.addRow(['', `Tổng cộng: ${s.schemes.total} đề án`]).font = { bold: true };
  printSetup(sc, { headerRow: 3 });
  timesNewRoman(sc);

  const rc = titled(wb, SHEET_VI.recruitment, `TUYỂN DỤNG CÔNG CHỨC, VIÊN CHỨC NĂM ${s.year}`, `${who}; ${s.recruitment.total} người (công chức ${s.recruitment.byKind.civil_servant}, viên chức ${s.recruitment.byKind.public_employee})`, labels('recruitment'), [14, 36, 7, 14, 12, 44, 14, 24]);
  for (const x of s.recruitment.items) {
    const r = rc.addRow([x.code, x.unitName, x.year, STAFF_KIND_VI[x.kind], x.count, x.reference, excelDate(x.decidedOn), x.note]);
    bodyStyle(r);
    r.getCell(7).numFmt = 'dd/mm/yyyy';
  }
  const total = rc.addRow(['', 'Tổng cộng', '', '', s.recruitment.total]);
  total.font = { bold: true };
  printSetup(rc, { headerRow: 3 });
  timesNewRoman(rc);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const EXAMPLES: Record<StaffingSheet, (string | number)[][]> = {
  figures: [
    ['LA', 'Tỉnh Long An', 2023, '', '', '', '17,72', '', '', '', '20,04', 'Báo cáo CCHC quý III/2023', 'Dòng của tỉnh: tỷ lệ theo báo cáo'],
    ['LA.SNV', 'Sở Nội vụ', 2023, 60, 57, '', '', 25, 24, '', '', 'Quyết định giao biên chế …', ''],
  ],
  schemes: [['LA.STP', 'Sở Tư pháp', 'Công chức', '1234/QĐ-UBND', '20/07/2023', 'Đề án vị trí việc làm của Sở Tư pháp', '']],
  recruitment: [['LA', 'Tỉnh Long An', 2023, 'Công chức', 43, 'Kế hoạch số 1848/KH-UBND ngày 16/6/2022', '10/08/2023', '']],
};

export async function staffingTemplateXlsx(sheet: StaffingSheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cchc';
  const ws = wb.addWorksheet(SHEET_VI[sheet], { views: [{ state: 'frozen', ySplit: 1 }] });
  headerStyle(ws.addRow(labels(sheet)));
  for (const r of EXAMPLES[sheet]) ws.addRow(r);
  ws.columns.forEach((c) => (c.width = 18));
  ws.getColumn(2).width = 32;
  printSetup(ws, { headerRow: 1 });
  timesNewRoman(ws);
  const guide = wb.addWorksheet('Hướng dẫn');
  for (const t of [
    'Mã đơn vị: như trong danh mục đơn vị của hệ thống (xem trang Cơ cấu tổ chức); có thể chỉ ghi tên nếu tên không trùng.',
    'Số người ghi số nguyên (2.273 hoặc 2273); tỷ lệ ghi phần trăm (17,72).',
    'Tỷ lệ giảm so với năm 2015: nếu ghi số liệu năm 2015, hệ thống tự tính (2015 − được giao) ÷ 2015; nếu không, hiển thị tỷ lệ theo báo cáo của đơn vị.',
    'Số liệu của tỉnh là tổng các đơn vị; dòng của chính tỉnh chỉ ghi những gì không thuộc đơn vị nào (ví dụ tỷ lệ giảm theo báo cáo, số liệu năm 2015 của cả tỉnh).',
    'Các dòng ví dụ là mẫu: xoá trước khi nhập.',
  ])
    guide.addRow([t]).alignment = { wrapText: true };
  guide.getColumn(1).width = 110;
  printSetup(guide, { headerRow: 1, landscape: false });
  timesNewRoman(guide);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
