import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findByCode } from '../../server/modules/dossiers/ingest.js';
import { as, ENGINES, login, type Session, type TestApp, testApp, unitId } from '../helpers/app.js';
import { conversation, DOSSIERS, eventBatch, NATIONAL_CODE, PERSONAL_MARKERS, progressOf, snapshotOf } from '../helpers/dvcqgConversation.js';

const KEY = 'test-ingest-key-dvcqg-0123456';
const MADONVI = '000.00.00.H57';
const PASSWORD = 'Dvcqg12345';

describe.each(ENGINES)('national portal sync (DVCQG) on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  let session: string;
  beforeAll(async () => {
    t = await testApp(engine, { ingestApiKey: KEY });
    admin = await login(t.app, 'admin');
    const created = await as(t.app, admin).post('/api/dvcqg/sources', { code: 'opencps-tn', name: 'OpenCPS Tây Ninh', username: 'opencps.tn', madonvi: MADONVI, password: PASSWORD });
    expect(created.statusCode).toBe(200);
    // the national code beside the local one, as the procedure import gives it
    const csv = ['Mã TTHC,Tên TTHC,Lĩnh vực,Cấp thực hiện,Cơ quan thực hiện,Thời hạn giải quyết,Mức độ DVC trực tuyến,"Phí, lệ phí",Căn cứ pháp lý,Mã TTHC quốc gia', `MAU.TP.01,Cấp Phiếu lý lịch tư pháp,Lý lịch tư pháp,Cấp tỉnh,Sở Tư pháp,10 ngày làm việc,Toàn trình,Theo quy định,Luật Lý lịch tư pháp 2009,${NATIONAL_CODE}`].join('\r\n');
    expect((await as(t.app, admin).upload('/api/procedures/import', 'ds.csv', Buffer.from(csv))).statusCode).toBe(200);
    session = (await portalLogin('opencps.tn', PASSWORD)).json().session;
  });
  afterAll(() => t.close());

  const portalLogin = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/dvcqg/login', payload: { username, password } });
  const sync = (body: object, s = session) => t.app.inject({ method: 'POST', url: '/api/dvcqg', payload: { session: s, madonvi: MADONVI, ...body } });
  const lookup = async (code: string) => (await t.app.inject({ method: 'GET', url: `/api/public/dossiers/${code}` })).json();
  const detail = async (code: string) => {
    const [row] = await findByCode(t.database.db, code);
    return (await as(t.app, admin).get(`/api/dossiers/${row.id}`)).json();
  };
  const rows = async <T>(q: ReturnType<typeof sql>) => ((await t.database.db.execute(q)) as unknown as { rows: T[] }).rows;
  const snapshotsOf = (code: string) => rows<{ outcome: string; error_code: string | null; events: number }>(sql`SELECT outcome, error_code, events FROM dvcqg_snapshots WHERE dossier_code = ${code} ORDER BY id`);
  const countSnapshots = async () => (await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM dvcqg_snapshots`))[0].n;
  /** a snapshot of a dossier with a fresh code, received Mon 2/3/2026 09:00 */
  const snap = (code: string, status: number, extra: Record<string, unknown> = {}) => ({ ...snapshotOf(DOSSIERS[1], 0, 'Sở Tư pháp', code), NgayTiepNhan: '20260302090000', NgayHenTra: '20260316090000', TrangThaiHoSo: String(status), ...extra });

  describe('login and sessions', () => {
    it('answers { session, error_code: 0 }; a wrong password, an unknown account: error_code, no session', async () => {
      const ok = (await portalLogin('opencps.tn', PASSWORD)).json();
      expect(ok.error_code).toBe(0);
      expect(ok.session).toMatch(/^[\w-]{40,}$/);
      for (const [u, p] of [['opencps.tn', 'Sai12345'], ['khong.co', PASSWORD]]) {
        const r = await portalLogin(u, p);
        expect(r.statusCode).toBe(200);
        expect(r.json()).toEqual({ error_code: '02', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
      }
    });

    it('a wrong or expired session and a wrong madonvi are refused, and nothing is kept', async () => {
      const before = await countSnapshots();
      const data = [snap('SESSION.1', 2)];
      const wrong = await sync({ service: 'DongBoHoSoMC', isUpdating: 'False', data }, 'khong-phai-session');
      expect(wrong.statusCode).toBe(200);
      expect(wrong.json()).toMatchObject({ error_code: '01' });
      expect(wrong.json().message).toMatch(/session/);
      const other = await t.app.inject({ method: 'POST', url: '/api/dvcqg', payload: { session, madonvi: 'KHAC', service: 'DongBoHoSoMC', data } });
      expect(other.json()).toMatchObject({ error_code: '06' });
      // a session past its hours
      const old = (await portalLogin('opencps.tn', PASSWORD)).json().session;
      await t.database.db.execute(sql`UPDATE dvcqg_sessions SET expires_at = now() - interval '1 minute' WHERE expires_at = (SELECT max(expires_at) FROM dvcqg_sessions)`);
      expect((await sync({ service: 'DongBoHoSoMC', data }, old)).json()).toMatchObject({ error_code: '01' });
      expect(await countSnapshots()).toBe(before);
      expect((await t.app.inject({ method: 'GET', url: '/api/public/dossiers/SESSION.1' })).statusCode).toBe(404);
    });

    it('malformed bodies are answered in the portal’s style, not the app’s', async () => {
      const cases = [
        await t.app.inject({ method: 'POST', url: '/api/dvcqg', payload: '{"session": ', headers: { 'content-type': 'application/json' } }),
        await t.app.inject({ method: 'POST', url: '/api/dvcqg/login', payload: 'username=a&password=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
        await t.app.inject({ method: 'POST', url: '/api/dvcqg/login', payload: { username: 'opencps.tn' } }),
        await t.app.inject({ method: 'POST', url: '/api/dvcqg', payload: { session, madonvi: MADONVI, service: 'DongBoHoSoMC', data: 'không phải danh sách' } }),
        await sync({ service: 'DongBoHoSoMC', data: [] }),
      ];
      for (const r of cases) {
        expect(r.statusCode).toBe(200);
        const b = r.json();
        expect(b).toMatchObject({ error_code: '03' });
        expect(b).not.toHaveProperty('code');
        expect(b.message).toMatch(/[ạảãáàâấầẩẫậăắằẳẵặđêếềểễệôốồổỗộơớờởỡợưứừửữựíìỉĩịúùủũụ]/);
      }
      expect((await sync({ service: 'LayDanhMucCoQuan' })).json()).toMatchObject({ error_code: '04' });
    });
  });

  describe('the recorded conversation against the same dossiers through the event API', () => {
    let sameOutcomes: Awaited<ReturnType<typeof compare>>;
    const compare = async () => {
      const out: { code: string; dvcqg: Record<string, unknown>; events: Record<string, unknown> }[] = [];
      for (const d of DOSSIERS) {
        const pick = (x: Record<string, unknown>) => ({ status: x.status, statusCode: x.statusCode, outcome: x.outcome, channel: x.channel, receivedAt: x.receivedAt, appointment: x.appointment, deadline: x.deadline, endAt: x.endAt, late: x.endAt ? x.late : 'open: judged now',  supplementRequests: x.supplementRequests, events: x.events, procedure: x.procedure });
        out.push({ code: d.code, dvcqg: pick(await detail(d.code)), events: pick(await detail(`${d.code}-EV`)) });
      }
      return out;
    };

    beforeAll(async () => {
      for (const m of conversation()) {
        const r = await sync(m);
        expect(r.json(), JSON.stringify(m)).toMatchObject({ error_code: '00' });
      }
      const ev = await t.app.inject({ method: 'POST', url: '/api/dossiers/events', payload: eventBatch('motcua-su-kien', 'TN.SXD', 'MAU.TP.01'), headers: { 'x-api-key': KEY } });
      expect(ev.statusCode, ev.body).toBe(200);
      sameOutcomes = await compare();
    });

    it('each dossier: the same status, outcome, appointment, deadline and timeline', () => {
      for (const c of sameOutcomes) expect(c.dvcqg, c.code).toEqual(c.events);
      const byCode = Object.fromEntries(sameOutcomes.map((c) => [c.code, c.dvcqg]));
      expect(byCode['LLTP.2603.A']).toMatchObject({ status: 'returned', outcome: 'early', channel: 'online', deadline: '2026-03-18T09:00:00+07:00' });
      expect(byCode['LLTP.2603.B']).toMatchObject({ status: 'returned', outcome: 'late', channel: 'counter' });
      expect(byCode['LLTP.2603.C']).toMatchObject({ status: 'refused', outcome: 'early' });
      expect(byCode['LLTP.2603.D']).toMatchObject({ status: 'returned', outcome: 'early', appointment: '2026-03-24T14:00:00+07:00' });
      expect(byCode['LLTP.2603.E']).toMatchObject({ status: 'processing' });
    });

    it('the same counters, one-stop report and 766 index for the two units', async () => {
      const stp = await unitId(t.app, 'TN.STP', '2026-03-01');
      const sxd = await unitId(t.app, 'TN.SXD', '2026-03-01');
      const stats = async (u: number) => {
        const { unit: _u, ...rest } = (await as(t.app, admin).get(`/api/dossiers/stats?unit=${u}&from=2026-03-01&to=2026-03-31&by=procedure`)).json();
        return rest;
      };
      const a = await stats(stp);
      expect(a).toEqual(await stats(sxd));
      expect(a).toMatchObject({ received: 5, receivedOnline: 1, resolved: 3, early: 2, late: 1, refused: 1, inProgress: 1 });
      // the components read from the dossiers (3.1 and 3.2 count each unit's own procedures)
      const index = async (u: number) => {
        const r = (await as(t.app, admin).get(`/api/index766?unit=${u}&period=2026-03`)).json();
        return r.groups.flatMap((g: { components: { key: string }[] }) => g.components).filter((c: { key: string }) => c.key === '2.1' || c.key === '3.3');
      };
      const i766 = await index(stp);
      expect(i766).toHaveLength(2);
      expect(i766).toEqual(await index(sxd));
    });

    it('the public lookup shows the same', async () => {
      for (const d of DOSSIERS) {
        const { code: _a, ...x } = await lookup(d.code);
        const { code: _b, ...y } = await lookup(`${d.code}-EV`);
        expect(x).toEqual(y);
      }
    });

    it('TraCuuHoSo answers the dossier as cchc has it; LayThuTuc the procedure by its national code', async () => {
      const found = (await sync({ service: 'TraCuuHoSo', mahoso: 'LLTP.2603.D' })).json();
      expect(found).toMatchObject({ error_code: '00', result: [{ MaHoSo: 'LLTP.2603.D', MaTTHC: NATIONAL_CODE, TrangThaiHoSo: '10', NgayTiepNhan: '20260303140000', NgayHenTra: '20260324140000', NgayTra: '20260323150000' }] });
      expect(JSON.stringify(found)).not.toContain(PERSONAL_MARKERS[0]);
      expect((await sync({ service: 'TraCuuHoSo', mahoso: 'KHONG.CO' })).json()).toMatchObject({ error_code: '00', result: [] });
      const proc = (await sync({ service: 'LayThuTuc', maTTHC: NATIONAL_CODE })).json();
      expect(proc).toMatchObject({ error_code: '00', result: [{ MATTHC: NATIONAL_CODE, TENTTHC: 'Cấp Phiếu lý lịch tư pháp', LINHVUCTHUCHIEN: [{ MALINHVUC: 'G09-TP12', TENLINHVUC: 'Lý lịch tư pháp' }] }] });
    });

    it('sent again whole, the conversation changes nothing: the last records repeat, the older ones go backwards', async () => {
      const before = await compare();
      const codes = new Set<string>();
      for (const m of conversation()) {
        const r = (await sync(m)).json();
        if (r.error_code !== '00') for (const e of r.errors) codes.add(e.code);
      }
      expect([...codes]).toEqual(['BACKWARDS']);
      expect(await compare()).toEqual(before);
      const last = await snapshotsOf('LLTP.2603.A');
      expect(last.at(-1)).toMatchObject({ outcome: 'unchanged', events: 0 });
    });

    it('replayed from the kept snapshots, the same dossiers and counters', async () => {
      const stp = await unitId(t.app, 'TN.STP', '2026-03-01');
      const stats = async () => (await as(t.app, admin).get(`/api/dossiers/stats?unit=${stp}&from=2026-03-01&to=2026-03-31`)).json();
      const before = [await compare(), await stats()];
      const sources = (await as(t.app, admin).get('/api/dvcqg/sources')).json().sources;
      const r = await as(t.app, admin).post(`/api/dvcqg/sources/${sources.find((s: { code: string }) => s.code === 'opencps-tn').id}/replay`);
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({ changed: 0 });
      expect(r.json().dossiers).toBeGreaterThanOrEqual(5);
      expect([await compare(), await stats()]).toEqual(before);
      const rebuilt = await as(t.app, admin).post('/api/dossiers/counters/rebuild');
      expect(rebuilt.statusCode).toBe(200);
      expect(await stats()).toEqual(before[1]);
    });
  });

  describe('every status code 1–10 into the lifecycle', () => {
    const DATES: Record<number, Record<string, string>> = { 3: { NgayKetThucXuLy: '20260303100000' }, 7: { NgayKetThucXuLy: '20260303100000' }, 8: { NgayKetThucXuLy: '20260303100000' }, 9: { NgayKetThucXuLy: '20260303100000' }, 10: { NgayTra: '20260303150000' } };
    it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])('status %i: the public lookup shows it', async (code) => {
      const c = `ST.${code}`;
      const s = snap(c, code, { ...DATES[code], ...(code === 5 ? { DanhSachHoSoBoSung: [{ NgayBoSung: '20260303090000' }] } : {}), ...(code === 1 ? { NgayHenTra: '' } : {}) });
      expect((await sync({ service: 'DongBoHoSoMC', isUpdating: 'False', data: [s] })).json()).toMatchObject({ error_code: '00' });
      // a step with no date of its own waits for its progress update
      if (code === 4 || code === 6) {
        expect((await lookup(c)).statusCode).toBe(2);
        expect((await sync({ service: 'CapNhatTienDoHoSoMC', data: [{ MaHoSo: c, TrangThai: String(code), ThoiDiemXuLy: '20260303100000' }] })).json()).toMatchObject({ error_code: '00' });
      }
      expect((await lookup(c)).statusCode).toBe(code);
    });
  });

  describe('repeated, backwards and out-of-order snapshots', () => {
    it('a repeat changes nothing; isUpdating "False" for a known code is an update, not a duplicate', async () => {
      const first = snap('REP.1', 2);
      expect((await sync({ service: 'DongBoHoSoMC', isUpdating: 'False', data: [first] })).json().error_code).toBe('00');
      expect((await sync({ service: 'DongBoHoSoMC', isUpdating: 'False', data: [first] })).json().message).toMatch(/1 không thay đổi/);
      const done = await sync({ service: 'DongBoHoSoMC', isUpdating: 'False', data: [snap('REP.1', 9, { NgayKetThucXuLy: '20260304100000' })] });
      expect(done.json().message).toMatch(/1 cập nhật/);
      expect(await lookup('REP.1')).toMatchObject({ statusCode: 9, history: [{ kind: 'received' }, { kind: 'processed' }] });
      expect((await snapshotsOf('REP.1')).map((s) => s.outcome)).toEqual(['applied', 'unchanged', 'applied']);
    });

    it('backwards: refused for that record with a clear message; the dossier stays', async () => {
      await sync({ service: 'DongBoHoSoMC', data: [snap('BACK.1', 10, { NgayTra: '20260304150000' })] });
      const r = (await sync({ service: 'DongBoHoSoMC', data: [snap('BACK.1', 4)] })).json();
      expect(r).toMatchObject({ error_code: '05', errors: [{ MaHoSo: 'BACK.1', code: 'BACKWARDS' }] });
      expect(r.errors[0].message).toBe('Trạng thái 4 (Đang xử lý) không thể đến sau trạng thái hiện tại của hồ sơ: 10 (Đã trả kết quả).');
      expect((await lookup('BACK.1')).statusCode).toBe(10);
      expect((await snapshotsOf('BACK.1')).map((s) => [s.outcome, s.error_code])).toEqual([['applied', null], ['refused', 'BACKWARDS']]);
    });

    it('out of order: a progress update older than the dossier’s last step is refused', async () => {
      await sync({ service: 'DongBoHoSoMC', data: [snap('ORDER.1', 9, { NgayKetThucXuLy: '20260305100000' })] });
      const r = (await sync({ service: 'CapNhatTienDoHoSoMC', data: [{ MaHoSo: 'ORDER.1', TrangThai: '10', ThoiDiemXuLy: '20260304100000' }] })).json();
      expect(r).toMatchObject({ error_code: '05', errors: [{ MaHoSo: 'ORDER.1', code: 'OUT_OF_ORDER' }] });
      expect(r.errors[0].message).toMatch(/ThoiDiemXuLy \(04\/03\/2026 10:00\) sớm hơn sự kiện trước đó của hồ sơ \(05\/03\/2026 10:00\)/);
      expect((await lookup('ORDER.1')).statusCode).toBe(9);
    });
  });

  describe('malformed dates and fields', () => {
    it('refused per record, with nothing of that record applied; the good record of the message applies', async () => {
      const good = snap('MAL.GOOD', 2);
      const badDate = snap('MAL.DATE', 9, { NgayKetThucXuLy: '2026-03-04 10:00' });
      const badSupplement = snap('MAL.SUPP', 4, { DanhSachHoSoBoSung: [{ NgayBoSung: '20260303090000', NgayTiepNhanBoSung: '31/03/2026' }] });
      const badStatus = snap('MAL.STATUS', 'mười' as unknown as number);
      const r = (await sync({ service: 'DongBoHoSoMC', data: [good, badDate, badSupplement, badStatus, { MaHoSo: 'MAL.EMPTY' }] })).json();
      expect(r.error_code).toBe('05');
      expect(r.message).toMatch(/^4\/5 hồ sơ bị từ chối/);
      const codes = r.errors.map((e: { MaHoSo: string; code: string }) => `${e.MaHoSo}:${e.code}`);
      expect(codes).toEqual(['MAL.DATE:INVALID_DATE', 'MAL.SUPP:INVALID_DATE', 'MAL.STATUS:INVALID_STATUS', 'MAL.EMPTY:MISSING_FIELD', 'MAL.EMPTY:MISSING_FIELD']);
      expect(r.errors[0].message).toBe('NgayKetThucXuLy "2026-03-04 10:00" không đúng dạng yyyyMMddHHmmss (giờ Việt Nam), ví dụ 20260302090000.');
      expect((await lookup('MAL.GOOD')).statusCode).toBe(2);
      for (const c of ['MAL.DATE', 'MAL.SUPP', 'MAL.STATUS']) expect((await t.app.inject({ method: 'GET', url: `/api/public/dossiers/${c}` })).statusCode).toBe(404);
      expect((await snapshotsOf('MAL.SUPP'))).toEqual([{ outcome: 'refused', error_code: 'INVALID_DATE', events: 0 }]);
    });
  });

  describe('an unknown unit name (DonViXuLy) and an unknown procedure code (MaTTHC)', () => {
    it('held, listed for the administrator, and applied in order after mapping: never dropped', async () => {
      const name = 'Trung tâm Phục vụ hành chính công tỉnh (cơ sở 2)';
      const d = DOSSIERS[1];
      const msgs = d.steps.map((_, i) => snapshotOf(d, i, name, 'HELD.1'));
      for (const [i, s] of msgs.entries()) {
        const r = (await sync({ service: 'DongBoHoSoMC', data: [s] })).json();
        expect(r.error_code).toBe('00');
        expect(r.held).toHaveLength(1);
        // the progress updates of a held dossier are held behind it, in order
        expect((await sync({ service: 'CapNhatTienDoHoSoMC', data: [progressOf(d, i, 'HELD.1')] })).json()).toMatchObject({ error_code: '00', held: [{ MaHoSo: 'HELD.1' }] });
      }
      expect((await t.app.inject({ method: 'GET', url: '/api/public/dossiers/HELD.1' })).statusCode).toBe(404);
      const o = (await as(t.app, admin).get('/api/dvcqg/sources')).json();
      const waiting = o.unresolvedUnits.find((u: { text: string }) => u.text === name);
      expect(waiting).toMatchObject({ dossiers: 1 });
      expect(o.sources[0].today.held).toBeGreaterThanOrEqual(8);

      const centre = (await t.app.inject({ method: 'GET', url: '/api/org-units?asOf=2026-03-01' })).json().find((u: { code: string }) => u.code === 'TN.STP');
      const mapped = await as(t.app, admin).post('/api/dvcqg/mappings/units', { text: name, unitId: centre.id });
      expect(mapped.statusCode).toBe(200);
      expect(mapped.json()).toMatchObject({ records: 8, held: 0, refused: 0 });
      const l = await lookup('HELD.1');
      expect(l).toMatchObject({ statusCode: 10 });
      expect(l.history.map((h: { kind: string }) => h.kind)).toEqual(['received', 'transferred', 'processed', 'result_returned']);
      expect((await detail('HELD.1')).outcome).toBe('late');
      expect((await as(t.app, admin).get('/api/dvcqg/sources')).json().unresolvedUnits.find((u: { text: string }) => u.text === name)).toBeUndefined();
      // remembered: the next dossier with that name applies at once
      const next = (await sync({ service: 'DongBoHoSoMC', data: [snapshotOf(d, 0, name, 'HELD.2')] })).json();
      expect(next).toMatchObject({ error_code: '00' });
      expect(next.held).toBeUndefined();
    });

    it('an unknown national procedure code is held until it is given to a procedure of the catalogue', async () => {
      const s = { ...snap('HELDP.1', 9, { NgayKetThucXuLy: '20260304100000' }), MaTTHC: '2.000123', TenTTHC: 'Cấp lại Phiếu lý lịch tư pháp', TenLinhVuc: 'Lý lịch tư pháp' };
      expect((await sync({ service: 'DongBoHoSoMC', data: [s] })).json()).toMatchObject({ error_code: '00', held: [{ MaHoSo: 'HELDP.1' }] });
      const o = (await as(t.app, admin).get('/api/dvcqg/sources')).json();
      expect(o.unresolvedProcedures).toContainEqual(expect.objectContaining({ code: '2.000123', name: 'Cấp lại Phiếu lý lịch tư pháp', field: 'Lý lịch tư pháp', dossiers: 1 }));
      const proc = (await t.app.inject({ method: 'GET', url: '/api/procedures?q=MAU.TP.01' })).json().items[0];
      // given to MAU.DN.02 (MAU.TP.01 keeps its own)
      const other = (await t.app.inject({ method: 'GET', url: '/api/procedures?q=MAU.DN.02' })).json().items[0];
      expect(proc.nationalCode).toBe(NATIONAL_CODE);
      const r = await as(t.app, admin).post('/api/dvcqg/mappings/procedures', { nationalCode: '2.000123', procedureId: other.id });
      expect(r.json()).toMatchObject({ records: 1, applied: 1 });
      expect(await lookup('HELDP.1')).toMatchObject({ statusCode: 9, procedure: other.name });
      expect((await as(t.app, admin).post('/api/dvcqg/mappings/procedures', { nationalCode: NATIONAL_CODE, procedureId: other.id })).statusCode).toBe(409);
    });
  });

  it('the procedure import gives a held national code its procedure, names and field filled from what the senders sent (LayThuTuc-style)', async () => {
    const s = { ...snap('HELDP.2', 2), MaTTHC: '3.000777', TenTTHC: 'Đăng ký thường trú', TenLinhVuc: 'Đăng ký, quản lý cư trú' };
    expect((await sync({ service: 'DongBoHoSoMC', data: [s] })).json()).toMatchObject({ held: [{ MaHoSo: 'HELDP.2' }] });
    const csv = ['Mã TTHC,Tên TTHC,Lĩnh vực,Cấp thực hiện,Cơ quan thực hiện,Thời hạn giải quyết,Mức độ DVC trực tuyến,"Phí, lệ phí",Căn cứ pháp lý,Mã TTHC quốc gia', 'MAU.CA.01,,,Cấp tỉnh,Sở Tư pháp,7 ngày làm việc,Một phần,,,3.000777'].join('\r\n');
    const r = await as(t.app, admin).upload('/api/procedures/import', 'ds.csv', Buffer.from(csv));
    expect(r.statusCode, r.body).toBe(200);
    const p = (await t.app.inject({ method: 'GET', url: '/api/procedures?q=3.000777' })).json().items[0];
    expect(p).toMatchObject({ code: 'MAU.CA.01', nationalCode: '3.000777', name: 'Đăng ký thường trú', field: 'Đăng ký, quản lý cư trú' });
    expect(await lookup('HELDP.2')).toMatchObject({ statusCode: 2, procedure: 'Đăng ký thường trú' });
  });

  describe('two syncs of the same dossiers at once give the result of one after the other', () => {
    const N = 40;
    const codes = Array.from({ length: N }, (_, i) => `RACE.${String(i).padStart(3, '0')}`);
    it('a snapshot "processed" and an earlier progress "transferred"', async () => {
      expect((await sync({ service: 'DongBoHoSoMC', data: codes.map((c) => snap(c, 2)) })).json().error_code).toBe('00');
      const [a, b] = await Promise.all([
        sync({ service: 'DongBoHoSoMC', data: codes.map((c) => snap(c, 9, { NgayKetThucXuLy: '20260304100000' })) }),
        sync({ service: 'CapNhatTienDoHoSoMC', data: codes.map((c) => ({ MaHoSo: c, TrangThai: '4', ThoiDiemXuLy: '20260303100000' })) }),
      ]);
      // processed first: the transfer comes after the end and is refused, every record; transferred first: both apply
      const order = [a.json().error_code, b.json().error_code];
      expect([['00', '05'], ['00', '00']]).toContainEqual(order);
      for (const c of [codes[0], codes[N - 1]]) {
        const kinds = (await lookup(c)).history.map((h: { kind: string }) => h.kind);
        expect(kinds).toEqual(order[1] === '00' ? ['received', 'transferred', 'processed'] : ['received', 'processed']);
      }
      if (order[1] === '05') expect(b.json().errors).toHaveLength(N);
    });
    it('the same message twice at once: applied once, unchanged the other time; the counters hold', async () => {
      const data = codes.map((c) => snap(c, 10, { NgayKetThucXuLy: '20260304100000', NgayTra: '20260305100000' }));
      const [a, b] = await Promise.all([sync({ service: 'DongBoHoSoMC', data }), sync({ service: 'DongBoHoSoMC', data })]);
      const msgs = [a.json().message, b.json().message].sort();
      expect(msgs).toEqual([`Đã nhận ${N} hồ sơ: 0 cập nhật, ${N} không thay đổi, 0 chờ ánh xạ, 0 bị từ chối.`, `Đã nhận ${N} hồ sơ: ${N} cập nhật, 0 không thay đổi, 0 chờ ánh xạ, 0 bị từ chối.`]);
      const stats = async () => (await as(t.app, admin).get('/api/dossiers/stats?from=2026-03-01&to=2026-03-31&by=unit')).json();
      const counted = await stats();
      await as(t.app, admin).post('/api/dossiers/counters/rebuild');
      expect(await stats()).toEqual(counted);
    });
  });

  it('personal fields are not in the database: no text or jsonb column holds a marked value', async () => {
    const cols = await rows<{ table_name: string; column_name: string }>(sql`SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('text', 'jsonb', 'json', 'character varying', 'ARRAY')`);
    expect(cols.length).toBeGreaterThan(50);
    const found: string[] = [];
    for (const { table_name, column_name } of cols) {
      const any = sql.join(PERSONAL_MARKERS.map((m) => sql`${sql.identifier(column_name)}::text ILIKE ${`%${m}%`}`), sql` OR `);
      const [{ n }] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table_name)} WHERE ${any}`);
      if (n > 0) found.push(`${table_name}.${column_name}`);
    }
    expect(found).toEqual([]);
    // and the markers were sent: the kept snapshots do hold the dossiers
    const [{ n }] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM dvcqg_snapshots WHERE dossier_code LIKE 'LLTP.2603.%'`);
    expect(n).toBeGreaterThan(20);
  });

  it('only the administrator manages the sources', async () => {
    const officer = await login(t.app, 'stp.canbo');
    expect((await as(t.app, officer).get('/api/dvcqg/sources')).statusCode).toBe(403);
    expect((await as(t.app, officer).post('/api/dvcqg/mappings/units', { text: 'x', unitId: 1 })).statusCode).toBe(403);
    expect((await as(t.app, null).get('/api/dvcqg/sources')).statusCode).toBe(401);
  });
});
