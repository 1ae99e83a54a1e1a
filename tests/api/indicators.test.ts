import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { combine, ratioValue } from '../../domain/indicators/indicator.js';
import { as, ENGINES, login, type TestApp, testApp, unitId } from '../helpers/app.js';

describe.each(ENGINES)('indicators and targets on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(engine, { demoDossiers: true });
  }, 180_000);
  afterAll(() => t.close());

  it('lists the computed indicators of every module and those units enter', async () => {
    const admin = await login(t.app, 'admin');
    const list = (await as(t.app, admin).get('/api/indicators')).json() as { code: string; source: string; aggregation: string }[];
    const byCode = new Map(list.map((i) => [i.code, i]));
    for (const c of ['dossiers.received', 'dossiers.onTimeRate', 'dossiers.onlineRate', 'services.onlineWithDossiers', 'plans.tasksDone', 'par.index']) expect(byCode.get(c)?.source).toBe('computed');
    expect(byCode.get('work.onlineRecords')).toMatchObject({ source: 'entered', aggregation: 'ratio' });
  });

  it.each(['dossiers.received', 'dossiers.onTimeRate', 'dossiers.onlineRate'])('the province’s %s is its units’ combined as the indicator says (ratios as ratios of sums)', async (code) => {
    const admin = await login(t.app, 'admin');
    for (const period of ['2026-Q1', '2026-6M', '2026']) {
      const r = (await as(t.app, admin).get(`/api/indicators/${code}/values?period=${period}&by=unit`)).json();
      expect(r.window.from < r.window.to).toBe(true);
      const parts = r.units.map((u: { value: number | null; numerator?: number; denominator?: number }) => (u.numerator !== undefined && u.numerator !== null ? ratioValue(u.numerator, u.denominator!) : { value: u.value }));
      const combined = combine(r.indicator.aggregation, parts);
      expect(r.value, `${code} ${period}`).toBe(combined.value ?? (r.indicator.aggregation === 'sum' ? 0 : null));
      if (r.indicator.aggregation === 'ratio') expect([r.numerator, r.denominator]).toEqual([combined.numerator, combined.denominator]);
    }
  });

  it('the reporting window by default, the calendar period on request', async () => {
    const admin = await login(t.app, 'admin');
    const w = (await as(t.app, admin).get('/api/indicators/dossiers.received/values?period=2026-Q1')).json().window;
    expect(w).toMatchObject({ from: '2025-12-15', to: '2026-03-14', calendar: false });
    const c = (await as(t.app, admin).get('/api/indicators/dossiers.received/values?period=2026-Q1&calendar=true')).json().window;
    expect(c).toMatchObject({ from: '2026-01-01', to: '2026-03-31', calendar: true });
    expect((await as(t.app, admin).get('/api/indicators/dossiers.received/values?period=2026-Q5')).json().code).toBe('INVALID_PERIOD');
    expect((await as(t.app, admin).get('/api/indicators/nope/values?period=2026')).statusCode).toBe(404);
  });

  it('a unit enters its own value; a ratio needs both parts; bad values are refused and change nothing', async () => {
    const officer = await login(t.app, 'stp.canbo');
    const stp = await unitId(t.app, 'TN.STP', '2026-01-01');
    const stc = await unitId(t.app, 'TN.STC', '2026-01-01');
    const put = (body: object) => as(t.app, officer).put('/api/indicators/work.onlineRecords/values', body);
    expect((await put({ unitId: stp, period: '2026-Q3', value: 80 })).json().code).toBe('INVALID_VALUE');
    expect((await put({ unitId: stp, period: '2026-Q3', numerator: -1, denominator: 10 })).json().code).toBe('INVALID_VALUE');
    expect((await put({ unitId: stp, period: '2026-Q3', numerator: 1, denominator: 0 })).json().code).toBe('INVALID_VALUE');
    expect((await put({ unitId: stp, period: '2026-Q9', numerator: 1, denominator: 2 })).json().code).toBe('INVALID_PERIOD');
    expect((await put({ unitId: stc, period: '2026-Q3', numerator: 1, denominator: 2 })).statusCode).toBe(403);
    const ok = await put({ unitId: stp, period: '2026-Q3', numerator: 873, denominator: 1000, note: 'Theo hệ thống quản lý văn bản' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ value: 87.3, numerator: 873, denominator: 1000 });
    const mine = (await as(t.app, officer).get(`/api/indicators/work.onlineRecords/values?period=2026-Q3&unit=${stp}`)).json();
    expect(mine).toMatchObject({ value: 87.3, entered: true });
    // another unit's figures are not the officer's to read
    expect((await as(t.app, officer).get(`/api/indicators/work.onlineRecords/values?period=2026-Q3&unit=${stc}`)).statusCode).toBe(403);
    const admin = await login(t.app, 'admin');
    const audit = (await as(t.app, admin).get('/api/audit?action=indicator.value&limit=500')).json();
    expect(audit.some((e: { unitId: number; after: { numerator: string } }) => e.unitId === stp && Number(e.after.numerator) === 873)).toBe(true);
  });

  it('the province’s entered value combines its units’ values (ratio of their sums)', async () => {
    const admin = await login(t.app, 'admin');
    const ids = await Promise.all(['TN.STC', 'TN.SXD'].map((c) => unitId(t.app, c, '2026-01-01')));
    await as(t.app, admin).put('/api/indicators/work.onlineRecords/values', { unitId: ids[0], period: '2026-Q2', numerator: 90, denominator: 100 });
    await as(t.app, admin).put('/api/indicators/work.onlineRecords/values', { unitId: ids[1], period: '2026-Q2', numerator: 10, denominator: 100 });
    const p = (await as(t.app, admin).get('/api/indicators/work.onlineRecords/values?period=2026-Q2')).json();
    expect(p).toMatchObject({ value: 50, numerator: 100, denominator: 200 });
  });

  it('2023 targets of seed 003: each unit of the level against its target, and the counts add up', async () => {
    const admin = await login(t.app, 'admin');
    const s = (await as(t.app, admin).get('/api/targets?year=2023')).json();
    expect(s.window).toMatchObject({ from: '2022-12-15', to: '2023-12-14' });
    const byLevel = (level: string | null) => s.targets.find((x: { code: string; level: string | null }) => x.code === 'work.onlineRecords' && x.level === level);
    for (const [level, value] of [['department', 86], ['district', 70], ['commune', 60]] as const) {
      const tg = byLevel(level);
      expect(tg.target).toEqual({ comparator: '>=', value });
      expect(tg.met + tg.notMet + tg.noData).toBe(tg.units.length);
      for (const u of tg.units) expect(u.state).toBe(u.actual === null ? 'no_data' : u.actual >= value ? 'met' : 'not_met');
    }
    // 15 district-level units of Long An in 2023
    expect(byLevel('district').units).toHaveLength(15);
    const online = s.targets.find((x: { code: string }) => x.code === 'dossiers.onlineRate');
    expect(online.units[0].unitName).toBe('Tỉnh Long An');
    expect(online.units[0].actual).not.toBeNull();
  });

  it('2020 targets come from the plan’s target lines; without records the unit’s reported figure stands, marked as entered', async () => {
    const admin = await login(t.app, 'admin');
    const s = (await as(t.app, admin).get('/api/targets?year=2020')).json();
    const onTime = s.targets.find((x: { code: string }) => x.code === 'dossiers.onTimeRate');
    expect(onTime.planTargetId).not.toBeNull();
    expect(onTime.units[0]).toMatchObject({ unitName: 'Tỉnh Long An', entered: true, state: 'met' });
    expect(onTime.targetText).toBe('> 98 %');
  });

  it('targets are the administrator’s to set', async () => {
    const officer = await login(t.app, 'stp.canbo');
    expect((await as(t.app, officer).post('/api/targets', { code: 'dossiers.onTimeRate', year: 2026, comparator: '>=', value: 95 })).statusCode).toBe(403);
    const admin = await login(t.app, 'admin');
    expect((await as(t.app, admin).post('/api/targets', { code: 'nope', year: 2026, comparator: '>=', value: 95 })).statusCode).toBe(404);
    expect((await as(t.app, admin).post('/api/targets', { code: 'dossiers.onTimeRate', year: 2026, comparator: '>=', value: -1 })).statusCode).toBe(400);
    const created = await as(t.app, admin).post('/api/targets', { code: 'dossiers.onTimeRate', year: 2026, comparator: '>=', value: 95, text: '95% hồ sơ đúng hạn' });
    expect(created.statusCode).toBe(201);
    const s = (await as(t.app, admin).get('/api/targets?year=2026')).json();
    expect(s.targets.map((x: { id: number }) => x.id)).toContain(created.json().id);
    expect((await as(t.app, admin).delete(`/api/targets/${created.json().id}`)).statusCode).toBe(204);
  });
});
