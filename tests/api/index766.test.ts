import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, ENGINES, login, type Session, type TestApp, testApp, unitId } from '../helpers/app.js';

const KEY = 'test-ingest-key-0123456789';

type Idx = { groups: { components: { key: string; points: number | null; basis: string | null; rate: number | null }[] }[]; complete: boolean; band: string | null };
const comp = (x: Idx, k: string) => x.groups.flatMap((g) => g.components).find((c) => c.key === k)!;

describe.each(ENGINES)('Decision 766 from the new ingest fields on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  let stc: number;
  let stp: number;
  const send = (events: object[]) => t.app.inject({ method: 'POST', url: '/api/dossiers/events', payload: events, headers: { 'x-api-key': KEY } });
  const idx = async (unit: number, period = '2026-10') => (await as(t.app, admin).get(`/api/index766?unit=${unit}&period=${period}`)).json() as Idx;

  // October 2026 at the finance department: 10 dossiers received, 8 resolved (all early);
  // facts reported on 6 of them: synced 5/6, paid online 2/4 (2 with no payment reported), digitised 5/6, re-used 3/6;
  // electronic result on 3 of the 5 resolved that reported it
  const dossier = (i: number, facts: object, resolved: boolean) => {
    const code = `F766-${i}`;
    const ev: object[] = [{ sourceSystem: 'igate', dossierCode: code, procedureCode: 'MAU.DN.01', unitCode: 'TN.STC', kind: 'received', at: '2026-10-05T09:00:00+07:00', channel: 'online', ...facts }];
    if (resolved) {
      ev.push({ sourceSystem: 'igate', dossierCode: code, kind: 'processed', at: '2026-10-06T09:00:00+07:00' });
      ev.push({ sourceSystem: 'igate', dossierCode: code, kind: 'result_returned', at: '2026-10-06T10:00:00+07:00', ...(i <= 5 ? { electronicResult: i <= 3 } : {}) });
    }
    return ev;
  };
  const FACTS: object[] = [
    { syncedToPortal: true, paidOnline: true, digitised: true, reusedData: true },
    { syncedToPortal: true, paidOnline: true, digitised: true, reusedData: true },
    { syncedToPortal: true, paidOnline: false, digitised: true, reusedData: true },
    { syncedToPortal: true, paidOnline: false, digitised: true, reusedData: false },
    { syncedToPortal: true, digitised: true, reusedData: false },
    { syncedToPortal: false, digitised: false, reusedData: false },
    {},
    {},
    {},
    {},
  ];

  beforeAll(async () => {
    t = await testApp(engine, { ingestApiKey: KEY });
    admin = await login(t.app, 'admin');
    stc = await unitId(t.app, 'TN.STC', '2026-10-01');
    stp = await unitId(t.app, 'TN.STP', '2026-10-01');
    const r = await send(FACTS.flatMap((f, i) => dossier(i + 1, f, i < 8)));
    expect(r.statusCode).toBe(200);
    // the justice department's systems send none of the new fields
    const old = await send([
      { sourceSystem: 'igate', dossierCode: 'OLD-1', procedureCode: 'MAU.DN.01', unitCode: 'TN.STP', kind: 'received', at: '2026-10-05T09:00:00+07:00' },
      { sourceSystem: 'igate', dossierCode: 'OLD-1', kind: 'processed', at: '2026-10-06T09:00:00+07:00' },
    ]);
    expect(old.statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it.each([
    ['1.3', '5/6', 5],
    ['3.4', '2/4', 5],
    ['4.1', '3/5', 4.8],
    ['4.2', '5/6', 7], // 83.33 % ≥ 80 %: full
    ['4.3', '3/6', 4.38], // 7 × 0.5 / 0.8 = 4.375 → 4.38
  ])('%s from the reported facts: %s → %d points', async (key, basis, points) => {
    expect(comp(await idx(stc), key)).toMatchObject({ basis, points });
  });

  it('a unit whose systems send none of the new fields: those criteria are no data, not zero', async () => {
    const x = await idx(stp);
    for (const k of ['1.3', '3.4', '4.1', '4.2', '4.3', '5.4']) expect(comp(x, k).points).toBeNull();
    expect(comp(x, '2.1').points).not.toBeNull();
    // 5.2 comes from the feedback module, whatever the one-stop system sends: 6 × on-time rate, 6 when none
    const fb = (await as(t.app, admin).get(`/api/feedback/stats?unit=${stp}&from=2026-10-01&to=2026-10-31`)).json();
    expect(comp(x, '5.2').points).toBe(fb.onTimeRate === null ? 6 : Math.round(6 * fb.onTimeRate * 100) / 100);
    expect(x.complete).toBe(false);
  });

  it('a later event changes a fact: the counter moves, and a rebuild from the dossiers gives the same', async () => {
    expect((await send([{ sourceSystem: 'igate', dossierCode: 'F766-9', kind: 'processed', at: '2026-10-07T09:00:00+07:00', syncedToPortal: true, digitised: true }])).statusCode).toBe(200);
    const live = await idx(stc);
    expect(comp(live, '1.3').basis).toBe('6/7');
    expect(comp(live, '4.2').basis).toBe('6/7');
    expect((await as(t.app, admin).post('/api/dossiers/counters/rebuild')).statusCode).toBe(200);
    expect(await idx(stc)).toEqual(live);
  });

  it('publicity: a procedure announced late and one on time across the 30/4–1/5 holidays', async () => {
    const before = comp(await idx(stc, '2026'), '1.1');
    const put = (code: string, body: object) => as(t.app, admin).put(`/api/procedures/${code}/publicity`, body);
    const procs = (await t.app.inject({ method: 'GET', url: '/api/procedures?q=MAU&limit=200' })).json().items as { code: string; agencyUnitId: number | null }[];
    const mine = procs.filter((p) => p.agencyUnitId === stc);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    const onTime = await put(mine[0].code, { decisionNo: '123/QĐ-UBND', announcedOn: '2026-04-28', effectiveOn: '2026-05-07', publishedOn: '2026-05-07' });
    expect(onTime.json()).toMatchObject({ announcedOnTime: true, publishedOnTime: true });
    const late = await put(mine[1].code, { decisionNo: '124/QĐ-UBND', announcedOn: '2026-04-29', effectiveOn: '2026-05-07', publishedOn: '2026-05-08' });
    expect(late.json()).toMatchObject({ announcedOnTime: false, publishedOnTime: true });
    expect(before.points).toBeNull();
    const x = await idx(stc, '2026');
    expect(comp(x, '1.1')).toMatchObject({ basis: '1/2', points: 3 });
    expect(comp(x, '1.2')).toMatchObject({ basis: '2/2', points: 6 });
    const bad = await put(mine[0].code, { decisionNo: null, announcedOn: '2026-05-10', effectiveOn: null, publishedOn: '2026-05-01' });
    expect(bad.statusCode).toBe(400);
  });

  it('the commune list: an unverified default, editable by the administrator', async () => {
    const r = (await as(t.app, admin).get('/api/index766/commune-criteria')).json();
    expect(r).toMatchObject({ keys: ['1.1', '1.2'], isDefault: true });
    expect(r.note).toContain('chưa được kiểm chứng');
    const put = await as(t.app, admin).put('/api/index766/commune-criteria', { keys: ['1.1', '1.2', '1.3'] });
    expect(put.json()).toMatchObject({ keys: ['1.1', '1.2', '1.3'], isDefault: false });
  });

  it('the file import takes the facts as optional columns; a bad value is a row error and nothing is written', async () => {
    const head = 'sourceSystem,dossierCode,procedureCode,unitCode,kind,at,channel,appointment,syncedToPortal,paidOnline';
    const csv = (rows: string[]) => Buffer.from([head, ...rows].join('\n'));
    const bad = await as(t.app, admin).upload('/api/dossiers/import', 'e.csv', csv(['igate,FILE-1,MAU.DN.01,TN.STP,received,2026-11-02T09:00:00+07:00,online,,có,', 'igate,FILE-2,MAU.DN.01,TN.STP,received,2026-11-02T09:00:00+07:00,online,,có,maybe']));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.errors).toEqual([{ row: 3, message: 'Cột paidOnline: "maybe" phải là có/không (true/false, 1/0).' }]);
    const ok = await as(t.app, admin).upload('/api/dossiers/import', 'e.csv', csv(['igate,FILE-1,MAU.DN.01,TN.STP,received,2026-11-02T09:00:00+07:00,online,,có,', 'igate,FILE-2,MAU.DN.01,TN.STP,received,2026-11-02T09:00:00+07:00,online,,không,1']));
    expect(ok.statusCode).toBe(200);
    const x = await idx(stp, '2026-11');
    expect(comp(x, '1.3')).toMatchObject({ basis: '1/2' });
    expect(comp(x, '3.4')).toMatchObject({ basis: '1/1' });
  });
});
