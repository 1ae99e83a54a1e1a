/**
 * The print setup every .xlsx the system writes carries, so that a sheet prints as a report and not on
 * twenty pages: A4, one page wide (as many pages tall as it takes), landscape when the sheet is wide, the
 * header rows repeated on every page, and a footer with the page number ("Trang 2/5").
 */
import type ExcelJS from 'exceljs';

/** Paper size code of A4 in SpreadsheetML. */
export const A4 = 9;

/** Column widths (Excel character units) above which a sheet prints landscape: about what A4 portrait holds. */
export const PORTRAIT_MAX_WIDTH = 100;

export interface PrintOptions {
  /** the rows repeated at the top of each page: the last header row (rows 1..n), or a range [first, last] */
  headerRows?: number | [number, number];
  /** force the orientation; by default landscape when the columns are wider than A4 portrait holds */
  landscape?: boolean;
  /** printed in the footer's left corner (the report's name) */
  title?: string;
}

/** The sum of the sheet's column widths (unset widths count as Excel's default, about 9). */
export function sheetWidth(ws: ExcelJS.Worksheet): number {
  let total = 0;
  const n = Math.max(ws.columnCount, ws.actualColumnCount);
  for (let c = 1; c <= n; c++) total += ws.getColumn(c).width ?? 9;
  return total;
}

/** Footer text: & is a code in Excel's header/footer language and must be doubled. */
const footerText = (s: string) => s.replace(/&/g, '&&').slice(0, 100);

export function setupPrint(ws: ExcelJS.Worksheet, opts: PrintOptions = {}): ExcelJS.Worksheet {
  const landscape = opts.landscape ?? sheetWidth(ws) > PORTRAIT_MAX_WIDTH;
  const [first, last] = opts.headerRows === undefined ? [1, 1] : typeof opts.headerRows === 'number' ? [1, opts.headerRows] : opts.headerRows;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: A4,
    orientation: landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: false,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
    ...(last >= first && last > 0 ? { printTitlesRow: `${first}:${last}` } : {}),
  };
  ws.headerFooter = {
    ...ws.headerFooter,
    oddFooter: `${opts.title ? `&L&8${footerText(opts.title)}` : ''}&R&8Trang &P/&N`,
  };
  return ws;
}
