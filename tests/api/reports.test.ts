import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARGINS } from '../../server/modules/documents/decree30.js';
import { readDocx } from '../helpers/docx.js';
import { as, ENGINES, login, type TestApp, testApp, unitId } from '../helpers/app.js';

const KEY = 'test-ingest-key-reports-0001';

describe.each(ENGINES)('periodic CCHC reports on %s', (engine) => {
  let t: TestApp;
  let stp: number;
  beforeAll(async () => {
    t = await testApp(engine, { demoDossiers: true, ingestApiKey: KEY });
    stp = await unitId(t.app, 'TN.STP', '2026-01-01');
  }, 180_000);
  afterAll(() => t.close());

  it('the period’s list: the reporting window, the due date, the province and its units with their states', async () => {
    const admin = await login(t.app, 'admin');
    const l = (await as(t.app, admin).get('/api/reports?period=2026-Q3')).json();
    expect(l.period).toEqual({ key: '2026-Q3', label: 'Quý III/2026', due: '2026-09-20' });
    expect(l.window).toEqual({ from: '2026-06-15', to: '2026-09-14' });
    expect(l.province.unitName).toBe('Tỉnh Tây Ninh');
    expect(l.units.find((u: { unitId: number }) => u.unitId === stp).state).toBeNull();
    expect(l.counts.submitted).toBe(l.units.filter((u: { state: string }) => u.state === 'submitted').length);
    // in 2023 the province of the demo is Long An, with its districts reporting too
    const old = (await as(t.app, admin).get('/api/reports?period=2023-Q3')).json();
    expect(old.province.unitName).toBe('Tỉnh Long An');
    expect(old.units.filter((u: { unitType: string }) => u.unitType === 'district')).toHaveLength(15);
  });

  it('a unit’s report: its figures are those of the window, the same as the dashboard’s', async () => {
    const officer = await login(t.app, 'stp.canbo');
    const r = (await as(t.app, officer).get(`/api/reports/cchc?unit=${stp}&period=2026-Q3`)).json();
    expect(r.window).toMatchObject({ from: '2026-06-15', to: '2026-09-14' });
    const stats = (await as(t.app, officer).get(`/api/dossiers/stats?unit=${stp}&from=2026-06-15&to=2026-09-14`)).json();
    expect(r.figures).toMatchObject({ dossiersReceived: stats.received, dossiersOnTimeRate: stats.onTimeRate });
    expect(r.figures).toHaveProperty('planTasksDone');
    expect(r.figures).toHaveProperty('planTasksTotal');
    expect(r.sections.map((s: { key: string }) => s.key)).toEqual(['direction', 'results', 'institutions', 'procedures', 'apparatus', 'civilService', 'finance', 'digital', 'assessment', 'next', 'proposals']);
    const procedures = r.sections.find((s: { key: string }) => s.key === 'procedures');
    expect(procedures.lines[0].text).toContain('Tổng số hồ sơ tiếp nhận trong kỳ');
    expect(procedures.lines[0].link).toBe(`/dossiers/list?unit=${stp}&from=2026-06-15&to=2026-09-14&category=received`);
    expect(r.can).toMatchObject({ edit: true, submit: false, finalise: false });
  });

  it('write, submit, return, write again, submit: only the unit edits its own; others see a draft as a draft', async () => {
    const officer = await login(t.app, 'stp.canbo');
    const head = await login(t.app, 'stp.lanhdao');
    const other = await login(t.app, 'khcn.canbo');
    const leader = await login(t.app, 'ubnd.lanhdao');
    const hdnd = await login(t.app, 'hdnd.giamsat');
    const admin = await login(t.app, 'admin');
    const url = `/api/reports/cchc?unit=${stp}&period=2026-Q3`;
    expect((await as(t.app, other).put(url, { texts: { direction: 'x' } })).statusCode).toBe(403);
    expect((await as(t.app, hdnd).put(url, { texts: { direction: 'x' } })).statusCode).toBe(403);
    expect((await as(t.app, officer).put(url, { texts: { nope: 'x' } })).json().code).toBe('UNKNOWN_SECTION');
    const saved = await as(t.app, officer).put(url, { texts: { direction: 'Sở Tư pháp ban hành kế hoạch CCHC năm 2026.', institutions: 'Thẩm định 42 dự thảo văn bản quy phạm pháp luật.' } });
    expect(saved.json().state).toBe('draft');
    // a draft is the unit's own: the leader reads the figures, not the text
    const seen = (await as(t.app, leader).get(url)).json();
    expect(seen.draftHidden).toBe(true);
    expect(JSON.stringify(seen.sections)).not.toContain('42 dự thảo');
    expect((await as(t.app, officer).post(`/api/reports/cchc/submit?unit=${stp}&period=2026-Q3`)).statusCode).toBe(403);
    expect((await as(t.app, head).post(`/api/reports/cchc/submit?unit=${stp}&period=2026-Q3`)).json().state).toBe('submitted');
    expect((await as(t.app, officer).put(url, { texts: { direction: 'y' } })).json().code).toBe('INVALID_STATE');
    expect((await as(t.app, admin).post(`/api/reports/cchc/return?unit=${stp}&period=2026-Q3`, { comment: ' ' })).json().code).toBe('COMMENT_REQUIRED');
    expect((await as(t.app, admin).post(`/api/reports/cchc/return?unit=${stp}&period=2026-Q3`, { comment: 'Bổ sung số liệu tuyển dụng.' })).json()).toMatchObject({ state: 'returned', returnComment: 'Bổ sung số liệu tuyển dụng.' });
    await as(t.app, officer).put(url, { texts: { civilService: 'Tuyển dụng 3 công chức.' } });
    expect((await as(t.app, head).post(`/api/reports/cchc/submit?unit=${stp}&period=2026-Q3`)).json().state).toBe('submitted');
    const now = (await as(t.app, hdnd).get(url)).json();
    expect(now.draftHidden).toBe(false);
    expect(now.sections.find((s: { key: string }) => s.key === 'civilService').text).toBe('Tuyển dụng 3 công chức.');
    const audit = (await as(t.app, admin).get(`/api/audit?entityType=cchc_report&entityId=${saved.json().id}`)).json();
    expect(audit.map((e: { action: string }) => e.action).reverse()).toEqual(['report.save', 'report.submit', 'report.return', 'report.save', 'report.submit']);
  });

  it('Sở Nội vụ drafts the province’s report from the units’ submitted texts, finalises it, and late corrections show as differences', async () => {
    const admin = await login(t.app, 'admin');
    const url = '/api/reports/cchc?period=2026-Q3';
    const before = (await as(t.app, admin).get(url)).json();
    expect(before.kind).toBe('province');
    expect(before.sections.find((s: { key: string }) => s.key === 'direction').unitTexts).toContainEqual({ unitId: stp, unitName: 'Sở Tư pháp', text: 'Sở Tư pháp ban hành kế hoạch CCHC năm 2026.' });
    const officer = await login(t.app, 'stp.canbo');
    expect((await as(t.app, officer).post('/api/reports/cchc/draft?period=2026-Q3')).statusCode).toBe(403);
    expect((await as(t.app, admin).post('/api/reports/cchc/draft?period=2026-Q3')).statusCode).toBe(200);
    const drafted = (await as(t.app, admin).get(url)).json();
    expect(drafted.sections.find((s: { key: string }) => s.key === 'direction').text).toContain('- Sở Tư pháp: Sở Tư pháp ban hành kế hoạch CCHC năm 2026.');
    await as(t.app, admin).put(url, { texts: { proposals: 'Đề nghị Bộ Nội vụ hướng dẫn thống nhất cách tính chỉ số.' } });
    const docxBefore = await readDocx((await as(t.app, admin).get('/api/reports/cchc.docx?period=2026-Q3')).rawPayload);
    const fin = await as(t.app, admin).post('/api/reports/cchc/finalise?period=2026-Q3', { number: '312', signedOn: '2026-09-18' });
    expect(fin.json()).toMatchObject({ state: 'finalised', number: '312', signedOn: '2026-09-18' });
    expect(fin.json().auditHead.count).toBeGreaterThan(0);
    expect((await as(t.app, admin).put(url, { texts: { next: 'x' } })).json().code).toBe('INVALID_STATE');
    const frozen = (await as(t.app, admin).get(url)).json();
    expect(frozen.frozen).toBe(true);
    expect(frozen.differences).toEqual([]);
    const frozenDocx = await readDocx((await as(t.app, admin).get('/api/reports/cchc.docx?period=2026-Q3')).rawPayload);
    // a one-stop system sends a dossier of the window late
    const late = await t.app.inject({
      method: 'POST',
      url: '/api/dossiers/events',
      headers: { 'x-api-key': KEY },
      payload: [{ sourceSystem: 'late', dossierCode: 'LATE-Q3-1', procedureCode: 'MAU.DN.01', unitCode: 'TN.STC', kind: 'received', at: '2026-08-10T09:00:00+07:00', channel: 'online' }],
    });
    expect(late.statusCode).toBe(200);
    const after = (await as(t.app, admin).get(url)).json();
    expect(after.figures.dossiersReceived).toBe(frozen.figures.dossiersReceived);
    expect(after.differences).toContainEqual({ path: 'dossiersReceived', frozen: frozen.figures.dossiersReceived, now: frozen.figures.dossiersReceived + 1 });
    // the frozen document does not change
    const docxAfter = await readDocx((await as(t.app, admin).get('/api/reports/cchc.docx?period=2026-Q3')).rawPayload);
    expect(docxAfter.text).toBe(frozenDocx.text);
    expect(docxBefore.text).not.toBe(frozenDocx.text); // the number and date came with finalisation
    expect(frozenDocx.paragraphs).toContain('Số: 312/BC-UBND');
    expect(frozenDocx.paragraphs).toContain('Tây Ninh, ngày 18 tháng 9 năm 2026');
  });

  it('the .docx in the Decree 30 layout and the appendices in .xlsx, read back', async () => {
    const admin = await login(t.app, 'admin');
    const res = await as(t.app, admin).get(`/api/reports/cchc.docx?unit=${stp}&period=2026-Q3`);
    expect(res.statusCode).toBe(200);
    const d = await readDocx(res.rawPayload);
    expect(d.sections[0]).toMatchObject({ orientation: 'portrait', width: 11906, height: 16838, margins: MARGINS });
    expect(d.sections.slice(1).every((s) => s.orientation === 'landscape')).toBe(true);
    expect([...d.fonts]).toEqual(['Times New Roman']);
    for (const line of ['UBND TỈNH TÂY NINH', 'SỞ TƯ PHÁP', 'Số: …/BC-STP', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'BÁO CÁO', 'Kết quả thực hiện công tác cải cách hành chính quý III năm 2026', '(Số liệu tính từ ngày 15/06/2026 đến ngày 14/09/2026)', 'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH', 'Nơi nhận:', 'GIÁM ĐỐC']) {
      expect(d.paragraphs, line).toContain(line);
    }
    const x = await as(t.app, admin).get(`/api/reports/cchc.xlsx?unit=${stp}&period=2026-Q3`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toContain('Số liệu');
    const first = wb.worksheets[0];
    expect(first.name).toBe('Phụ lục I');
    expect(first.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1 });
    expect(String(first.getRow(2).getCell(2).value)).toBe('Nhiệm vụ');
  });

  it('a Tây Ninh ward’s 2025 report counts the Long An wards it came from, unless asked not to', async () => {
    const admin = await login(t.app, 'admin');
    const ward = await unitId(t.app, 'TN.PLONGAN', '2026-01-01');
    const before = await Promise.all(['LA.TANAN.P1', 'LA.TANAN.P2', 'LA.TANAN.P3'].map((c) => unitId(t.app, c, '2025-01-01')));
    const stats = async (id: number) => (await as(t.app, admin).get(`/api/dossiers/stats?unit=${id}&from=2024-12-15&to=2025-12-14`)).json().received as number;
    const own = (await as(t.app, admin).get(`/api/reports/cchc?unit=${ward}&period=2025&predecessors=false`)).json().figures.dossiersReceived;
    const all = (await as(t.app, admin).get(`/api/reports/cchc?unit=${ward}&period=2025`)).json().figures.dossiersReceived;
    const olds = (await Promise.all(before.map(stats))).reduce((a, b) => a + b, 0);
    expect(olds).toBeGreaterThan(0);
    expect(all).toBe(own + olds);
  });

  it('seed 000: Long An’s Q3/2023 report, as the demo finalised it, says what the news report says', async () => {
    const admin = await login(t.app, 'admin');
    const la = await unitId(t.app, 'LA', '2023-09-01');
    const r = (await as(t.app, admin).get(`/api/reports/cchc?unit=${la}&period=2023-Q3`)).json();
    expect(r.unit.name).toBe('Tỉnh Long An');
    expect(r.window).toMatchObject({ from: '2023-06-15', to: '2023-09-14' });
    expect(r.frozen).toBe(true);
    expect(r.figures.legalDocumentsIssued).toEqual({ total: 30, byKind: { resolution: 11, decision: 19 } });
    expect(r.figures.staffing.civilServants).toMatchObject({ assigned: 2273, present: 2135, gap: 138, reductionRate: 17.72 });
    expect(r.figures.staffing.publicEmployees).toMatchObject({ assigned: 25424, present: 23631, gap: 1793, reductionRate: 20.04 });
    expect(r.figures.staffing).toMatchObject({ schemes: 34, recruited: 43 });
    const institutions = r.sections.find((s: { key: string }) => s.key === 'institutions');
    expect(institutions.lines[0].text).toBe('HĐND, UBND tỉnh ban hành 30 văn bản quy phạm pháp luật (gồm 11 Nghị quyết và 19 Quyết định).');
    // the figure opens its records: the register, in the window, issued by Long An
    const list = (await as(t.app, admin).get(`/api/legal-documents${institutions.lines[0].link.replace('/legal-documents', '')}&limit=100`)).json();
    expect(list.total).toBe(30);
    const d = await readDocx((await as(t.app, admin).get(`/api/reports/cchc.docx?unit=${la}&period=2023-Q3`)).rawPayload);
    for (const line of ['ỦY BAN NHÂN DÂN TỈNH LONG AN', 'Số: 4312/BC-UBND', 'Long An, ngày 22 tháng 9 năm 2023', 'Kết quả thực hiện công tác cải cách hành chính quý III năm 2023', 'HĐND, UBND tỉnh ban hành 30 văn bản quy phạm pháp luật (gồm 11 Nghị quyết và 19 Quyết định).']) {
      expect(d.paragraphs, line).toContain(line);
    }
    expect(d.text).toContain('Biên chế công chức năm 2023: được giao 2.273 biên chế, có mặt 2.135, thấp hơn số được giao 138 biên chế.');
    expect(d.text).toContain('được giao 25.424 người, có mặt 23.631, thấp hơn số được giao 1.793 người');
  });

  it('bad periods and units get a clear 4xx', async () => {
    const admin = await login(t.app, 'admin');
    expect((await as(t.app, admin).get('/api/reports/cchc?period=2026-H1')).json().code).toBe('INVALID_PERIOD');
    expect((await as(t.app, admin).get('/api/reports/cchc?period=2026-Q3&unit=999999')).statusCode).toBe(404);
    expect((await as(t.app, admin).post('/api/reports/cchc/finalise?period=2026-Q2')).json().code).toBe('INVALID_STATE');
  });
});
