/** A plan out to Office: the task list with progress as .xlsx, the appendix as .docx in the decision's layout. */
import { buildAppendixDocx, type Cell } from '../documents/decree30.js';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.js';
import { setupPrint } from '../files/xlsxPrint.js';
import { getPlan, listPlanTasks, planUnitNames } from './queries.js';
import { planFigures } from './status.js';

const STATUS_VI = { not_started: 'Chưa thực hiện', in_progress: 'Đang thực hiện', done: 'Hoàn thành', not_applicable: 'Không áp dụng' } as const;
const vnDate = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');

function unitsText(named: { name: string; via?: string }[], groups: string[], raw: string) {
  const names = named.filter((u) => u.via === 'named').map((u) => u.name);
  return [...names, ...groups].join('; ') || raw;
}

export async function exportPlanXlsx(db: Db, planId: number, today: string): Promise<Buffer> {
  const plan = await getPlan(db, planId);
  const tasks = await listPlanTasks(db, planId, today);
  const figures = await planFigures(db, planId, await planUnitNames(db, plan.year));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cchc';
  const ws = wb.addWorksheet('Nhiệm vụ', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.addRow([`${plan.title}${plan.decisionNumber ? ` (Quyết định ${plan.decisionNumber}${plan.decisionDate ? ` ngày ${vnDate(plan.decisionDate)}` : ''})` : ''}`]).font = { bold: true, size: 13 };
  const header = ws.addRow(['TT', 'Lĩnh vực', 'Nhiệm vụ', 'Sản phẩm', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện', 'Hạn', 'Kinh phí (triệu đồng)', 'Trạng thái', 'Quá hạn']);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  for (const t of tasks) {
    const row = ws.addRow([
      t.number,
      `${t.area}. ${t.areaName}`,
      t.text,
      t.products.map((p) => p.text).join('\n'),
      unitsText(t.leadUnits, t.leadGroups, t.leadText),
      unitsText(t.coordinatingUnits, t.coordinatingGroups, t.coordinatingText),
      [...new Set(t.products.map((p) => p.timeframeText))].join('\n'),
      t.due ? new Date(`${t.due}T00:00:00Z`) : '',
      t.budgetMillionVnd ?? t.products.map((p) => p.budgetNote).filter(Boolean).join('; '),
      STATUS_VI[t.status],
      t.overdue ? 'Quá hạn' : '',
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.getCell(8).numFmt = 'dd/mm/yyyy';
    row.getCell(9).numFmt = '#,##0.###';
  }
  ws.columns.forEach((c, i) => (c.width = [7, 22, 50, 40, 28, 30, 18, 12, 14, 16, 10][i]));
  setupPrint(ws, { headerRows: 2, title: plan.title });
  const areas = wb.addWorksheet('Theo lĩnh vực');
  areas.addRow(['Lĩnh vực', 'Hoàn thành', 'Tổng số', 'Tỷ lệ (%)', 'Kinh phí (triệu đồng)']).font = { bold: true };
  for (const a of figures.byArea) areas.addRow([`${a.area}. ${a.name}`, a.done, a.total, a.percent, a.budgetMillion]);
  areas.addRow(['Tổng cộng', figures.overall.done, figures.overall.total, figures.overall.percent, figures.overall.budgetMillion]).font = { bold: true };
  areas.columns.forEach((c, i) => (c.width = [50, 12, 10, 10, 20][i]));
  setupPrint(areas, { headerRows: 1, title: plan.title });
  const units = wb.addWorksheet('Theo đơn vị');
  units.addRow(['Đơn vị', 'Hoàn thành (chủ trì)', 'Tổng số', 'Tỷ lệ (%)', 'Kinh phí (triệu đồng)']).font = { bold: true };
  for (const u of figures.byUnit) units.addRow([u.name, u.done, u.total, u.percent, u.budgetMillion]);
  units.columns.forEach((c, i) => (c.width = [40, 18, 10, 10, 20][i]));
  setupPrint(units, { headerRows: 1, title: plan.title });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The appendix "PHÂN CÔNG THỰC HIỆN NHIỆM VỤ CCHC": one row per product line, merged cells for the rest (Decree 30 layout). */
export async function exportAppendixDocx(db: Db, planId: number, today: string): Promise<Buffer> {
  const plan = await getPlan(db, planId);
  const tasks = await listPlanTasks(db, planId, today);
  const rows: Cell[][] = [];
  for (const a of plan.areas) {
    const areaTasks = tasks.filter((t) => t.area === a.number);
    areaTasks.forEach((t, ti) => {
      t.products.forEach((p, pi) => {
        const areaMerge = ti === 0 && pi === 0 ? 'restart' : 'continue';
        const taskMerge = t.products.length > 1 ? (pi === 0 ? 'restart' : 'continue') : undefined;
        const budget = p.budgetMillion !== null ? formatBudgetVi(p.budgetMillion) : (p.budgetNote ?? '');
        const m = (text: string, merge?: 'restart' | 'continue'): Cell => (merge ? { text, merge } : text);
        rows.push([m(String(a.number), areaMerge), m(a.name, areaMerge), m(`${t.number}. ${t.text}`, taskMerge), p.text, m(t.leadText, taskMerge), m(t.coordinatingText, taskMerge), p.timeframeText, budget]);
      });
    });
  }
  const decision = plan.decisionNumber ? `Kèm theo Quyết định số ${plan.decisionNumber}${plan.decisionDate ? ` ngày ${vnDate(plan.decisionDate)}` : ''}` : null;
  return buildAppendixDocx({
    heading: 'Phụ lục',
    title: 'Phân công thực hiện nhiệm vụ CCHC',
    issuedWith: decision,
    headers: ['TT', 'Nội dung CCHC', 'Nhiệm vụ cụ thể', 'Sản phẩm', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian thực hiện', 'Dự trù kinh phí thực hiện (triệu đồng)'],
    widths: [4, 12, 22, 18, 12, 14, 10, 8],
    rows,
    docTitle: plan.title,
  });
}

/** Million VND in vi-VN, with its decimals: 1.450; 12,5. */
const formatBudgetVi = (m: number) => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 3 }).format(m);
