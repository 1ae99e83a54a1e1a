/**
 * The leaders' overview: every tile's value is the figure of the page its link opens (same unit, same
 * period), on generated dossiers and on the demo; a 2024 window shows Long An's units; scoped staff see only
 * their unit; the public figures carry nothing unpublished.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetPublicOverview } from '../../server/modules/overview/publicOverview.js';
import { as, ENGINES, login, type Session, type TestApp, testApp, unitId } from '../helpers/app.js';
import { sendGeneratedDossiers } from '../helpers/generatedDossiers.js';

const KEY = 'test-ingest-key-0123456789';

interface Tile {
  key: string;
  value: number | null;
  target: number | null;
  link: string | null;
  state: string;
  worst: { unitId: number; unitName: string; value: number; link: string | null }[];
}
interface Overview {
  unit: { id: number; name: string; type: string };
  from: string;
  to: string;
  judgedAt: string;
  units: { id: number; name: string; type: string }[];
  tiles: Tile[];
}

type Get = (url: string) => Promise<{ statusCode: number; json: () => any; body: string }>;

/**
 * The figure the page of a link shows, read from the API that page reads (web/features/…: the dashboard reads
 * /api/dossiers/stats, the 766 page /api/index766, the year's tasks /api/plans/year-tasks, …).
 */
async function pageFigure(get: Get, key: string, link: string, unit: Overview['unit']): Promise<number | null> {
  const url = new URL(link, 'http://x');
  const p = url.searchParams;
  const json = async (api: string) => {
    const r = await get(api);
    expect(r.statusCode, `${api}: ${r.body}`).toBe(200);
    return r.json();
  };
  switch (url.pathname) {
    case '/dossiers': {
      const s = await json(`/api/dossiers/stats?${p}`);
      return { dossiersOnTimeRate: s.onTimeRate, dossiersOnlineRate: s.onlineRate, dossiersReceived: s.received, dossiersOpenLate: s.inProgressLate }[key] ?? null;
    }
    case '/feedback/figures': {
      const s = await json(`/api/feedback/stats?${p}`);
      return key === 'feedbackOpenLate' ? s.openLate : s.onTimeRate === null ? null : Math.round(s.onTimeRate * 10_000) / 100;
    }
    case '/surveys/results': {
      const s = await json(`/api/satisfaction?${p}`);
      return s.overall.index;
    }
    case '/index766': {
      const i = await json(`/api/index766?${p}`);
      return i.complete ? i.total : (i.estimate?.score ?? null);
    }
    case '/plans/year-tasks': {
      const y = await json(`/api/plans/year-tasks?${p}`);
      return key === 'planTasksOverdue' ? y.overdue : y.percent;
    }
    case '/indicators/targets': {
      const s = await json(`/api/targets?${p}`);
      const sum = (k: 'met' | 'notMet') => s.targets.reduce((a: number, x: Record<string, number>) => a + x[k], 0);
      return key === 'targetsMet' ? sum('met') : sum('notMet');
    }
    case '/reports': {
      const r = await json(`/api/reports?${p}`);
      return key === 'reportsSubmitted' ? r.counts.submitted : r.counts.units - r.counts.submitted;
    }
    case '/staffing': {
      const s = await json(`/api/staffing?${p}`);
      return key === 'staffingCivilServantsAssigned' ? s.total.civilServants.assigned : s.total.civilServants.present;
    }
    default: {
      const own = /^\/reports\/([\w-]+)\/units\/(\d+)$/.exec(url.pathname);
      if (own) {
        const r = await json(`/api/reports/cchc?period=${own[1]}&unit=${own[2]}`);
        const submitted = r.state === 'submitted' ? 1 : 0;
        return key === 'reportsSubmitted' ? submitted : 1 - submitted;
      }
      const m = /^\/par\/rounds\/(\d+)\/results$/.exec(url.pathname);
      if (m) {
        const r = await json(`/api/par/rounds/${m[1]}/results`);
        const mine = r.units.find((u: { unitId: number }) => u.unitId === unit.id);
        if (mine) return mine.index;
        // the province: the mean of its units' indexes (the results page lists them all)
        const idx = r.units.map((u: { index: number | null }) => u.index).filter((x: number | null): x is number => x !== null);
        return idx.length ? Math.round((idx.reduce((a: number, b: number) => a + b, 0) / idx.length) * 100) / 100 : null;
      }
      throw new Error(`no page figure for ${link}`);
    }
  }
}

const KEYS = ['dossiersOnTimeRate', 'dossiersOnlineRate', 'planTasksDone', 'planTasksOverdue', 'index766', 'feedbackOnTimeRate', 'satisfaction', 'parIndex', 'reportsSubmitted', 'reportsMissing', 'targetsMet', 'targetsMissed'];

