/** The one-stop report as .xlsx: the totals, then the same by receiving unit, procedure, field and level. */
import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.js';
import type { OneStopReport } from '../../../domain/dossiers/report.js';
import type { IsoDate } from '../../../domain/org/dates.js';
import { setupPrint } from '../files/xlsxPrint.js';
import { groupedReport, oneStopReport, type GroupBy, type Scope } from './stats.js';

const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

const COLUMNS: [keyof OneStopReport, string][] = [
  ['carriedOver', 'Kỳ trước chuyển qua'],
  ['received', 'Tiếp nhận trong kỳ'],
  ['receivedOnline', 'Trực tuyến'],
  ['receivedCounter', 'Trực tiếp, bưu chính'],
  ['resolved', 'Đã giải quyết'],
  ['early', 'Trước hạn'],
  ['onTime', 'Đúng hạn'],
  ['late', 'Quá hạn'],
  ['inProgress', 'Đang giải quyết'],
  ['inProgressOnTime', 'Trong hạn'],
  ['inProgressLate', 'Quá hạn (đang giải quyết)'],
  ['withdrawn', 'Rút hồ sơ'],
  ['refused', 'Từ chối'],
  ['notAccepted', 'Không tiếp nhận'],
  ['onTimeRate', 'Tỷ lệ trước và đúng hạn (%)'],
  ['lateRate', 'Tỷ lệ quá hạn (%)'],
  ['onlineRate', 'Tỷ lệ trực tuyến (%)'],
];

const GROUPS: [GroupBy, string, string][] = [
  ['unit', 'Theo đơn vị', 'Đơn vị tiếp nhận'],
  ['procedure', 'Theo thủ tục', 'Thủ tục hành chính'],
  ['field', 'Theo lĩnh vực', 'Lĩnh vực'],
  ['level', 'Theo cấp', 'Cấp thực hiện'],
];

const LEVEL_VI: Record<string, string> = { province: 'Cấp tỉnh', commune: 'Cấp xã', central: 'Trung ương' };

function sheet(wb: ExcelJS.Workbook, name: string, title: string, first: string, rows: ({ label: string } & OneStopReport)[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2, xSplit: 1 }] });
  ws.addRow([title]).font = { bold: true, size: 13 };
  const header = ws.addRow([first, ...COLUMNS.map(([, h]) => h)]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  for (const r of rows) {
    const row = ws.addRow([r.label, ...COLUMNS.map(([k]) => r[k] ?? '')]);
    COLUMNS.forEach(([k], i) => (row.getCell(i + 2).numFmt = k.endsWith('Rate') ? '0.00' : '#,##0'));
  }
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 45 : 13));
  setupPrint(ws, { headerRows: 2, title, landscape: true });
  return ws;
}

export async function exportStatsXlsx(db: Db, scope: Scope, from: IsoDate, to: IsoDate, at?: Date | null): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cchc';
  const who = scope.unit?.name ?? 'Toàn tỉnh';
  const title = `Tình hình giải quyết hồ sơ TTHC — ${who} — từ ${vnDate(from)} đến ${vnDate(to)}`;
  const total = await oneStopReport(db, scope, from, to, at);
  sheet(wb, 'Tổng hợp', title, 'Đơn vị', [{ label: who, ...total }]).addRow([]);
  for (const [by, name, first] of GROUPS) {
    const rows = await groupedReport(db, scope, from, to, by, at);
    sheet(wb, name, title, first, rows.map((r) => ({ ...r, label: by === 'level' ? (LEVEL_VI[r.name] ?? r.name) : by === 'procedure' ? `${r.key} — ${r.name}` : r.name })));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
