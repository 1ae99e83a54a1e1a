import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { readDocx } from '../helpers/docx.js';
import { MARGINS } from '../../server/modules/documents/decree30.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitTasks } from '../../server/modules/plans/queries.js';
import { DEMO_PLAN_FILE } from '../../server/seed/demo.js';
import { as, ENGINES, login, type Session, type TestApp, testApp, unitId } from '../helpers/app.js';

// Seed 004 (Decision 4976/QĐ-UBND), appendix, read by hand: number, named lead agencies (or the group),
// due date (end of the last window; null when set by another body or conditional), budget in million VND.
const SEED: [string, string, string | null, number | null][] = [
  ['1.1', 'Sở Nội vụ', '2020-09-30', 50],
  ['1.2', 'Sở Nội vụ', null, 5],
  ['1.3', 'Sở Nội vụ', '2020-12-31', 50],
  ['1.4', 'Sở Nội vụ', '2020-03-31', 1450],
  ['1.5', 'Sở Nội vụ', '2019-12-31', 0],
  ['1.6', 'Các sở, ban, ngành tỉnh + UBND cấp huyện', '2020-12-31', null],
  ['1.7', 'Sở Nội vụ', '2020-12-31', 150],
  ['1.8', 'Sở Giáo dục và Đào tạo', '2020-11-30', null],
  ['1.9', 'Sở Y tế', '2020-11-30', null],
  ['1.10', 'Sở Nội vụ', '2020-06-30', 0],
  ['1.11', 'Đài Phát thanh và Truyền hình Long An', '2020-12-31', 100],
  ['1.12', 'Sở Nội vụ', '2020-12-31', 70],
  ['1.13', 'Sở Nội vụ', '2020-03-31', 30],
  ['1.14', 'Sở Nội vụ', '2020-06-30', 50],
  ['1.15', 'Sở Nội vụ', '2020-12-31', 150],
  ['1.16', 'Các sở, ban, ngành tỉnh + Các cơ quan ngành dọc + UBND cấp huyện + UBND cấp xã', '2020-12-31', null],
  ['2.1', 'Sở Tư pháp', '2020-10-15', null],
  ['2.2', 'Sở Tư pháp', '2020-03-31', null],
  ['2.3', 'Sở Tư pháp', '2020-12-31', null],
  ['2.4', 'Sở Tư pháp', '2020-03-31', null],
  ['3.1', 'Văn phòng UBND tỉnh', '2020-03-31', 0],
  ['3.2', 'Văn phòng UBND tỉnh', '2020-12-31', null],
  ['3.3', 'Các sở, ban, ngành tỉnh', null, 0],
  ['3.4', 'Các cơ quan, đơn vị liên quan', null, 0],
  ['3.5', 'Sở Tư pháp', null, 0],
  ['3.6', 'Văn phòng UBND tỉnh', '2020-12-31', null],
  ['3.7', 'Văn phòng UBND tỉnh', '2020-09-30', 0],
  ['3.8', 'Văn phòng UBND tỉnh', '2020-12-31', null],
  ['3.9', 'Văn phòng UBND tỉnh', '2020-12-31', 0],
  ['4.1', 'Các sở, ban, ngành tỉnh', null, null],
  ['4.2', 'UBND cấp huyện', null, null],
  ['4.3', 'Các sở, ban, ngành tỉnh + UBND các cấp', null, 0],
  ['4.4', 'Các sở, ban, ngành tỉnh + UBND cấp huyện', null, 0],
  ['4.5', 'Các sở, ban, ngành tỉnh + UBND cấp huyện', '2020-12-31', 0],
  ['4.6', 'Sở Nội vụ', '2020-12-31', null],
  ['5.1', 'Các sở, ban, ngành tỉnh + UBND cấp huyện', '2020-12-31', 0],
  ['5.2', 'Các sở, ban, ngành tỉnh + UBND cấp huyện', '2020-12-31', 0],
  ['5.3', 'Sở Nội vụ', '2020-12-31', null],
  ['5.4', 'Sở Nội vụ', '2020-12-31', null],
  ['5.5', 'Sở Nội vụ', '2020-12-31', 0],
  ['5.6', 'Sở Nội vụ', '2020-03-31', 0],
  ['5.7', 'Các sở, ban, ngành tỉnh + UBND cấp huyện', '2020-12-31', 0],
  ['6.1', 'Sở Tài chính', '2020-06-30', 0],
  ['6.2', 'Sở Tài chính', '2020-12-31', 0],
  ['7.1', 'Sở Thông tin và Truyền thông', '2020-11-30', null],
  ['7.2', 'Các cơ quan hành chính nhà nước', '2020-12-31', null],
  ['7.3', 'Sở Khoa học và Công nghệ', '2020-12-31', 0],
  ['7.4', 'Sở Khoa học và Công nghệ', null, 0],
  ['7.5', 'Sở Khoa học và Công nghệ', '2020-12-31', 0],
  ['7.6', 'Sở Kế hoạch và Đầu tư', '2019-11-30', null],
];

