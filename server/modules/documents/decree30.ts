/**
 * The one builder of documents officials sign, in the layout of Decree 30/2020/NĐ-CP, Appendix I
 * (REFERENCE.md §14): A4, Times New Roman, margins top and bottom 20 mm, left 30 mm, right 15 mm; the header
 * table (the parent body and the issuing body on the left with the number and symbol; the national motto on
 * the right with the place and date); the title and subject; the body in 14 pt; "Nơi nhận" and the signature
 * block; appendices as landscape tables. Every .docx a user signs (the CCHC report, the PAR report, the
 * plan's appendix) goes through here.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalMergeType,
  WidthType,
  Footer,
  type ISectionOptions,
} from 'docx';
import type { IsoDate } from '../../../domain/org/dates.js';

/** twips per millimetre */
const MM = 56.7;
export const A4 = { width: 11906, height: 16838 };
export const MARGINS = { top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) };
export const FONT = 'Times New Roman';
/** half-points */
const PT = (n: number) => n * 2;

export type Block =
  | { kind: 'heading'; text: string; level?: 1 | 2 }
  | { kind: 'paragraph'; text: string; italic?: boolean; bold?: boolean; indent?: boolean }
  | { kind: 'table'; headers: string[]; rows: Cell[][]; widths?: number[] };

/** A table cell: text, or a cell merged with the one above (`continue`) / starting a merge (`restart`). */
export type Cell = string | number | null | { text: string; merge?: 'restart' | 'continue'; bold?: boolean };

export interface Appendix {
  title: string;
  subtitle?: string;
  headers: string[];
  rows: Cell[][];
  /** relative column widths */
  widths?: number[];
  /** default true: wide tables go landscape */
  landscape?: boolean;
}

export interface OfficialDocument {
  /** the body above the issuer ("UBND TỈNH TÂY NINH"); none for a top body */
  parentBody?: string | null;
  /** the issuer ("SỞ NỘI VỤ", "ỦY BAN NHÂN DÂN TỈNH TÂY NINH") */
  issuingBody: string;
  /** the symbol after the number, e.g. "BC-UBND"; the number itself is left blank ("Số: …/BC-UBND") unless given */
  symbol: string;
  number?: string | null;
  place: string;
  /** the signing date; null leaves "ngày … tháng … năm …" to be filled in */
  date?: IsoDate | null;
  /** the kind of document, e.g. "BÁO CÁO" */
  kind: string;
  subject?: string;
  body: Block[];
  recipients?: string[];
  signer?: { authority?: string; title: string; name?: string | null };
  appendices?: Appendix[];
  /** document properties */
  title?: string;
}

const run = (text: string, o: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {}) =>
  new TextRun({ text, font: FONT, bold: o.bold, italics: o.italics, size: PT(o.size ?? 14), underline: o.underline ? {} : undefined });

const para = (children: TextRun[], o: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean; after?: number; before?: number; line?: number } = {}) =>
  new Paragraph({
    children,
    alignment: o.align ?? AlignmentType.JUSTIFIED,
    indent: o.indent ? { firstLine: Math.round(12.7 * MM) } : undefined,
    spacing: { after: o.after ?? 120, before: o.before ?? 0, line: o.line ?? 300 },
  });

const center = (children: TextRun[], after = 0) => para(children, { align: AlignmentType.CENTER, after, line: 240 });

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000' };

/** A short line under a header line: a centred paragraph with a bottom border, indented to about its width. */
const underline = (side: number) => new Paragraph({ border: { bottom: LINE }, indent: { left: side, right: side }, spacing: { after: 120 }, children: [] });

function dateLine(place: string, date: IsoDate | null | undefined): string {
  if (!date) return `${place}, ngày … tháng … năm …`;
  const [y, m, d] = date.split('-').map(Number);
  // Decree 30: days below 10 and months below 3 are written with a leading zero
  return `${place}, ngày ${String(d).padStart(2, '0')} tháng ${m < 3 ? String(m).padStart(2, '0') : m} năm ${y}`;
}