async function checkTiles(get: Get, o: Overview) {
  for (const k of KEYS) expect(o.tiles.map((x) => x.key), k).toContain(k);
  let compared = 0;
  for (const tile of o.tiles) {
    if (!tile.link) {
      // the slots of modules not merged yet: no number, never a fake one
      expect(tile.value, tile.key).toBeNull();
      expect(tile.state).toBe('no_data');
      continue;
    }
    expect(await pageFigure(get, tile.key, tile.link, o.unit), `${tile.key} ${tile.link}`).toBe(tile.value);
    compared++;
    // each worst unit's figure is that unit's (the same tile for it alone)
    for (const w of tile.worst.slice(0, 1)) {
      const one = (await get(`/api/overview?unit=${w.unitId}&from=${o.from}&to=${o.to}&only=${tile.key}`)).json() as Overview;
      if (tile.key !== 'reportsMissing') expect(one.tiles[0].value, `${tile.key} worst ${w.unitName}`).toBe(w.value);
    }
  }
  expect(compared).toBeGreaterThan(8);
}

describe.each(ENGINES)('the overview on %s (generated dossiers)', (engine) => {
  let app: TestApp;
  let admin: Session;
  beforeAll(async () => {
    app = await testApp(engine, { ingestApiKey: KEY });
    admin = await login(app.app, 'admin');
    await sendGeneratedDossiers(app.app, app.database, admin, KEY, {
      seed: 14,
      count: 400,
      plan: [
        ['MAU.TP.01', 'LA.STP', 'TN.STP'],
        ['MAU.CT.01', 'LA.TANAN.P1', 'TN.PLONGAN'],
        ['MAU.DN.01', 'LA.STC', 'TN.STC'],
      ],
      from: '2024-03-01T00:00:00',
      to: '2026-10-20T00:00:00',
      until: '2026-11-01T00:00:00',
      lateBias: 0.25,
      prefix: 'OV-',
    });
  }, 180_000);
  afterAll(() => app.close());

  const get = (s: Session) => (url: string) => as(app.app, s).get(url);

  it.each([
    ['the year 2026', 'period=2026'],
    ['the reporting window 2026-Q1', 'period=2026-Q1&window=reporting'],
    ['a range across the reform', 'from=2025-06-01&to=2025-08-31'],
    ['the year 2024 up to 30/09/2024', 'asOf=2024-09-30'],
  ])('%s: every tile equals the figure of the page it opens', async (_n, q) => {
    const res = await as(app.app, admin).get(`/api/overview?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json() as Overview;
    await checkTiles(get(admin), o);
    // the comparison is not vacuous: there are dossiers in it
    expect(o.tiles.find((x) => x.key === 'dossiersReceived')!.value).toBeGreaterThan(0);
  }, 120_000);

  it('a unit’s overview equals its pages; its worst unit’s late dossiers are listed', async () => {
    const stp = await unitId(app.app, 'TN.STP', '2026-01-01');
    const o = (await as(app.app, admin).get(`/api/overview?unit=${stp}&period=2026`)).json() as Overview;
    expect(o.unit.id).toBe(stp);
    await checkTiles(get(admin), o);
    const prov = (await as(app.app, admin).get('/api/overview?period=2026&only=dossiersOnTimeRate')).json() as Overview;
    const worst = prov.tiles[0].worst[0];
    expect(worst.link).toMatch(/^\/dossiers\/list\?.*category=late/);
    const list = (await as(app.app, admin).get(`/api/dossiers?${new URL(worst.link!, 'http://x').searchParams}`)).json();
    const stats = (await as(app.app, admin).get(`/api/dossiers/stats?unit=${worst.unitId}&from=${prov.from}&to=${prov.judgedAt}`)).json();
    expect(list.total).toBe(stats.late);
    // worst first: the rates rise down the list
    const rates = prov.tiles[0].worst.map((w) => w.value);
    expect([...rates].sort((a, b) => a - b)).toEqual(rates);
  });

  it('as of a 2024 date the province and its units are Long An’s; 2026 Tây Ninh’s; re-aggregated onto today’s on request', async () => {
    const o24 = (await as(app.app, admin).get('/api/overview?asOf=2024-06-30&only=dossiersReceived')).json() as Overview;
    expect(o24.unit.name).toMatch(/Long An/);
    const codes24 = (await as(app.app, admin).get('/api/org-units?asOf=2024-06-30')).json() as { id: number; code: string }[];
    const ids24 = new Set(codes24.map((u) => u.id));
    expect(o24.units.length).toBeGreaterThan(10);
    expect(o24.units.every((u) => ids24.has(u.id))).toBe(true);
    expect(o24.units.some((u) => u.type === 'district')).toBe(true);
    const o26 = (await as(app.app, admin).get('/api/overview?period=2026&only=dossiersReceived')).json() as Overview;
    expect(o26.unit.name).toMatch(/Tây Ninh/);
    expect(o26.units.some((u) => u.type === 'district')).toBe(false);
    const onto = (await as(app.app, admin).get('/api/overview?asOf=2024-06-30&onto=today&only=dossiersReceived')).json() as Overview;
    expect(onto.unit.name).toMatch(/Tây Ninh/);
    expect(onto.units.some((u) => u.type === 'district')).toBe(false);
    // the same dossiers, counted under today's province
    expect(onto.tiles[0].value).toBe(o24.tiles[0].value);
  });

  it('exports .xlsx with A4 landscape print setup', async () => {
    const res = await as(app.app, admin).get('/api/overview.xlsx?period=2026');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' });
    expect(String(ws.getCell('A1').value)).toMatch(/TỔNG QUAN/);
    expect(ws.rowCount).toBeGreaterThan(10);
  });

  it('bad input is a 400, not a 500', async () => {
    for (const q of ['period=2026-Q9', 'from=2026-02-01', 'from=2026-03-01&to=2026-01-01', 'asOf=31/12/2024', 'unit=abc']) {
      const res = await as(app.app, admin).get(`/api/overview?${q}`);
      expect(res.statusCode, q).toBe(400);
    }
    expect((await as(app.app, admin).get('/api/overview?unit=999999')).statusCode).toBe(404);
    expect((await as(app.app, null).get('/api/overview')).statusCode).toBe(401);
  });
});

describe.each(ENGINES)('the overview on %s (demo)', (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp(engine, { demoDossiers: true, demoPar: true });
  }, 240_000);
  afterAll(() => app.close());

  it.each(['period=2026', 'period=2025', 'period=2026-Q1&window=reporting', 'asOf=2024-12-31'])('%s: every tile equals its page (leader)', async (q) => {
    const leader = await login(app.app, 'ubnd.lanhdao');
    const o = (await as(app.app, leader).get(`/api/overview?${q}`)).json() as Overview;
    await checkTiles((u) => as(app.app, leader).get(u), o);
  }, 120_000);

  it('the PAR index is that of a published round; a unit officer sees only their own unit; the appraiser lands on appraisal', async () => {
    const officer = await login(app.app, 'stp.canbo');
    const stp = await unitId(app.app, 'TN.STP', '2026-01-01');
    const stc = await unitId(app.app, 'TN.STC', '2026-01-01');
    const mine = (await as(app.app, officer).get('/api/overview?period=2026')).json() as Overview;
    expect(mine.unit.id).toBe(stp);
    expect((await as(app.app, officer).get(`/api/overview?unit=${stc}&period=2026`)).statusCode).toBe(403);
    const land = (await as(app.app, officer).get('/api/landing')).json();
    expect(land.kind).toBe('unit');
    expect(land.unit.id).toBe(stp);
    expect(land.tasks.toReport).toBeGreaterThanOrEqual(0);
    expect(land.report.period).toMatch(/^\d{4}(-Q1|-6M|-Q3)?$/);
    // the unit's feedback near or past its deadline: the counts of its follow-up lists
    const fu = (await as(app.app, officer).get('/api/feedback/follow-up')).json();
    expect(land.feedback).toEqual({ count: fu.overdue.length + fu.due1.length + fu.due3.length, overdue: fu.overdue.length, due1: fu.due1.length, due3: fu.due3.length, waiting: fu.waiting.length, path: '/feedback' });
    const leader = await login(app.app, 'ubnd.lanhdao');
    expect((await as(app.app, leader).get('/api/landing')).json()).toMatchObject({ kind: 'overview' });
    const appraiser = await login(app.app, 'snv.thamdinh');
    const a = (await as(app.app, appraiser).get('/api/landing')).json();
    expect(a.kind).toBe('appraiser');
    expect(a.appraisal.list.every((x: { unitId: number }) => x.unitId !== undefined)).toBe(true);
  });

  it('the public figures: no login, only the published ranking, nothing personal', async () => {
    forgetPublicOverview();
    const res = await as(app.app, null).get('/api/public/overview');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toMatch(/max-age/);
    const p = res.json();
    expect(p.province.name).toMatch(/Tây Ninh/);
    expect(p.dossiers[0].received).toBeGreaterThan(0);
    // feedback of the year handled on time: the staff figures page's rate for the province
    const staff = await login(app.app, 'admin');
    const fs = (await as(app.app, staff).get(`/api/feedback/stats?unit=${p.province.id}&from=${p.asOf.slice(0, 4)}-01-01&to=${p.asOf}`)).json();
    expect(p.feedback).toEqual({ year: Number(p.asOf.slice(0, 4)), received: fs.received, onTimeRate: fs.onTimeRate === null ? null : Math.round(fs.onTimeRate * 10_000) / 100 });
    expect(p.feedback.received).toBeGreaterThan(0);
    const sat = (await as(app.app, staff).get(`/api/satisfaction?unit=${p.province.id}&from=${p.asOf.slice(0, 4)}-01-01&to=${p.asOf}`)).json();
    expect(p.satisfaction).toEqual({ year: Number(p.asOf.slice(0, 4)), answers: sat.overall.answers, value: sat.overall.index });
    const published = (await as(app.app, null).get('/api/public/par/rounds')).json() as { id: number }[];
    if (p.par) expect(published.map((r) => r.id)).toContain(p.par.roundId);
    else expect(published).toEqual([]);
    const admin = await login(app.app, 'admin');
    const rounds = (await as(app.app, admin).get('/api/par/rounds')).json() as { id: number; status: string }[];
    const unpublished = rounds.filter((r) => r.status !== 'published').map((r) => r.id);
    if (p.par) expect(unpublished).not.toContain(p.par.roundId);
    // nothing of a person or a dossier
    const body = res.body;
    for (const word of ['username', 'fullName', 'dossierCode', 'selfScore', 'draft', '"code"']) expect(body).not.toContain(word);
  });

  it('the map: the demo’s schematic grid, each unit coloured by its own figure; imports checked whole and audited', async () => {
    const leader = await login(app.app, 'ubnd.lanhdao');
    const m = (await as(app.app, leader).get('/api/map?period=2026&figure=dossiersOnTimeRate')).json();
    expect(m.layer).toMatchObject({ schematic: true });
    expect(m.layer.name).toMatch(/minh họa|không phải ranh giới/);
    expect(m.features.length).toBeGreaterThan(3);
    const withValue = m.features.filter((f: { value: number | null }) => f.value !== null);
    expect(withValue.length).toBeGreaterThan(0);
    for (const f of withValue.slice(0, 3)) {
      const one = (await as(app.app, leader).get(`/api/overview?unit=${f.unitId}&period=2026&only=dossiersOnTimeRate`)).json() as Overview;
      expect(one.tiles[0].value, f.name).toBe(f.value);
    }
    // satisfaction: each unit's figure is its own overview's (units without answers have none, never a fake number)
    const sat = (await as(app.app, leader).get('/api/map?period=2026&figure=satisfaction')).json();
    for (const f of sat.features.slice(0, 5)) {
      const one = (await as(app.app, leader).get(`/api/overview?unit=${f.unitId}&period=2026&only=satisfaction`)).json() as Overview;
      expect(one.tiles[0].value, f.name).toBe(f.value);
    }
    const admin = await login(app.app, 'admin');
    const bad = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: 'KHONG.CO' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } }, { type: 'Feature', properties: { code: 'TN.STP' }, geometry: { type: 'Point', coordinates: [0, 0] } }] });
    const r = await as(app.app, admin).upload('/api/map/boundaries', 'ranh-gioi.geojson', Buffer.from(bad));
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('INVALID_BOUNDARIES');
    expect(r.json().details.errors.map((e: { row: number }) => e.row).sort()).toEqual([1, 2]);
    expect((await as(app.app, leader).get('/api/map?period=2026')).json().layer.id).toBe(m.layer.id);
    const officer = await login(app.app, 'stp.canbo');
    const good = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: 'TN.PLONGAN' }, geometry: { type: 'Polygon', coordinates: [[[106.4, 10.5], [106.5, 10.5], [106.5, 10.6], [106.4, 10.5]]] } }] });
    expect((await as(app.app, officer).upload('/api/map/boundaries', 'x.geojson', Buffer.from(good))).statusCode).toBe(403);
    const ok = await as(app.app, admin).upload('/api/map/boundaries?name=Th%E1%BB%AD', 'x.geojson', Buffer.from(good));
    expect(ok.statusCode, ok.body).toBe(201);
    const after = (await as(app.app, leader).get('/api/map?period=2026')).json();
    expect(after.layer).toMatchObject({ schematic: false, name: 'Thử' });
    expect(after.features).toHaveLength(1);
    const audit = (await as(app.app, admin).get('/api/audit?action=map.import&limit=10')).json();
    expect(JSON.stringify(audit)).toContain('Thử');
  });
});
