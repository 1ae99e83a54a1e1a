/** The overview out to Excel: one row per tile (value, target, what it counts), then the worst units; A4 landscape. */
import ExcelJS from 'exceljs';
import { bodyStyle, headerStyle, printSetup } from '../legalDocs/xlsx.js';
import type { overview } from './overview.js';

const vnDate = (d: string) => d.split('-').reverse().join('/');

export async function exportOverviewXlsx(o: Awaited<ReturnType<typeof overview>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cchc';
  const ws = wb.addWorksheet('Tổng quan', { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.addRow([`TỔNG QUAN CẢI CÁCH HÀNH CHÍNH – ${o.unit.name.toUpperCase()}`]).font = { bold: true, size: 14 };
  ws.addRow([`Từ ${vnDate(o.from)} đến ${vnDate(o.to)}${o.judgedAt !== o.to ? ` (số liệu đến ${vnDate(o.judgedAt)})` : ''}`]).font = { italic: true, size: 12 };
  headerStyle(ws.addRow(['TT', 'Chỉ tiêu, số liệu', 'Giá trị', 'Đơn vị tính', 'Chỉ tiêu đặt ra', 'Tử số', 'Mẫu số', 'Ghi chú', 'Đơn vị thấp nhất / cao nhất']));
  ws.columns.forEach((c, i) => (c.width = [5, 42, 11, 11, 11, 10, 10, 30, 60][i]));
  o.tiles.forEach((t, i) => {
    const worst = t.worst.map((w) => `${w.unitName}: ${w.value.toLocaleString('vi-VN')}`).join('; ');
    const r = ws.addRow([i + 1, t.name, t.value ?? 'chưa có dữ liệu', t.measure, t.target ?? '', t.numerator ?? '', t.denominator ?? '', t.note ?? (t.entered ? 'số liệu đơn vị nhập' : ''), worst]);
    bodyStyle(r);
    if (typeof t.value === 'number') r.getCell(3).numFmt = t.measure === '%' || t.measure === 'điểm' ? '0.00' : '#,##0';
  });
  printSetup(ws, { headerRow: 3, landscape: true });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
