/**
 * Reads the task table of a plan decision in Word (.docx) laid out like the appendix of
 * Decision 4976/QĐ-UBND: TT | Nội dung CCHC | Nhiệm vụ cụ thể | Sản phẩm | Cơ quan chủ trì |
 * Cơ quan phối hợp | Thời gian thực hiện | Kinh phí. The task number sits at the start of the task text
 * ("1.4. Xác định…"); vertically merged cells continue the task above.
 */
import JSZip from 'jszip';
import type { PlanRow } from '../../../domain/plans/planTable.js';
import { fold } from '../../../domain/text/normalize.js';
import { errors } from '../../errors.js';

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, '&');

function paragraphText(p: string): string {
  let out = '';
  for (const m of p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)) {
    if (m[0] === '<w:tab/>') out += ' ';
    else if (m[0] === '<w:br/>') out += '\n';
    else out += decode(m[1]);
  }
  return out;
}

function cellText(tc: string): string {
  return (tc.match(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g) ?? []).map(paragraphText).join('\n').trim();
}

interface Cell {
  text: string;
  continued: boolean;
}

function tableRows(tbl: string): Cell[][] {
  return (tbl.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []).map((tr) => {
    const cells: Cell[] = [];
    for (const tc of tr.match(/<w:tc[ >][\s\S]*?<\/w:tc>/g) ?? []) {
      const continued = /<w:vMerge\/>|<w:vMerge w:val="continue"\/>/.test(tc);
      const span = Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(tc)?.[1] ?? 1);
      cells.push({ text: continued ? '' : cellText(tc), continued });
      for (let i = 1; i < span; i++) cells.push({ text: '', continued });
    }
    return cells;
  });
}

const TASK_NUMBER = /^(\d{1,2}\.\d{1,3})\.?\s+/;

export async function readDocxTables(buf: Buffer): Promise<{ rows: PlanRow[]; text: string }> {
  let xml: string;
  try {
    const zip = await JSZip.loadAsync(buf);
    const doc = zip.file('word/document.xml');
    if (!doc) throw new Error('no document.xml');
    xml = await doc.async('string');
  } catch {
    throw errors.badRequest('BROKEN_DOCX', 'Tệp Word bị hỏng hoặc không đúng định dạng .docx.', 'The Word file is broken or not a .docx file.');
  }
  const body = xml.replace(/<w:tbl(?:\s[^>]*)?>[\s\S]*?<\/w:tbl>/g, '');
  const text = (body.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).map(paragraphText).join('\n');
  for (const tbl of xml.match(/<w:tbl(?:\s[^>]*)?>[\s\S]*?<\/w:tbl>/g) ?? []) {
    const rows = tableRows(tbl);
    const headerAt = rows.findIndex((r) => {
      const f = fold(r.map((c) => c.text).join(' | '));
      return f.includes('nhiem vu') && f.includes('chu tri') && r.length >= 8;
    });
    if (headerAt === -1) continue;
    const out: PlanRow[] = [];
    rows.slice(headerAt + 1).forEach((cells, i) => {
      const t = cells.map((c) => c.text);
      if (t.every((x) => /^\(?\d*\)?$/.test(x))) return; // column numbers (1) (2) … or an empty row
      const task = t[2] ?? '';
      const m = TASK_NUMBER.exec(task);
      const isArea = !m && /^\d{1,2}$/.test(t[0]) && !task;
      out.push({
        row: headerAt + i + 2,
        number: m ? m[1] : isArea ? t[0] : '',
        area: t[1] ?? '',
        task,
        products: t[3] ?? '',
        lead: t[4] ?? '',
        coordinating: t[5] ?? '',
        timeframe: t[6] ?? '',
        budget: t[7] ?? '',
      });
    });
    return { rows: out, text };
  }
  throw errors.badRequest(
    'NO_TABLE',
    'Không tìm thấy bảng phân công nhiệm vụ (8 cột: TT, Nội dung CCHC, Nhiệm vụ, Sản phẩm, Chủ trì, Phối hợp, Thời gian, Kinh phí) trong tệp Word.',
    'No task table with the 8 expected columns was found in the Word file.',
  );
}
