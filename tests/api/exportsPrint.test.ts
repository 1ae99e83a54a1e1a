/**
 * Issue 10, the exports as a new user found them: every .xlsx the system writes prints on A4, one page wide,
 * with its header rows repeated and a page number; provisional PAR results say so in the workbook and the
 * report, units with nothing submitted say "chưa gửi", averages are over the units that have a value; two
 * units of the same name are told apart by their parent; the criteria-set export names its data sources
 * and unit type in Vietnamese.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, ENGINES, login, type Session, type TestApp, testApp } from '../helpers/app.js';
import { PORTRAIT_MAX_WIDTH, sheetWidth } from '../../server/modules/files/xlsxPrint.js';

async function workbook(payload: Buffer | string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  return wb;
}

async function docxText(payload: Buffer) {
  const xml = await (await JSZip.loadAsync(payload)).file('word/document.xml')!.async('string');
  // the paragraphs' text runs, joined: what a reader sees
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

interface RoundListItem {
  id: number;
  year: number;
  status: string;
}

describe.each(ENGINES)('exports on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  let rounds: RoundListItem[];
  const roundOf = (year: number) => rounds.find((r) => r.year === year)!;

  beforeAll(async () => {
    t = await testApp(engine, { demoPar: true });
    admin = await login(t.app, 'admin');
    rounds = (await as(t.app, admin).get('/api/par/rounds')).json();
  }, 180_000);
  afterAll(() => t?.close());

  /** Every .xlsx the system writes, by the address a user downloads it from. */
  async function exports(): Promise<[string, string][]> {
    const plans = (await as(t.app, admin).get('/api/plans')).json() as { id: number }[];
    const sets = (await as(t.app, admin).get('/api/par/criteria-sets')).json() as { id: number }[];
    expect(plans.length).toBeGreaterThan(0);
    return [
      ['plan', `/api/plans/${plans[0].id}/export.xlsx`],
      ['plan template', '/api/plans/template.xlsx'],
      ['dossier report', '/api/dossiers/stats.xlsx?from=2026-01-01&to=2026-03-31'],
      ['criteria set', `/api/par/criteria-sets/${sets[0].id}/export.xlsx`],
      ['survey template', `/api/par/rounds/${roundOf(2026).id}/survey-template.xlsx`],
      ['PAR results (open round)', `/api/par/rounds/${roundOf(2026).id}/results.xlsx`],
      ['PAR results (published round)', `/api/par/rounds/${roundOf(2025).id}/results.xlsx`],
    ];
  }

  it('every .xlsx export has a print setup: A4, one page wide, landscape when wide, header rows repeated, page numbers', async () => {
    for (const [name, url] of await exports()) {
      const res = await as(t.app, admin).get(url);
      expect(res.statusCode, `${name}: ${res.body.slice(0, 200)}`).toBe(200);
      const wb = await workbook(res.rawPayload);
      expect(wb.worksheets.length, name).toBeGreaterThan(0);
      for (const ws of wb.worksheets) {
        const where = `${name} / ${ws.name}`;
        expect(ws.pageSetup.paperSize, where).toBe(9);
        expect(ws.pageSetup.fitToPage, where).toBe(true);
        expect(ws.pageSetup.fitToWidth, where).toBe(1);
        expect(ws.pageSetup.fitToHeight, where).toBe(0);
        const wide = sheetWidth(ws) > PORTRAIT_MAX_WIDTH;
        if (wide) expect(ws.pageSetup.orientation, `${where} is ${sheetWidth(ws)} wide`).toBe('landscape');
        expect(ws.headerFooter.oddFooter ?? '', where).toMatch(/Trang &P\/&N/);
        // every sheet but the short "information" sheets repeats its header rows
        if (ws.name !== 'Thông tin') expect(ws.pageSetup.printTitlesRow ?? '', where).toMatch(/^\d+:\d+$/);
      }
    }
  });

  it('the dossier report prints landscape with its title and column header on every page', async () => {
    const wb = await workbook((await as(t.app, admin).get('/api/dossiers/stats.xlsx?from=2026-01-01&to=2026-03-31')).rawPayload);
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup.orientation).toBe('landscape');
      expect(ws.pageSetup.printTitlesRow).toBe('1:2');
    }
  });

  it('provisional results say what they are, in the workbook and in the report; units that sent nothing say "chưa gửi"', async () => {
    const open = roundOf(2026);
    expect(open.status).toBe('open');
    const res = (await as(t.app, admin).get(`/api/par/rounds/${open.id}/results`)).json();
    const notSent = res.units.filter((u: { submitted: boolean }) => !u.submitted);
    expect(notSent.length).toBeGreaterThan(0);
    // a change is only computed against a real index
    for (const u of notSent) expect(u.previous?.change ?? null).toBeNull();
    expect(notSent.some((u: { previous: { index: number | null } | null }) => u.previous?.index != null)).toBe(true);

    const wb = await workbook((await as(t.app, admin).get(`/api/par/rounds/${open.id}/results.xlsx`)).rawPayload);
    const ws = wb.getWorksheet('Xếp hạng')!;
    expect(String(ws.getRow(1).getCell(1).value)).toContain('kết quả tạm tính, chưa phê duyệt');
    expect(String(ws.getRow(2).getCell(1).value)).toContain('Kết quả tạm tính, chưa phê duyệt');
    expect(ws.getRow(3).values).toContain('Chỉ số (%)');
    const lines: unknown[][] = [];
    ws.eachRow((row, n) => n > 3 && lines.push(row.values as unknown[]));
    expect(lines).toHaveLength(res.units.length);
    expect(lines.filter((v) => v[9] === 'chưa gửi')).toHaveLength(notSent.length);

    const text = await docxText((await as(t.app, admin).get(`/api/par/rounds/${open.id}/report.docx`)).rawPayload);
    expect(text).toContain('Kết quả tạm tính, chưa phê duyệt');
    expect(text).not.toMatch(/trung bình\s+%/);
    expect(text).toContain('chưa gửi');
    // the two communes that submitted: the average is over them, and says so
    const submittedCommunes = res.units.filter((u: { submitted: boolean; unitType: string }) => u.submitted && u.unitType === 'commune').length;
    expect(submittedCommunes).toBeGreaterThan(0);
    expect(text).toContain(`chỉ số trung bình của ${submittedCommunes} đơn vị có kết quả`);
    // the departments: none submitted, no average to give
    expect(text).toMatch(/\d\. Sở, ban, ngành\d+ đơn vị \(\d+ đơn vị chưa gửi\); chưa có đơn vị nào có kết quả/);
  });

  it('an approved round is not called provisional', async () => {
    const done = roundOf(2025);
    expect(done.status).toBe('published');
    const wb = await workbook((await as(t.app, admin).get(`/api/par/rounds/${done.id}/results.xlsx`)).rawPayload);
    expect(String(wb.getWorksheet('Xếp hạng')!.getRow(2).getCell(1).value)).toMatch(/^Kết quả đã được phê duyệt ngày \d\d\/\d\d\/\d{4} và công bố ngày/);
    const text = await docxText((await as(t.app, admin).get(`/api/par/rounds/${done.id}/report.docx`)).rawPayload);
    expect(text).not.toContain('tạm tính');
  });

  it('two units of the same name are told apart by their parent on the round’s date', async () => {
    const r2024 = roundOf(2024);
    const res = (await as(t.app, admin).get(`/api/par/rounds/${r2024.id}/results`)).json();
    const p1 = res.units.filter((u: { unitName: string }) => u.unitName === 'Phường 1');
    expect(p1.map((u: { parentName: string }) => u.parentName).sort()).toEqual(['Thành phố Tân An', 'Thị xã Kiến Tường']);
    const wb = await workbook((await as(t.app, admin).get(`/api/par/rounds/${r2024.id}/results.xlsx`)).rawPayload);
    const names: string[] = [];
    wb.getWorksheet('Xếp hạng')!.eachRow((row, n) => n > 3 && names.push(String(row.getCell(4).value)));
    expect(names).toEqual(expect.arrayContaining(['Phường 1 (Thành phố Tân An)', 'Phường 1 (Thị xã Kiến Tường)']));
    expect(names).toContain('Phường 2');
    const text = await docxText((await as(t.app, admin).get(`/api/par/rounds/${r2024.id}/report.docx`)).rawPayload);
    expect(text).toContain('Phường 1 (Thị xã Kiến Tường)');
    const pub = (await t.app.inject({ method: 'GET', url: `/api/public/par/rounds/${r2024.id}` })).json();
    expect(pub.round.groups.map((g: { name: string }) => g.name)).toEqual(['A', 'B', 'C']);
    expect(pub.units.find((u: { unitName: string; parentName: string }) => u.unitName === 'Phường 1' && u.parentName === 'Thị xã Kiến Tường')).toBeTruthy();
  });

  it('the criteria-set export names its data sources and unit type in Vietnamese, and reads back', async () => {
    const sets = (await as(t.app, admin).get('/api/par/criteria-sets')).json() as { id: number; unitType: string; year: number }[];
    const dep = sets.find((s) => s.unitType === 'department' && s.year === 2026)!;
    const x = await as(t.app, admin).get(`/api/par/criteria-sets/${dep.id}/export.xlsx`);
    const wb = await workbook(x.rawPayload);
    const params: string[] = [];
    wb.worksheets[0].eachRow((row) => row.getCell(4).value === 'Từ dữ liệu' && params.push(String(row.getCell(5).value)));
    expect(params.length).toBeGreaterThan(0);
    for (const p of params) expect(p).not.toMatch(/plan_tasks_on_time|dossiers_on_time|dossiers_online/);
    expect(params.join(' | ')).toContain('Tỷ lệ hồ sơ giải quyết đúng hạn');
    expect(params.join(' | ')).toContain('Tỷ lệ nhiệm vụ kế hoạch CCHC hoàn thành đúng hạn');
    const info = wb.getWorksheet('Thông tin')!;
    expect(info.getRow(2).values).toEqual([undefined, 'Loại đơn vị', 'Sở, ban, ngành']);
  });
});
