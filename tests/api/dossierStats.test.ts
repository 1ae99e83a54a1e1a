import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkLoad } from '../../bench/bulkLoad.js';
import { bruteForceReport } from '../helpers/bruteForce.js';
import { onlineServices, resolveScope } from '../../server/modules/dossiers/stats.js';
import { as, ENGINES, login, type Session, type TestApp, testApp, unitId } from '../helpers/app.js';
import { type GeneratedDossier, sendGeneratedDossiers } from '../helpers/generatedDossiers.js';

const KEY = 'test-ingest-key-0123456789';

type Generated = GeneratedDossier;

describe.each(ENGINES)('dossier statistics on %s', (engine) => {
  let app: TestApp;
  let admin: Session;
  const gen: Generated[] = [];
  const batches: object[][] = [];
  const ids = new Map<string, number>();

  beforeAll(async () => {
    app = await testApp(engine, { ingestApiKey: KEY });
    admin = await login(app.app, 'admin');
    // units before and after the reform of 1/7/2025 (LA.STP → TN.STP; LA.TANAN.P1 → TN.PLONGAN)
    const plan: [string, string, string][] = [
      ['MAU.TP.01', 'LA.STP', 'TN.STP'],
      ['MAU.CT.01', 'LA.TANAN.P1', 'TN.PLONGAN'],
      ['MAU.HT.01', 'LA.TANAN.P2', 'TN.PLONGAN'],
      ['MAU.DN.01', 'LA.STC', 'TN.STC'],
    ];
    const sent = await sendGeneratedDossiers(app.app, app.database, admin, KEY, { seed: 2025, count: 700, plan, from: '2025-05-01T00:00:00', to: '2026-10-20T00:00:00', until: '2026-11-01T00:00:00', lateBias: 0.2, prefix: 'G-' });
    gen.push(...sent.dossiers);
    batches.push(...sent.batches);
    for (const code of ['TN.STP', 'TN.PLONGAN', 'TN']) ids.set(code, await unitId(app.app, code, '2026-01-01'));
  }, 120_000);
  afterAll(() => app.close());

  const stats = async (q: string, s: Session = admin) => {
    const res = await as(app.app, s).get(`/api/dossiers/stats?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const counts = (x: Record<string, unknown>) => {
    const { unit: _u, from: _f, to: _t, judgedAt: _j, onTimeRate: _a, lateRate: _b, onlineRate: _c, groups: _g, ...rest } = x;
    return rest;
  };

  const scopes: [string, string | null, string[]][] = [
    ['the whole province', null, ['LA.STP', 'TN.STP', 'LA.TANAN.P1', 'LA.TANAN.P2', 'TN.PLONGAN', 'LA.STC', 'TN.STC']],
    ['Sở Tư pháp with its Long An predecessor', 'TN.STP', ['LA.STP', 'TN.STP']],
    ['Phường Long An with the three wards it came from', 'TN.PLONGAN', ['LA.TANAN.P1', 'LA.TANAN.P2', 'TN.PLONGAN']],
  ];
  const periods: [string, string][] = [
    ['2025-05-01', '2025-06-30'],
    ['2025-06-15', '2025-07-15'], // across the reform
    ['2026-01-01', '2026-03-31'],
    ['2026-02-14', '2026-02-22'], // Tết: no receipts
    ['2026-10-01', '2026-10-31'],
    ['2024-01-01', '2024-12-31'], // before any dossier
  ];
  it.each(scopes.flatMap(([name, unit, codes]) => periods.map(([from, to]) => [name, from, to, unit, codes] as const)))(
    '%s, %s – %s: agrees with replaying every dossier',
    async (_n, from, to, unit, codes) => {
      const q = `from=${from}&to=${to}${unit ? `&unit=${ids.get(unit)}` : ''}`;
      const got = await stats(q);
      const brute = bruteForceReport(gen.filter((g) => codes.includes(g.unit)), from, to);
      expect(counts(got)).toEqual(brute);
    },
  );

  it('has data of every kind in it (the comparison is not vacuous)', async () => {
    const s = await stats('from=2025-01-01&to=2026-10-31');
    for (const k of ['early', 'onTime', 'late', 'refused', 'withdrawn', 'notAccepted', 'receivedOnline', 'receivedCounter']) expect(s[k]).toBeGreaterThan(0);
    const q1 = await stats('from=2026-03-01&to=2026-03-31');
    expect(q1.carriedOver).toBeGreaterThan(0);
    expect(q1.inProgressLate + q1.inProgressOnTime).toBe(q1.inProgress);
  });

  it('the same report by procedure, field, level and unit adds up to the total', async () => {
    const q = 'from=2026-01-01&to=2026-06-30';
    const total = await stats(q);
    for (const by of ['procedure', 'field', 'level', 'unit']) {
      const s = await stats(`${q}&by=${by}`);
      for (const k of ['received', 'resolved', 'late', 'inProgress', 'carriedOver']) expect(s.groups.reduce((a: number, g: Record<string, number>) => a + g[k], 0), `${by} ${k}`).toBe(total[k]);
    }
    const byUnit = await stats(`${q}&by=unit`);
    const rates = byUnit.groups.map((g: { onTimeRate: number | null }) => g.onTimeRate ?? -1);
    expect(rates).toEqual([...rates].sort((a: number, b: number) => b - a));
  });

  it('drills down: each figure lists exactly its dossiers', async () => {
    const q = `from=2026-01-01&to=2026-03-31&unit=${ids.get('TN.PLONGAN')}`;
    const s = await stats(q);
    const cats: [string, string][] = [['received', 'received'], ['resolved', 'resolved'], ['early', 'early'], ['on_time', 'onTime'], ['late', 'late'], ['refused', 'refused'], ['withdrawn', 'withdrawn'], ['in_progress', 'inProgress'], ['in_progress_late', 'inProgressLate'], ['in_progress_on_time', 'inProgressOnTime'], ['carried_over', 'carriedOver']];
    for (const [cat, key] of cats) {
      const res = await as(app.app, admin).get(`/api/dossiers?${q}&category=${cat}&limit=200`);
      expect(res.statusCode).toBe(200);
      expect(res.json().total, cat).toBe(s[key]);
    }
    const late = (await as(app.app, admin).get(`/api/dossiers?${q}&category=late&limit=5`)).json();
    for (const d of late.items) expect(d.result).toBe('late');
  });

  it('the list and the detail name the receiving unit, under the name it had when it received the dossier', async () => {
    // before the reform the dossiers of Phường Long An were received by the wards of Tân An
    const before = (await as(app.app, admin).get(`/api/dossiers?from=2025-05-01&to=2025-06-30&unit=${ids.get('TN.PLONGAN')}&category=received&limit=200`)).json();
    const names = new Set(before.items.map((d: { unitName: string }) => d.unitName));
    expect([...names].sort()).toEqual(['Phường 1', 'Phường 2']);
    const after = (await as(app.app, admin).get(`/api/dossiers?from=2026-01-01&to=2026-03-31&unit=${ids.get('TN.PLONGAN')}&category=received&limit=50`)).json();
    expect(after.items.length).toBeGreaterThan(0);
    for (const d of after.items) expect(d.unitName).toBe('Phường Long An');
    const one = (await as(app.app, admin).get(`/api/dossiers/${before.items[0].id}`)).json();
    expect(one.unitName).toBe(before.items[0].unitName);
    const stp = (await as(app.app, admin).get(`/api/dossiers?from=2026-01-01&to=2026-03-31&unit=${ids.get('TN.STP')}&category=received&limit=1`)).json();
    expect((await as(app.app, admin).get(`/api/dossiers/${stp.items[0].id}`)).json().unitName).toBe('Sở Tư pháp');
  });

  it('a re-sent batch changes no figure; neither does rebuilding the counters from the dossiers', async () => {
    const q = 'from=2025-05-01&to=2026-10-31';
    const before = await stats(q);
    const again = await app.app.inject({ method: 'POST', url: '/api/dossiers/events', payload: batches[0], headers: { 'x-api-key': KEY } });
    expect(again.json().applied).toBe(0);
    expect(await stats(q)).toEqual(before);
    expect((await as(app.app, admin).post('/api/dossiers/counters/rebuild')).statusCode).toBe(200);
    expect(await stats(q)).toEqual(before);
    const trend = (await as(app.app, admin).get(`/api/dossiers/stats/trend?${q}`)).json();
    expect(trend.months.map((m: { month: string }) => m.month)).toHaveLength(18);
    expect(trend.months.reduce((a: number, m: { received: number }) => a + m.received, 0)).toBe(before.received);
    expect(trend.months.at(-1).inProgress).toBe(before.inProgress);
  });

  it('exports the report to Excel, read back the same', async () => {
    const res = await as(app.app, admin).get('/api/dossiers/stats.xlsx?from=2026-01-01&to=2026-06-30');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Theo đơn vị', 'Theo thủ tục', 'Theo lĩnh vực', 'Theo cấp']);
    const s = await stats('from=2026-01-01&to=2026-06-30');
    const row = wb.getWorksheet('Tổng hợp')!.getRow(3).values as unknown[];
    expect(row[1]).toBe('Toàn tỉnh');
    expect(row.slice(2, 10)).toEqual([s.carriedOver, s.received, s.receivedOnline, s.receivedCounter, s.resolved, s.early, s.onTime, s.late]);
    expect(row[16]).toBe(s.onTimeRate);
  });

  it('gives the Decision 766 index of a quarter, with "no data" where the data cannot tell', async () => {
    const res = await as(app.app, admin).get(`/api/index766?unit=${ids.get('TN.STP')}&period=2026-Q1`);
    expect(res.statusCode, res.body).toBe(200);
    const idx = res.json();
    expect(idx).toMatchObject({ period: '2026-Q1', from: '2026-01-01', to: '2026-03-31', complete: false, band: null });
    const c = Object.fromEntries(idx.groups.flatMap((g: { components: { key: string }[] }) => g.components).map((x: { key: string }) => [x.key, x]));
    const r = idx.report;
    const onTime = r.early + r.onTime + r.refused - r.refusedLate + r.inProgressOnTime;
    const judged = r.resolved + r.refused + r.inProgress;
    expect(c['2.1'].points).toBeCloseTo((20 * onTime) / judged, 2);
    for (const k of ['1.1', '1.2', '1.3', '3.4', '4.1', '4.2', '4.3', '5.4']) expect(c[k].points).toBeNull();
    // 5.2 from the feedback counters of the quarter: 6 × on-time rate (open items past their deadline late), 6 when none
    const fb = (await as(app.app, admin).get(`/api/feedback/stats?unit=${ids.get('TN.STP')}&from=2026-01-01&to=2026-03-31`)).json();
    expect(c['5.2'].points).toBe(fb.onTimeRate === null ? 6 : Math.round(6 * fb.onTimeRate * 100) / 100);
    expect(idx.estimate.score).toBeGreaterThan(0);
    for (const p of ['2026', '2026-03']) expect((await as(app.app, admin).get(`/api/index766?period=${p}`)).statusCode).toBe(200);
    const bad = await as(app.app, admin).get('/api/index766?period=2026-Q5');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('INVALID_PERIOD');
  });

  it('counts the online procedures that had online dossiers (766 criterion 3.2) as a plain count of the dossiers does, edge days too', async () => {
    const db = app.database.db;
    const found: number[] = [];
    for (const [, unit] of scopes)
      for (const [from, to] of [...periods, ['2025-05-20', '2026-06-10'] as [string, string]]) {
        const scope = await resolveScope(db, unit ? ids.get(unit) : undefined);
        const inScope = (col: string) => (scope.unitIds ? sql`and ${sql.raw(col)} in (${sql.join(scope.unitIds.map((id) => sql`${id}`), sql`, `)})` : sql``);
        const [plain] = ((await db.execute(
          sql`select count(*)::int as total, count(*) filter (where p.online_level <> 'none')::int as online,
                     count(*) filter (where p.online_level <> 'none' and exists (select 1 from dossiers d where d.procedure_id = p.id and d.channel = 'online'
                       and d.received_on between ${from} and ${to} ${inScope('d.unit_id')}))::int as used
              from procedures p where true ${inScope('p.agency_unit_id')}`,
        )) as unknown as { rows: { total: number; online: number; used: number }[] }).rows;
        const got = await onlineServices(db, scope, from, to);
        expect(got, `${unit} ${from}–${to}`).toEqual({ total: plain.total, online: plain.online, onlineWithDossiers: plain.used });
        found.push(got.onlineWithDossiers);
      }
    // not vacuous: some windows have online procedures with dossiers, some none
    expect(Math.max(...found)).toBeGreaterThan(0);
    expect(Math.min(...found)).toBe(0);
  });

  it('bad ranges and strangers get clear errors; unit staff see their own unit only', async () => {
    expect((await as(app.app, admin).get('/api/dossiers/stats?from=2026-03-31&to=2026-01-01')).json().code).toBe('INVALID_RANGE');
    expect((await as(app.app, admin).get('/api/dossiers/stats?from=2026-02-30&to=2026-03-01')).statusCode).toBe(400);
    expect((await as(app.app, null).get('/api/dossiers/stats?from=2026-01-01&to=2026-03-01')).statusCode).toBe(401);
    const officer = await login(app.app, 'stp.canbo');
    const own = await stats('from=2026-01-01&to=2026-03-31', officer);
    expect(own.unit.id).toBe(ids.get('TN.STP'));
    expect((await as(app.app, officer).get(`/api/dossiers/stats?from=2026-01-01&to=2026-03-31&unit=${ids.get('TN.PLONGAN')}`)).statusCode).toBe(403);
  });
});

describe.each(ENGINES)('seed 002 at full size on %s', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp(engine);
    const db = app.database.db;
    const unit = await unitId(app.app, 'LA', '2020-06-01');
    const [{ id: proc }] = ((await db.execute(sql`select id from procedures order by id limit 1`)) as unknown as { rows: { id: number }[] }).rows;
    // 741,145 dossiers resolved in 2020, 1,049 of them late
    await bulkLoad(db, [{ count: 741_145, unitIds: [unit], procedureIds: [proc], start: '2020-01-01', days: 355, lateCount: 1_049, source: 'seed002' }]);
  }, 300_000);
  afterAll(() => app.close());

  it('reports 740,096 on time or early (99,86 %) and 1,049 late (0,14 %), as a plain count of the dossiers does', async () => {
    const admin = await login(app.app, 'admin');
    const s = (await as(app.app, admin).get(`/api/dossiers/stats?from=2020-01-01&to=2020-12-31&unit=${await unitId(app.app, 'LA', '2020-06-01')}`)).json();
    expect(s).toMatchObject({ received: 741_145, resolved: 741_145, late: 1_049, inProgress: 0, onTimeRate: 99.86, lateRate: 0.14 });
    expect(s.early + s.onTime).toBe(740_096);
    const [plain] = ((await app.database.db.execute(sql`select count(*) filter (where result in ('early', 'on_time'))::int as ok, count(*) filter (where result = 'late')::int as late from dossiers where ended_on between '2020-01-01' and '2020-12-31'`)) as unknown as { rows: { ok: number; late: number }[] }).rows;
    expect(plain).toEqual({ ok: 740_096, late: 1_049 });
  });
});
