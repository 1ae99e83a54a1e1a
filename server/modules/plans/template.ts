/** The import template offered for download: the header row and one example task with two product lines. */
import ExcelJS from 'exceljs';
import { PLAN_COLUMN_LABELS, PLAN_COLUMNS } from '../../../domain/plans/planTable.js';
import { setupPrint } from '../files/xlsxPrint.js';

const EXAMPLE = [
  ['1.1', 'Công tác chỉ đạo, điều hành CCHC', 'Xây dựng và triển khai Kế hoạch kiểm tra CCHC tại các đơn vị, địa phương.', '- Kế hoạch kiểm tra CCHC', 'Sở Nội vụ', 'Các cơ quan, đơn vị liên quan.', 'Quý II, III', '50'],
  ['', '', '', '- Báo cáo kết quả kiểm tra', '', '', 'Trước ngày 15/10', ''],
];

const header = () => PLAN_COLUMNS.map((c) => PLAN_COLUMN_LABELS[c]);

export function planTemplateCsv(): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return '\uFEFF' + [header(), ...EXAMPLE].map((r) => r.map(q).join(',')).join('\r\n') + '\r\n';
}

export async function planTemplateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Kế hoạch');
  ws.addRow(header()).font = { bold: true };
  for (const r of EXAMPLE) ws.addRow(r);
  ws.columns.forEach((c, i) => (c.width = [8, 28, 50, 40, 24, 30, 20, 14][i]));
  ws.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
  setupPrint(ws, { headerRows: 1, title: 'Mẫu kế hoạch CCHC' });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
