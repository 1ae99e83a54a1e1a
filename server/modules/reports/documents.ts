/**
 * The periodic report as documents: the .docx officials edit and sign (Decree 30/2020 layout, through the
 * shared builder), its appendices as .xlsx, and a PDF where LibreOffice is installed on the server.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.js';
import { unitsAsOf } from '../../../domain/org/history.js';
import { fold } from '../../../domain/text/normalize.js';
import { AppError } from '../../errors.js';
import type { SessionUser } from '../auth/sessions.js';
import { type Block, buildOfficialDocx, type OfficialDocument } from '../documents/decree30.js';
import { setupPrint } from '../files/xlsxPrint.js';
import { loadHistory } from '../org/history.js';
import { getReport, type Signer } from './reports.js';

type View = Awaited<ReturnType<typeof getReport>>;

const vnDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** "Sở Khoa học và Công nghệ" → "SKHCN" (the symbol's issuer part when none was given). */
export function initials(name: string): string {
  return fold(name)
    .split(/\s+/)
    .filter((w) => w && w !== 'va')
    .map((w) => w[0].toUpperCase())
    .join('');
}

/** The issuer lines of the header: the parent body and the issuing body, as Decree 30 writes them. */
async function issuer(db: Db, view: View) {
  const h = await loadHistory(db);
  const day = view.window.to;
  const alive = unitsAsOf(h, day);
  const me = alive.find((u) => u.id === view.unit.id);
  const parent = me?.parentId ? alive.find((u) => u.id === me.parentId) : undefined;
  const ubnd = (name: string) => `Ủy ban nhân dân ${name.replace(/^(Tỉnh|Thành phố|Huyện|Thị xã|Xã|Phường|Thị trấn|Đặc khu)\s/i, (m) => m.toLowerCase())}`;
  const province = view.kind === 'province';
  const commune = view.unit.type === 'commune' || view.unit.type === 'district';
  const place = (province ? view.unit.name : (alive.find((u) => u.type === 'province' && u.parentId === null)?.name ?? view.unit.name)).replace(/^(Tỉnh|Thành phố)\s/i, '');
  return {
    parentBody: province ? null : parent ? (parent.type === 'province' ? `UBND ${parent.name}` : `UBND ${parent.name}`) : null,
    issuingBody: province || commune ? ubnd(view.unit.name) : view.unit.name,
    symbol: view.report?.symbol ?? (province || commune ? 'BC-UBND' : `BC-${initials(view.unit.name)}`),
    place,
    signer: view.report?.signer ?? ((province || commune ? { authority: 'TM. Ủy ban nhân dân', title: 'Chủ tịch' } : { title: 'Giám đốc' }) as Signer),
  };
}

function subjectOf(view: View): string {
  const label = view.period.label.replace(/^Quý ([IV]+)\/(\d{4})$/, 'quý $1 năm $2').replace(/^Năm /, 'năm ').replace(/^Tháng (\d+)\/(\d{4})$/, 'tháng $1 năm $2');
  return `Kết quả thực hiện công tác cải cách hành chính ${label}`;
}

export async function reportDocument(db: Db, view: View): Promise<OfficialDocument> {
  const who = await issuer(db, view);
  const body: Block[] = [{ kind: 'paragraph', text: `(Số liệu tính từ ngày ${vnDate(view.window.from)} đến ngày ${vnDate(view.window.to)})`, italic: true, indent: false }];
  for (const s of view.sections) {
    body.push({ kind: 'heading', text: s.title, level: s.level });
    for (const l of s.lines) body.push({ kind: 'paragraph', text: l.text });
    if (s.text.trim()) body.push({ kind: 'paragraph', text: s.text.trim() });
  }
  return {
    parentBody: who.parentBody,
    issuingBody: who.issuingBody,
    symbol: who.symbol,
    number: view.report?.number ?? null,
    place: who.place,
    date: view.report?.signedOn ?? null,
    kind: 'Báo cáo',
    subject: subjectOf(view),
    body,
    recipients: view.report?.recipients ?? ['Sở Nội vụ', 'Lưu: VT'],
    signer: who.signer,
    appendices: view.appendices.map((a, i) => ({ title: `Phụ lục ${ROMAN[i] ?? i + 1}`, subtitle: `${a.title} (kèm theo Báo cáo ${subjectOf(view).replace(/^K/, "k")})`, headers: a.headers, rows: a.rows, widths: a.widths })),
    title: `${view.unit.name} — ${subjectOf(view)}`,
  };
}

export async function reportDocx(db: Db, user: SessionUser, unitId: number | undefined, period: string, now: Date) {
  const view = await getReport(db, user, unitId, period, now);
  return { view, file: await buildOfficialDocx(await reportDocument(db, view)) };
}

/** The appendices as sheets (with their print setup), and the figures on a sheet of their own. */
export async function reportXlsx(db: Db, user: SessionUser, unitId: number | undefined, period: string, now: Date) {
  const view = await getReport(db, user, unitId, period, now);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cchc';
  view.appendices.forEach((a, i) => {
    const ws = wb.addWorksheet(`Phụ lục ${ROMAN[i] ?? i + 1}`.slice(0, 31));
    ws.addRow([`${a.title} — ${view.unit.name}, ${view.period.label} (từ ${vnDate(view.window.from)} đến ${vnDate(view.window.to)})`]).font = { bold: true, size: 13 };
    const header = ws.addRow(a.headers);
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    for (const r of a.rows) ws.addRow(r.map((c) => (c === null ? '' : typeof c === 'object' ? c.text : c))).alignment = { wrapText: true, vertical: 'top' };
    const widths = a.widths ?? a.headers.map(() => 1);
    const sum = widths.reduce((x, y) => x + y, 0);
    ws.columns.forEach((c, k) => (c.width = Math.max(6, Math.round(((widths[k] ?? 1) / sum) * 150))));
    setupPrint(ws, { headerRows: [2, 2], title: a.title });
  });
  const fs = wb.addWorksheet('Số liệu');
  fs.addRow(['Số liệu', 'Giá trị']).font = { bold: true };
  const flat = (o: unknown, p: string) => {
    if (o === null || typeof o !== 'object') {
      fs.addRow([p, (o as string | number | null) ?? '']);
      return;
    }
    for (const [k, v] of Object.entries(o as Record<string, unknown>)) flat(v, p ? `${p}.${k}` : k);
  };
  flat(view.figures, '');
  fs.columns.forEach((c, k) => (c.width = k === 0 ? 45 : 18));
  setupPrint(fs, { headerRows: 1, title: 'Số liệu' });
  return { view, file: Buffer.from(await wb.xlsx.writeBuffer()) };
}

/** The .docx turned into PDF by LibreOffice (headless), when it is installed; otherwise a clear 501. */
export async function toPdf(docx: Buffer): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'cchc-pdf-'));
  try {
    await writeFile(join(dir, 'bao-cao.docx'), docx);
    await new Promise<void>((resolve, reject) =>
      execFile('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'bao-cao.docx')], { timeout: 120_000 }, (err) => (err ? reject(err) : resolve())),
    );
    return await readFile(join(dir, 'bao-cao.pdf'));
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
    throw new AppError(501, 'PDF_UNAVAILABLE', missing ? 'Máy chủ chưa cài LibreOffice nên chưa xuất được PDF; hãy tải tệp Word (.docx).' : 'Không chuyển được sang PDF; hãy tải tệp Word (.docx).', missing ? 'LibreOffice is not installed on the server; download the .docx.' : 'The PDF conversion failed; download the .docx.');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
