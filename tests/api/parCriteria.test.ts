import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, ENGINES, login, type Session, type TestApp, testApp } from '../helpers/app.js';

const upload = (t: TestApp, s: Session, url: string, name: string, content: Buffer | string) => {
  const b = 'xx';
  const body = Buffer.concat([Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n\r\n`), Buffer.isBuffer(content) ? content : Buffer.from(content), Buffer.from(`\r\n--${b}--\r\n`)]);
  return t.app.inject({ method: 'POST', url, payload: body, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': `multipart/form-data; boundary=${b}` } });
};

const META = 'year=2027&unitType=commune&name=Th%E1%BB%AD&surveyShare=30';
const HEADER = 'Mã,Nội dung,Điểm tối đa,Cách chấm,Tham số,Bắt buộc tài liệu kiểm chứng,Hướng dẫn';

describe.each(ENGINES)('PAR criteria sets on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await testApp(engine);
    admin = await login(t.app, 'admin');
  });
  afterAll(() => t.close());

  it('the demo has a department set (80 + 20) and a commune set (70 + 30), labelled as samples', async () => {
    const sets = (await as(t.app, admin).get('/api/par/criteria-sets')).json();
    const byType = Object.fromEntries(sets.map((s: { unitType: string }) => [s.unitType, s]));
    expect(byType.department).toMatchObject({ year: 2026, surveyShare: 20, maximum: 100, source: expect.stringContaining('Mẫu') });
    expect(byType.commune).toMatchObject({ year: 2026, surveyShare: 30, maximum: 100 });
    expect(byType.department.areas.reduce((a: number, n: { max: number }) => a + n.max, 0)).toBe(80);
  });

  it('exports a set to Excel and imports it back to the same tree', async () => {
    const sets = (await as(t.app, admin).get('/api/par/criteria-sets')).json();
    const dep = sets.find((s: { unitType: string }) => s.unitType === 'department');
    const x = await as(t.app, admin).get(`/api/par/criteria-sets/${dep.id}/export.xlsx`);
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].getRow(1).values).toEqual([undefined, 'Mã', 'Nội dung', 'Điểm tối đa', 'Cách chấm', 'Tham số', 'Bắt buộc tài liệu kiểm chứng', 'Hướng dẫn']);
    const back = await upload(t, admin, `/api/par/criteria-sets/import?year=2027&unitType=department&name=Nh%E1%BA%ADp%20l%E1%BA%A1i&surveyShare=20`, 'bo.xlsx', x.rawPayload);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().areas).toEqual(dep.areas);
    expect(back.json()).toMatchObject({ year: 2027, version: 1, maximum: 100 });
  });

  it('clones last year’s set as a new version of the next year', async () => {
    const sets = (await as(t.app, admin).get('/api/par/criteria-sets')).json();
    const com = sets.find((s: { unitType: string; year: number }) => s.unitType === 'commune' && s.year === 2026);
    const c1 = (await as(t.app, admin).post(`/api/par/criteria-sets/${com.id}/clone`, { year: 2028 })).json();
    const c2 = (await as(t.app, admin).post(`/api/par/criteria-sets/${com.id}/clone`, { year: 2028 })).json();
    expect([c1.version, c2.version]).toEqual([1, 2]);
    expect(c2.areas).toEqual(com.areas);
  });

  const BAD: [string, string[], string][] = [
    ['a scoring rule it does not know', ['1,Chỉ đạo,2,,,,', '1.1,Kế hoạch,2,Chấm đại,,,'], '"row":3'],
    ['points that are not a number', ['1,Chỉ đạo,hai,,,,'], 'không phải là số'],
    ['an item before its parent', ['1.1,Kế hoạch,2,Có/Không,,,'], 'mục cha'],
    ['tiers written wrongly', ['1,Chỉ đạo,2,,,,', '1.1,Tỷ lệ,2,Theo mức,98 phần trăm,,'], '≥98:1'],
    ['a data source that does not exist', ['1,Chỉ đạo,2,,,,', '1.1,Tỷ lệ,2,Từ dữ liệu,hs_dung_han,,'], 'dossiers_on_time'],
  ];
  it.each(BAD)('a file with %s is refused whole, with the row', async (_n, rows, text) => {
    const before = (await as(t.app, admin).get('/api/par/criteria-sets')).json().length;
    const res = await upload(t, admin, `/api/par/criteria-sets/import?${META}`, 'bo.csv', [HEADER, ...rows].join('\r\n'));
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().details)).toContain(text);
    expect((await as(t.app, admin).get('/api/par/criteria-sets')).json()).toHaveLength(before);
  });

  it('a tree whose points do not add up is refused, naming the item', async () => {
    const res = await upload(t, admin, `/api/par/criteria-sets/import?${META}`, 'bo.csv', [HEADER, '1,Chỉ đạo,5,,,,', '1.1,Kế hoạch,2,Có/Không,,x,', '1.2,Báo cáo,2,Trừ điểm,"0,5",,'].join('\r\n'));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('INVALID_CRITERIA_SET');
    expect(res.json().details.problems).toEqual([expect.objectContaining({ code: '1', problem: 'CHILDREN_SUM' })]);
  });

  it('a dry run previews without saving; only the administrator may change sets', async () => {
    const csv = [HEADER, '1,Chỉ đạo,4,,,,', '1.1,Kế hoạch,2,Có/Không,,x,Quyết định ban hành', '1.2,Báo cáo,2,Trừ điểm,"0,5",,'].join('\r\n');
    const before = (await as(t.app, admin).get('/api/par/criteria-sets')).json().length;
    const dry = await upload(t, admin, `/api/par/criteria-sets/import?${META}&dryRun=true`, 'bo.csv', csv);
    expect(dry.json()).toMatchObject({ dryRun: true, maximum: 34, items: 2 });
    expect(dry.json().areas[0].children[1].rule).toEqual({ kind: 'deduction', perItem: 0.5 });
    expect((await as(t.app, admin).get('/api/par/criteria-sets')).json()).toHaveLength(before);
    const saved = await upload(t, admin, `/api/par/criteria-sets/import?${META}&dryRun=false`, 'bo.csv', csv);
    expect(saved.json()).toMatchObject({ id: expect.any(Number), version: 1 });
    expect((await as(t.app, admin).get('/api/par/criteria-sets')).json()).toHaveLength(before + 1);
    const officer = await login(t.app, 'stp.canbo');
    expect((await upload(t, officer, `/api/par/criteria-sets/import?${META}`, 'bo.csv', csv)).statusCode).toBe(403);
    expect((await as(t.app, officer).get('/api/par/criteria-sets')).statusCode).toBe(200);
  });
});
