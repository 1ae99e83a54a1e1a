import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, ENGINES, login, type Session, type TestApp, testApp } from '../helpers/app.js';

const HEADER = 'Mã TTHC,Tên TTHC,Lĩnh vực,Cấp thực hiện,Cơ quan thực hiện,Thời hạn giải quyết,Mức độ DVC trực tuyến,Phí, lệ phí,Căn cứ pháp lý';
const header = HEADER.replace('Phí, lệ phí', '"Phí, lệ phí"');

describe.each(ENGINES)('procedures on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await testApp(engine);
    admin = await login(t.app, 'admin');
  });
  afterAll(() => t.close());

  const upload = (csv: string, dryRun: boolean, s: Session = admin) => {
    const b = 'pp' + Math.random().toString(16).slice(2);
    const payload = `--${b}\r\nContent-Disposition: form-data; name="file"; filename="ds.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${b}--\r\n`;
    return t.app.inject({ method: 'POST', url: `/api/procedures/import${dryRun ? '?dryRun=true' : ''}`, payload, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': `multipart/form-data; boundary=${b}` } });
  };
  const search = async (q: string) => (await t.app.inject({ method: 'GET', url: `/api/procedures?q=${encodeURIComponent(q)}` })).json();

  it.each([['khai sinh'], ['Khai Sinh'], ['khai sinh'.normalize('NFD')], ['Đăng ký khai sinh'], ['dang ky khai sinh'], ['MAU.HT.01']])('finds "Đăng ký khai sinh" by %j', async (q) => {
    const r = await search(q);
    expect(r.items.map((p: { name: string }) => p.name)).toContain('Đăng ký khai sinh');
  });

  it('filters and pages', async () => {
    const r = await search('');
    expect(r.total).toBe(14);
    expect(r.fields).toContain('Hộ tịch');
    const commune = (await t.app.inject({ method: 'GET', url: '/api/procedures?level=commune&limit=2' })).json();
    expect(commune.total).toBe(6);
    expect(commune.items).toHaveLength(2);
    const hoTich = (await t.app.inject({ method: 'GET', url: `/api/procedures?field=${encodeURIComponent('Hộ tịch')}` })).json();
    expect(hoTich.items.map((p: { limit: object }) => p.limit)).toEqual([{ value: 1, unit: 'day' }, { value: 1, unit: 'day' }, { value: 1, unit: 'day' }]);
  });

  it('the demo list resolved agencies to units', async () => {
    const r = await search('MAU.TP.01');
    expect(r.items[0]).toMatchObject({ agency: 'Sở Tư pháp', onlineLevel: 'full', level: 'province' });
    expect(r.items[0].agencyUnitId).not.toBeNull();
  });

  it('row errors save nothing', async () => {
    const csv = [header, 'X.1,Thủ tục A,Lĩnh vực,Cấp tỉnh,,không rõ,,,', 'X.1,Thủ tục B,Lĩnh vực,cấp huyện,,5 ngày,hỗn hợp,,', ',Thủ tục C,,Cấp xã,,5 ngày,,,'].join('\r\n');
    const p = (await upload(csv, true)).json();
    expect(p.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual(['2:limit', '3:code', '3:level', '3:online', '4:code', '4:field']);
    const res = await upload(csv, false);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('IMPORT_INVALID');
    expect((await search('Thủ tục')).total).toBe(0);
  });

  it('wrong columns and wrong file types', async () => {
    expect((await upload('Mã,Tên\r\nA,B', true)).json().code).toBe('WRONG_COLUMNS');
    const b = 'zz';
    const res = await t.app.inject({ method: 'POST', url: '/api/procedures/import', payload: `--${b}\r\nContent-Disposition: form-data; name="file"; filename="ds.pdf"\r\n\r\n%PDF\r\n--${b}--\r\n`, headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': `multipart/form-data; boundary=${b}` } });
    expect(res.json().code).toBe('FILE_TYPE');
  });

  it('re-importing updates by code, with before and after in the audit trail', async () => {
    const csv = [header, 'MAU.HT.01,Đăng ký khai sinh,Hộ tịch,Cấp xã,UBND cấp xã,2 ngày làm việc,Toàn trình,Miễn lệ phí,Luật Hộ tịch 2014'].join('\r\n');
    const p = (await upload(csv, false)).json();
    expect(p.summary).toEqual({ total: 1, created: 0, updated: 1 });
    const [e] = (await as(t.app, admin).get('/api/audit?action=procedure.update')).json();
    expect(e.before.limit).toEqual({ value: 1, unit: 'day' });
    expect(e.after.limit).toEqual({ value: 2, unit: 'day' });
  });

  it('the national procedure code (Mã TTHC quốc gia) beside the local code: imported, searched, checked', async () => {
    const h = `${header},Mã TTHC quốc gia`;
    const ok = [h, 'MAU.HT.02,Đăng ký kết hôn,Hộ tịch,Cấp xã,UBND cấp xã,1 ngày làm việc,Một phần,Miễn lệ phí,Luật Hộ tịch 2014,1.000894'].join('\r\n');
    expect((await upload(ok, false)).statusCode).toBe(200);
    expect((await search('1.000894')).items[0]).toMatchObject({ code: 'MAU.HT.02', nationalCode: '1.000894' });
    // a file without the column keeps the code given before
    const again = [header, 'MAU.HT.02,Đăng ký kết hôn,Hộ tịch,Cấp xã,UBND cấp xã,1 ngày làm việc,Một phần,Miễn lệ phí,Luật Hộ tịch 2014'].join('\r\n');
    expect((await upload(again, false)).statusCode).toBe(200);
    expect((await search('MAU.HT.02')).items[0].nationalCode).toBe('1.000894');
    const bad = [h, 'MAU.HT.03,Đăng ký khai tử,Hộ tịch,Cấp xã,UBND cấp xã,1 ngày làm việc,Toàn trình,,,1.000894', 'X.9,Thủ tục X,Lĩnh vực,Cấp tỉnh,,5 ngày,,,,2.1', 'X.10,Thủ tục Y,Lĩnh vực,Cấp tỉnh,,5 ngày,,,,2.1', 'X.11,,,Cấp tỉnh,,5 ngày,,,,9.9'].join('\r\n');
    const p = (await upload(bad, true)).json();
    expect(p.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual(['4:nationalCode', '5:name', '5:field', '2:nationalCode']);
    expect(p.errors[0].message).toBe('Mã TTHC quốc gia 2.1 trùng với dòng 3.');
    expect(p.errors[3].message).toBe('Mã TTHC quốc gia 1.000894 đã gắn với thủ tục MAU.HT.02.');
  });

  it('only the administrator imports', async () => {
    const officer = await login(t.app, 'stp.canbo');
    expect((await upload(header, true, officer)).statusCode).toBe(403);
  });
});