function headerTable(doc: OfficialDocument): Table {
  const contentWidth = A4.width - MARGINS.left - MARGINS.right;
  const left = Math.round(contentWidth * 0.37);
  const right = contentWidth - left;
  const leftCell = new TableCell({
    width: { size: left, type: WidthType.DXA },
    borders: NO_BORDERS,
    children: [
      ...(doc.parentBody ? [center([run(doc.parentBody.toUpperCase(), { size: 13 })])] : []),
      center([run(doc.issuingBody.toUpperCase(), { bold: true, size: 13 })]),
      underline(Math.round(left * 0.3)),
      center([run(`Số: ${doc.number ?? '…'}/${doc.symbol}`, { size: 13 })]),
    ],
  });
  const rightCell = new TableCell({
    width: { size: right, type: WidthType.DXA },
    borders: NO_BORDERS,
    children: [
      center([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: 12 })]),
      center([run('Độc lập - Tự do - Hạnh phúc', { bold: true, size: 14 })]),
      underline(Math.round(right * 0.22)),
      center([run(dateLine(doc.place, doc.date), { italics: true, size: 14 })]),
    ],
  });
  return new Table({ rows: [new TableRow({ children: [leftCell, rightCell] })], width: { size: contentWidth, type: WidthType.DXA }, borders: NO_BORDERS, layout: TableLayoutType.FIXED, columnWidths: [left, right] });
}

const cellText = (c: Cell) => (c === null ? '' : typeof c === 'object' ? c.text : String(c));

function dataTable(headers: string[], rows: Cell[][], totalWidth: number, widths?: number[]): Table {
  const w = widths ?? headers.map(() => 1);
  const sum = w.reduce((a, b) => a + b, 0);
  const cols = w.map((x) => Math.round((x / sum) * totalWidth));
  const mk = (c: Cell, i: number, header: boolean) => {
    const o = typeof c === 'object' && c !== null ? c : null;
    return new TableCell({
      width: { size: cols[i], type: WidthType.DXA },
      verticalMerge: o?.merge === 'restart' ? VerticalMergeType.RESTART : o?.merge === 'continue' ? VerticalMergeType.CONTINUE : undefined,
      children: (o?.merge === 'continue' ? [''] : cellText(c).split('\n')).map((line) =>
        para([run(line, { bold: header || o?.bold, size: 12 })], { align: header ? AlignmentType.CENTER : typeof c === 'number' ? AlignmentType.RIGHT : AlignmentType.LEFT, after: 0, line: 240 }),
      ),
    });
  };
  return new Table({
    width: { size: totalWidth, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    columnWidths: cols,
    rows: [new TableRow({ tableHeader: true, children: headers.map((h, i) => mk(h, i, true)) }), ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => mk(c, i, false)) }))],
  });
}

function blocks(body: Block[], width: number): (Paragraph | Table)[] {
  return body.flatMap((b) => {
    if (b.kind === 'heading') return [para([run(b.text, { bold: true })], { before: 120, indent: b.level === 2 })];
    if (b.kind === 'table') return [dataTable(b.headers, b.rows, width, b.widths), para([], { after: 120 })];
    return b.text.split('\n').map((line) => para([run(line, { italics: b.italic, bold: b.bold })], { indent: b.indent !== false }));
  });
}