interface Task {
  number: string;
  due: string | null;
  budgetMillionVnd: number | null;
  leadUnits: { id: number; name: string; via: string }[];
  coordinatingUnits: { id: number; name: string; via: string }[];
  leadGroups: string[];
  products: { text: string; timeframeText: string; due: string | null; budgetMillion: number | null }[];
  status: string;
}

const csv = () => readFileSync(DEMO_PLAN_FILE);

describe.each(ENGINES)('plans on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  let la: number;
  let tasks: Task[];
  let plan2020: number;
  beforeAll(async () => {
    t = await testApp(engine);
    admin = await login(t.app, 'admin');
    la = await unitId(t.app, 'LA', '2020-01-01');
    const plans = (await as(t.app, admin).get('/api/plans')).json();
    plan2020 = plans.find((p: { year: number }) => p.year === 2020).id;
    tasks = (await as(t.app, admin).get(`/api/plans/${plan2020}/tasks`)).json();
  });
  afterAll(() => t.close());

  const upload = (file: Buffer | string, name: string, fields: Record<string, string>, dryRun = true) => {
    const boundary = '----cchc' + Math.random().toString(16).slice(2);
    const parts: Buffer[] = [];
    for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    parts.push(Buffer.isBuffer(file) ? file : Buffer.from(file));
    parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
    return t.app.inject({
      method: 'POST',
      url: `/api/plans/import${dryRun ? '?dryRun=true' : ''}`,
      payload: Buffer.concat(parts),
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
  };
  const fields = () => ({ year: '2020', unitId: String(la) });
  const planCount = async () => (await as(t.app, admin).get('/api/plans')).json().length;

  it('the demo plan is Decision 4976/QĐ-UBND with its 50 tasks in 7 areas', async () => {
    const plans = (await as(t.app, admin).get('/api/plans')).json();
    expect(plans.map((p: { year: number }) => p.year)).toEqual([2026, 2020]);
    expect(plans[1]).toMatchObject({ year: 2020, decisionNumber: '4976/QĐ-UBND', decisionDate: '2019-12-30', unitName: 'Tỉnh Long An', taskCount: 50 });
    const plan = (await as(t.app, admin).get(`/api/plans/${plan2020}`)).json();
    expect(plan.areas.map((a: { number: number }) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(tasks.map((x) => x.number)).toEqual(SEED.map((s) => s[0]));
  });

  it.each(SEED)('task %s: lead %s, due %s, budget %s', (number, lead, due, budget) => {
    const task = tasks.find((x) => x.number === number)!;
    const named = task.leadUnits.filter((u) => u.via === 'named').map((u) => u.name);
    expect(named.length ? named.join(' + ') : task.leadGroups.join(' + ')).toBe(lead);
    expect(task.due).toBe(due);
    expect(task.budgetMillionVnd).toBe(budget);
    expect(task.status).toBe('done'); // the demo closes the 2020 plan
  });

  it('task 1.4 keeps its three product lines with their budgets; 2.1 its two timeframes', () => {
    const t14 = tasks.find((x) => x.number === '1.4')!;
    expect(t14.products.map((p) => p.budgetMillion)).toEqual([800, 500, 150]);
    const t21 = tasks.find((x) => x.number === '2.1')!;
    expect(t21.products.map((p) => [p.timeframeText, p.due])).toEqual([
      ['Quý I/2020', '2020-03-31'],
      ['Trước ngày 15/10/2020', '2020-10-15'],
    ]);
  });

  it('groups expand to the units of Long An in 2020, not of the old Tây Ninh', () => {
    const t16 = tasks.find((x) => x.number === '1.6')!;
    expect(t16.leadUnits).toHaveLength(19 + 15);
    expect(t16.leadUnits.some((u) => u.name === 'Sở Tư pháp')).toBe(true);
    const ids = new Set(t16.leadUnits.map((u) => u.id));
    expect(ids.size).toBe(34);
    const t12 = tasks.find((x) => x.number === '1.2')!;
    expect(t12.coordinatingUnits.map((u) => u.name).sort()).toEqual(['Sở Khoa học và Công nghệ', 'Sở Thông tin và Truyền thông', 'Sở Tài chính', 'Sở Tư pháp', 'Văn phòng UBND tỉnh'].sort());
  });

  it('a dry run of the same file previews every task and saves nothing', async () => {
    const before = await planCount();
    const res = await upload(csv(), 'kh.csv', fields());
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.canSave).toBe(true);
    expect(p.summary).toEqual({ tasks: 50, products: 56, budgetMillion: 2105 });
    expect(p.tasks.find((x: { number: string }) => x.number === '7.4').products[0].timeframe.kind).toBe('external');
    expect(await planCount()).toBe(before);
  });

  it('the same table as .xlsx gives the same preview', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('KH');
    const text = csv().toString('utf8');
    const { parseCsv } = await import('../../server/modules/plans/files.js');
    for (const r of parseCsv(text.replace(/^\uFEFF/, ''))) ws.addRow(r);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const a = (await upload(xlsx, 'kh.xlsx', fields())).json();
    const b = (await upload(csv(), 'kh.csv', fields())).json();
    expect(a.tasks).toEqual(b.tasks);
  });

  const BAD: [string, Buffer | string, string, number, string][] = [
    ['wrong columns', 'STT,Nhiệm vụ,Chủ trì\n1.1,x,Sở Nội vụ\n', 'a.csv', 400, 'WRONG_COLUMNS'],
    ['an empty file', '', 'a.csv', 400, 'EMPTY'],
    ['only the header', 'STT,Nội dung CCHC,Nhiệm vụ cụ thể,Sản phẩm,Cơ quan chủ trì,Cơ quan phối hợp,Thời gian thực hiện,Kinh phí (triệu đồng)\n', 'a.csv', 400, 'IMPORT_INVALID'],
    ['a broken xlsx', Buffer.from('PK\u0003\u0004 this is not a workbook'), 'a.xlsx', 400, 'BROKEN_XLSX'],
    ['a broken docx', Buffer.from('not a zip'), 'a.docx', 400, 'BROKEN_DOCX'],
    ['a PDF', Buffer.from('%PDF-1.4'), 'a.pdf', 400, 'FILE_TYPE'],
    ['a CSV in Windows-1258', Buffer.from([0x53, 0x54, 0x54, 0x2c, 0xd3, 0x0a]), 'a.csv', 400, 'ENCODING'],
  ];
  it.each(BAD)('%s → %i %s, nothing saved', async (_n, body, name, status, code) => {
    const before = await planCount();
    const res = await upload(body, name, fields(), false);
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
    expect(res.json().message).toMatch(/[ạ-ỹà-ýđ]/i);
    expect(await planCount()).toBe(before);
  });

  it('row errors: unknown agency, duplicated number, budget "abc" — reported by row, nothing saved', async () => {
    const lines = csv().toString('utf8').split('\r\n');
    const bad = [
      lines[0],
      '1.1,Công tác chỉ đạo,Nhiệm vụ A,SP,Sở Nội vụ,,Quý I/2020,abc',
      '1.1,,Nhiệm vụ B,SP,Sở Nội vụ,,Quý II/2020,5',
      '1.2,,Nhiệm vụ C,SP,Sở Hàng Không Vũ Trụ,,Quý II/2020,5',
    ].join('\r\n');
    const preview = (await upload(bad, 'bad.csv', fields())).json();
    expect(preview.canSave).toBe(false);
    expect(preview.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [2, 'INVALID_BUDGET'],
      [3, 'DUPLICATE_NUMBER'],
    ]);
    expect(preview.unresolved.map((u: { text: string; rows: number[] }) => [u.text, u.rows])).toEqual([['Sở Hàng Không Vũ Trụ', [4]]]); // as written
    const before = await planCount();
    const res = await upload(bad, 'bad.csv', fields(), false);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('IMPORT_INVALID');
    expect(await planCount()).toBe(before);
  });

  it('an unknown agency mapped once is remembered as an alias', async () => {
    const lines = csv().toString('utf8').split('\r\n');
    const file = [lines[0], '1.1,Công tác chỉ đạo,Nhiệm vụ A,SP,Sở Nội Vụ Tỉnh LA,,Quý I/2020,5'].join('\r\n');
    const snv = await unitId(t.app, 'LA.SNV', '2020-01-01');
    expect((await upload(file, 'a.csv', fields())).json().unresolved).toHaveLength(1);
    const saved = await upload(file, 'a.csv', { ...fields(), decisionNumber: 'TEST/1', mappings: JSON.stringify([{ text: 'Sở Nội Vụ Tỉnh LA', unitId: snv }]) }, false);
    expect(saved.statusCode).toBe(201);
    const again = (await upload(file, 'a.csv', fields())).json();
    expect(again.unresolved).toEqual([]);
    expect(again.tasks[0].leadUnits).toEqual([{ id: snv, name: 'Sở Nội vụ' }]);
  });

  it('an unknown agency is shown as written; mapped as written, it is found again', async () => {
    const lines = csv().toString('utf8').split('\r\n');
    const file = [lines[0], '1.1,Công tác chỉ đạo,Nhiệm vụ A,SP,Sở Nội vụ,"Ban Dân tộc tỉnh, Sở Tư pháp",Quý I/2020,5', '1.2,,Nhiệm vụ B,SP,BAN DÂN TỘC TỈNH,,Quý I/2020,5'].join('\r\n');
    const p = (await upload(file, 'a.csv', fields())).json();
    expect(p.unresolved.map((u: { text: string; rows: number[] }) => [u.text, u.rows])).toEqual([['Ban Dân tộc tỉnh', [2, 3]]]);
    const mapped = (await upload(file, 'a.csv', { ...fields(), mappings: JSON.stringify([{ text: 'Ban Dân tộc tỉnh', unitId: null }]) })).json();
    expect([mapped.unresolved, mapped.canSave]).toEqual([[], true]);
    expect(mapped.tasks[0].external).toEqual(['Ban Dân tộc tỉnh']);
  });

  it('budgets keep their decimals: 12,5 + 0,25 million', async () => {
    const lines = csv().toString('utf8').split('\r\n');
    const file = [lines[0], '1.1,Công tác chỉ đạo,Nhiệm vụ A,SP,Sở Nội vụ,,Quý I/2020,"12,5"', ',,,SP 2,,,,"0,25"', '1.2,,Nhiệm vụ B,SP,Sở Nội vụ,,Quý I/2020,1.450'].join('\r\n');
    const p = (await upload(file, 'a.csv', fields())).json();
    expect(p.tasks.map((x: { budgetMillion: number; products: { budgetMillion: number }[] }) => [x.budgetMillion, x.products.map((q) => q.budgetMillion)])).toEqual([
      [12.75, [12.5, 0.25]],
      [1450, [1450]],
    ]);
    expect(p.summary.budgetMillion).toBe(1462.75);
  });

  it('a 2027 plan naming "UBND cấp huyện" (ended 30/6/2025) gets a warning on its row; groups name only the units alive', async () => {
    const tn = await unitId(t.app, 'TN', '2027-01-01');
    const lines = csv().toString('utf8').split('\r\n');
    const file = [
      lines[0],
      '1.1,Công tác chỉ đạo,Nhiệm vụ A,SP,Sở Nội vụ,"Các sở, ban, ngành tỉnh; UBND cấp huyện",Quý I/2027,5',
      '1.2,,Nhiệm vụ B,SP,UBND cấp xã,,Quý II/2027,5',
    ].join('\r\n');
    const p = (await upload(file, 'a.csv', { year: '2027', unitId: String(tn) })).json();
    expect(p.errors).toEqual([]);
    expect(p.canSave).toBe(true); // a warning does not stop the import
    expect(p.warnings).toEqual([
      {
        row: 2,
        column: 'coordinating',
        code: 'EMPTY_GROUP',
        message: 'Nhóm “UBND cấp huyện” không còn đơn vị nào hoạt động trong năm 2027 (đơn vị cuối cùng của nhóm hoạt động đến ngày 30/06/2025): nhiệm vụ 1.1 không được giao cho đơn vị nào theo nhóm này.',
      },
    ]);
    const alive: { id: number; type: string; parentId: number | null }[] = (await as(t.app, admin).get('/api/org-units?asOf=2027-01-01')).json();
    const departments = alive.filter((u) => u.type === 'department' && u.parentId === tn).map((u) => u.id).sort((a, b) => a - b);
    const snv = await unitId(t.app, 'TN.SNV', '2027-01-01');
    const named = p.tasks[0].coordinatingUnits.map((u: { id: number }) => u.id).sort((a: number, b: number) => a - b);
    expect(named).toEqual(departments.filter((id) => id !== snv)); // the lead is not also a coordinator
    const communes = alive.filter((u) => u.type === 'commune').map((u) => u.id).sort((a, b) => a - b);
    expect(p.tasks[1].leadUnits.map((u: { id: number }) => u.id).sort((a: number, b: number) => a - b)).toEqual(communes);
    // the same cell in a 2025 plan of Long An names its 15 districts, alive then: no warning
    const p2025 = (await upload(file.replace(/2027/g, '2025'), 'a.csv', { year: '2025', unitId: String(la) })).json();
    expect(p2025.warnings).toEqual([]);
    expect(p2025.tasks[0].coordinatingUnits.filter((u: { name: string }) => /^(Huyện|Thị xã|Thành phố)/.test(u.name))).toHaveLength(15);
  });

  it('only the administrator imports', async () => {
    const officer = await login(t.app, 'stp.canbo');
    const res = await t.app.inject({ method: 'POST', url: '/api/plans/import?dryRun=true', headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': 'multipart/form-data; boundary=x' }, payload: '--x--\r\n' });
    expect(res.statusCode).toBe(403);
  });

  it('bad form fields: 400 with their paths', async () => {
    const res = await upload(csv(), 'kh.csv', { year: 'hai nghìn', unitId: String(la) });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields.map((f: { path: string }) => f.path)).toEqual(['body.year']);
  });

  it('exports the plan with progress to .xlsx, read back', async () => {
    const res = await as(t.app, admin).get(`/api/plans/${plan2020}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Nhiệm vụ')!;
    expect(ws.rowCount).toBe(2 + 50);
    const row14 = ws.getRows(3, 50)!.find((r) => r.getCell(1).text === '1.4')!;
    expect(row14.getCell(9).value).toBe(1450);
    expect(row14.getCell(10).text).toBe('Hoàn thành');
    expect((row14.getCell(8).value as Date).toISOString().slice(0, 10)).toBe('2020-03-31');
    expect(row14.getCell(8).numFmt).toBe('dd/mm/yyyy');
    const areas = wb.getWorksheet('Theo lĩnh vực')!;
    expect(areas.getRow(areas.rowCount).values).toEqual([undefined, 'Tổng cộng', 50, 50, 100, 2105]);
  });

  it('exports the appendix to .docx in the decision layout; importing it back gives the same tasks', async () => {
    const res = await as(t.app, admin).get(`/api/plans/${plan2020}/appendix.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.readUInt32LE(0)).toBe(0x04034b50);
    const d = await readDocx(res.rawPayload);
    expect(d.sections[0]).toMatchObject({ orientation: 'landscape', margins: MARGINS });
    expect([...d.fonts]).toEqual(['Times New Roman']);
    expect(d.paragraphs.slice(0, 3)).toEqual(['PHỤ LỤC', 'PHÂN CÔNG THỰC HIỆN NHIỆM VỤ CCHC', '(Kèm theo Quyết định số 4976/QĐ-UBND ngày 30/12/2019)']);
    const fromDocx = (await upload(res.rawPayload, 'phu-luc.docx', fields())).json();
    const fromCsv = (await upload(csv(), 'kh.csv', fields())).json();
    expect(fromDocx.errors).toEqual([]);
    const key = (p: { tasks: { number: string; due: string | null; budgetMillion: number | null; leadUnits: { id: number }[]; products: unknown[] }[] }) =>
      p.tasks.map((x) => [x.number, x.due, x.budgetMillion, x.leadUnits.length, x.products.length]);
    expect(key(fromDocx)).toEqual(key(fromCsv));
    expect(fromDocx.summary).toEqual(fromCsv.summary);
  });

  it('the 2020 plan carries its goals and seven target lines, with structured targets', async () => {
    const plan = (await as(t.app, admin).get(`/api/plans/${plan2020}`)).json();
    expect(plan.goals).toContain('Triển khai, thực hiện toàn diện');
    expect(plan.targets).toHaveLength(7);
    expect(plan.targets[1].structured.map((x: { comparator: string; value: number }) => `${x.comparator}${x.value}`)).toEqual(['>=100', '>=100', '>45', '>10', '>98']);
  });

  it('targets are replaced by the administrator only, with an audit record', async () => {
    const officer = await login(t.app, 'stp.canbo');
    expect((await as(t.app, officer).put(`/api/plans/${plan2020}/targets`, { goals: null, targets: [] })).statusCode).toBe(403);
    const res = await as(t.app, admin).put(`/api/plans/${plan2020}/targets`, { goals: 'Mục tiêu mới', targets: ['Trên 98% hồ sơ đúng hạn', ''] });
    expect(res.json()).toEqual([{ seq: 0, text: 'Trên 98% hồ sơ đúng hạn', structured: [{ comparator: '>', value: 98, unit: '%', subject: 'hồ sơ đúng hạn' }] }]);
    const [e] = (await as(t.app, admin).get(`/api/audit?entityType=plan&entityId=${plan2020}&action=plan.targets`)).json();
    expect(e.before.targets).toHaveLength(7);
    expect(e.after.targets).toEqual(['Trên 98% hồ sơ đúng hạn']);
  });

  it('the timeframe preview endpoint', async () => {
    const res = await as(t.app, admin).post('/api/timeframes/parse', { text: 'Quý II, III/2020', year: 2020 });
    expect(res.json()).toEqual({
      windows: [
        { start: '2020-04-01', end: '2020-06-30' },
        { start: '2020-07-01', end: '2020-09-30' },
      ],
      due: '2020-09-30',
      kind: 'window',
      recurring: false,
    });
  });

  interface MyTask {
    taskId: number;
    year: number;
    number: string;
    role: string;
    unitId: number;
    unitName: string;
    unitParentName: string | null;
    fromPredecessor: boolean;
    period: string;
    reportState: string | null;
    toReport: boolean;
  }

  it('my unit: one row per task, lead winning over coordinating, with the unit it was given to (issue 10.3)', async () => {
    const snv = await login(t.app, 'snv.canbo');
    const tnSnv = await unitId(t.app, 'TN.SNV', '2026-01-01');
    const laSnv = await unitId(t.app, 'LA.SNV', '2020-01-01');
    const rows: MyTask[] = (await as(t.app, snv).get('/api/my/tasks')).json();
    const ids = rows.map((r) => r.taskId);
    expect(new Set(ids).size).toBe(ids.length);
    // Long An's Sở Nội vụ led 1.13 and, with Sở LĐ-TB&XH, coordinated it as "các sở, ban, ngành tỉnh"
    const t113 = rows.filter((r) => r.year === 2020 && r.number === '1.13');
    expect(t113).toEqual([expect.objectContaining({ role: 'lead', unitId: laSnv, unitName: 'Sở Nội vụ', unitParentName: 'Tỉnh Long An', fromPredecessor: true })]);
    // 1.6 is led by "các sở, ban, ngành tỉnh": Long An's Sở Nội vụ (nearer) before Sở LĐ-TB&XH
    expect(rows.filter((r) => r.year === 2020 && r.number === '1.6')).toEqual([expect.objectContaining({ role: 'lead', unitId: laSnv })]);
    const y2026 = rows.filter((r) => r.year === 2026);
    expect(y2026.map((r) => `${r.number} ${r.role}`)).toEqual([
      '1.1 lead', '1.2 lead', '1.3 lead', '1.4 coordinating', '2.1 coordinating', '2.2 coordinating', '3.1 coordinating', '3.2 coordinating',
      '4.1 lead', '5.1 lead', '5.2 lead', '6.1 coordinating', '7.2 coordinating',
    ]);
    expect(y2026.every((r) => r.unitId === tnSnv && !r.fromPredecessor && r.unitParentName === 'Tỉnh Tây Ninh')).toBe(true);
  });

  it('my unit: what it reports in the quarter of the day, with its report state for that quarter', async () => {
    const tnSnv = await unitId(t.app, 'TN.SNV', '2026-01-01');
    const rows = (await unitTasks(t.database.db, [tnSnv], '2026-09-15')).filter((r) => r.year === 2026);
    const due = rows.filter((r) => r.toReport).map((r) => `${r.number} ${r.reportState ?? '-'}`);
    // 1.2 submitted and 5.2 accepted for Q3 (demo); 1.1, 1.3, 4.1, 5.1 done earlier; 2.1 ended in June; 6.1 is Q4
    expect(due).toEqual(['1.2 submitted', '1.4 -', '2.2 -', '3.1 -', '3.2 -', '5.2 accepted', '7.2 -']);
    expect(new Set(rows.map((r) => r.period))).toEqual(new Set(['2026-Q3']));
    const q2 = (await unitTasks(t.database.db, [tnSnv], '2026-05-10')).find((r) => r.year === 2026 && r.number === '1.2')!;
    expect([q2.period, q2.reportState, q2.toReport]).toEqual(['2026-Q2', 'accepted', true]);
  });

  it('the template downloads as CSV and as an Excel workbook that reads back', async () => {
    const c = await as(t.app, admin).get('/api/plans/template.csv');
    expect(c.body).toContain('Cơ quan chủ trì');
    const x = await as(t.app, admin).get('/api/plans/template.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getRow(1).getCell(5).text).toBe('Cơ quan chủ trì');
    const p = (await upload(x.rawPayload, 'mau.xlsx', fields())).json();
    expect(p.canSave).toBe(true);
    expect(p.tasks[0].products.map((q: { timeframe: { due: string } }) => q.timeframe.due)).toEqual(['2020-09-30', '2020-10-15']);
  });
});
