/**
 * Workbooks the registers give out: Times New Roman, a bold title, a header row repeated on every printed
 * page, A4 with the margins of Decree 30/2020/NĐ-CP (left 30 mm, right 15 mm, top and bottom 20 mm), fitted
 * to the page width, page numbers in the footer.
 */
import type ExcelJS from 'exceljs';

const MM = 1 / 25.4;

export function printSetup(ws: ExcelJS.Worksheet, opts: { headerRow: number; landscape?: boolean }) {
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: opts.landscape === false ? 'portrait' : 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 30 * MM, right: 15 * MM, top: 20 * MM, bottom: 20 * MM, header: 8 * MM, footer: 8 * MM },
    printTitlesRow: `${opts.headerRow}:${opts.headerRow}`,
  };
  ws.headerFooter = { oddFooter: '&C&"Times New Roman"&11Trang &P/&N' };
}

/** Times New Roman everywhere, keeping each cell's size and weight. */
export function timesNewRoman(ws: ExcelJS.Worksheet) {
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { size: 12, ...cell.font, name: 'Times New Roman' };
    });
  });
}

/** A header row: bold, wrapped, centred, with thin borders. */
export function headerStyle(row: ExcelJS.Row) {
  row.font = { bold: true, size: 12 };
  row.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  row.eachCell((c) => (c.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } }));
}

export function bodyStyle(row: ExcelJS.Row) {
  row.alignment = { wrapText: true, vertical: 'top' };
  row.eachCell({ includeEmpty: true }, (c) => (c.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } }));
}

/** A date cell value from YYYY-MM-DD (midnight UTC, as spreadsheets keep dates). */
export const excelDate = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