function signatureTable(doc: OfficialDocument): Table {
  const width = A4.width - MARGINS.left - MARGINS.right;
  const left = Math.round(width * 0.5);
  const recipients = doc.recipients ?? [];
  const leftCell = new TableCell({
    width: { size: left, type: WidthType.DXA },
    borders: NO_BORDERS,
    children: [
      para([run('Nơi nhận:', { bold: true, italics: true, size: 12 })], { align: AlignmentType.LEFT, after: 0, line: 240 }),
      ...recipients.map((r, i) => para([run(`- ${r}${i === recipients.length - 1 ? '.' : ';'}`, { size: 11 })], { align: AlignmentType.LEFT, after: 0, line: 240 })),
    ],
  });
  const s = doc.signer;
  const rightCell = new TableCell({
    width: { size: width - left, type: WidthType.DXA },
    borders: NO_BORDERS,
    children: s
      ? [
          ...(s.authority ? [center([run(s.authority.toUpperCase(), { bold: true })])] : []),
          center([run(s.title.toUpperCase(), { bold: true })]),
          ...[1, 2, 3, 4].map(() => center([run('')])),
          center([run(s.name ?? '', { bold: true })]),
        ]
      : [],
  });
  return new Table({ rows: [new TableRow({ children: [leftCell, rightCell] })], width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, layout: TableLayoutType.FIXED, columnWidths: [left, width - left] });
}

const pageFooter = () =>
  new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: PT(12) })] })] });

/** The document as a .docx file. */
export async function buildOfficialDocx(doc: OfficialDocument): Promise<Buffer> {
  const portraitWidth = A4.width - MARGINS.left - MARGINS.right;
  const landscapeWidth = A4.height - MARGINS.left - MARGINS.right;
  const main: ISectionOptions = {
    properties: { page: { size: { ...A4, orientation: PageOrientation.PORTRAIT }, margin: MARGINS } },
    footers: { default: pageFooter() },
    children: [
      headerTable(doc),
      para([], { after: 240 }),
      center([run(doc.kind.toUpperCase(), { bold: true })]),
      ...(doc.subject ? [center([run(doc.subject, { bold: true })])] : []),
      underline(Math.round(portraitWidth * 0.4)),
      ...blocks(doc.body, portraitWidth),
      para([], { after: 240 }),
      signatureTable(doc),
    ],
  };
  const appendices: ISectionOptions[] = (doc.appendices ?? []).map((a) => {
    const landscape = a.landscape !== false;
    return {
      properties: { page: { size: { ...A4, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT }, margin: MARGINS } },
      footers: { default: pageFooter() },
      children: [
        center([run(a.title.toUpperCase(), { bold: true })]),
        ...(a.subtitle ? [center([run(a.subtitle, { italics: true })], 120)] : []),
        para([], { after: 120 }),
        dataTable(a.headers, a.rows, landscape ? landscapeWidth : portraitWidth, a.widths),
      ],
    };
  });
  const file = new Document({
    creator: 'cchc',
    title: doc.title ?? `${doc.kind} ${doc.subject ?? ''}`.trim(),
    styles: { default: { document: { run: { font: FONT, size: PT(14) } } } },
    sections: [main, ...appendices],
  });
  return Packer.toBuffer(file);
}

/**
 * An appendix issued with a decision (e.g. the plan's "PHÂN CÔNG THỰC HIỆN NHIỆM VỤ CCHC"): the same page,
 * font and table as the documents above, without a header table or signature — it is attached to the
 * decision, which carries them.
 */
export async function buildAppendixDocx(a: Appendix & { heading?: string; issuedWith?: string | null; docTitle?: string }): Promise<Buffer> {
  const landscape = a.landscape !== false;
  const width = (landscape ? A4.height : A4.width) - MARGINS.left - MARGINS.right;
  const file = new Document({
    creator: 'cchc',
    title: a.docTitle ?? a.title,
    styles: { default: { document: { run: { font: FONT, size: PT(14) } } } },
    sections: [
      {
        properties: { page: { size: { ...A4, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT }, margin: MARGINS } },
        footers: { default: pageFooter() },
        children: [
          center([run((a.heading ?? 'Phụ lục').toUpperCase(), { bold: true })]),
          center([run(a.title.toUpperCase(), { bold: true })]),
          ...(a.issuedWith ? [center([run(`(${a.issuedWith})`, { italics: true })])] : []),
          ...(a.subtitle ? [center([run(a.subtitle, { italics: true })])] : []),
          underline(Math.round(width * 0.42)),
          dataTable(a.headers, a.rows, width, a.widths),
        ],
      },
    ],
  });
  return Packer.toBuffer(file);
}
