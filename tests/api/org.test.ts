import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgHistory } from '../../domain/org/history.js';
import { loadHistory, readHistory } from '../../server/modules/org/history.js';
import { as, ENGINES, login, type Session, type TestApp, testApp, unitId } from '../helpers/app.js';

describe.each(ENGINES)('organisation API on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await testApp(engine);
    admin = await login(t.app, 'admin');
  });
  afterAll(() => t.close());

  it('the history kept after each change is the history in the tables', async () => {
    const sorted = (h: OrgHistory) => ({
      units: [...h.units].sort((a, b) => a.id - b.id),
      names: [...h.names].sort((a, b) => a.unitId - b.unitId || a.validFrom.localeCompare(b.validFrom)),
      parents: [...h.parents].sort((a, b) => a.unitId - b.unitId || a.validFrom.localeCompare(b.validFrom)),
      successions: [...h.successions].sort((a, b) => a.predecessorId - b.predecessorId || a.successorId - b.successorId),
    });
    // the demo was loaded through the use cases: every change left its history in the cache
    expect(sorted(await loadHistory(t.database.db))).toEqual(sorted(await readHistory(t.database.db)));
    const res = await as(t.app, admin).post('/api/org-units', { code: 'CACHE.1', name: 'Đơn vị thử bộ nhớ', type: 'commune', validFrom: '2026-01-01' });
    expect(res.statusCode).toBe(201);
    const cached = await loadHistory(t.database.db);
    expect(cached.units.some((u) => u.code === 'CACHE.1')).toBe(true);
    expect(sorted(cached)).toEqual(sorted(await readHistory(t.database.db)));
  });

  it('health names the engine', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json()).toEqual({ status: 'ok', database: engine });
  });

  it('as of 2020-01-01: Long An with its 19 departments and 15 district-level units', async () => {
    const units = (await t.app.inject({ method: 'GET', url: '/api/org-units?asOf=2020-01-01' })).json();
    const la = units.find((u: { code: string }) => u.code === 'LA');
    expect(la).toMatchObject({ name: 'Tỉnh Long An', type: 'province', parentId: null, validFrom: '2015-01-01', validTo: '2025-06-30' });
    const children = units.filter((u: { parentId: number }) => u.parentId === la.id);
    expect(children.filter((u: { type: string }) => u.type === 'department')).toHaveLength(19);
    expect(children.filter((u: { type: string }) => u.type === 'district')).toHaveLength(15);
    expect(Object.keys(units[0]).sort()).toEqual(['code', 'id', 'name', 'parentId', 'type', 'validFrom', 'validTo']);
  });

  it.each([
    // date, departments under the province alive that day, districts, province code
    ['2025-02-28', 19, 15, 'LA'],
    ['2025-03-01', 13, 15, 'LA'],
    ['2025-06-30', 13, 15, 'LA'],
    ['2025-07-01', 13, 0, 'TN'],
    ['2026-01-01', 13, 0, 'TN'],
  ])('as of %s: %i departments, %i districts under %s', async (date, departments, districts, province) => {
    const units = (await t.app.inject({ method: 'GET', url: `/api/org-units?asOf=${date}` })).json();
    const p = units.find((u: { code: string }) => u.code === province);
    const children = units.filter((u: { parentId: number }) => u.parentId === p.id);
    expect(children.filter((u: { type: string }) => u.type === 'department')).toHaveLength(departments);
    expect(children.filter((u: { type: string }) => u.type === 'district')).toHaveLength(districts);
    expect(units.some((u: { type: string }) => u.type === 'district')).toBe(districts > 0);
  });

  it("a district's history: closed on 30/6/2025, its communes went into new ones", async () => {
    const id = await unitId(t.app, 'LA.TANAN', '2020-01-01');
    const h = (await t.app.inject({ method: 'GET', url: `/api/org-units/${id}` })).json();
    expect(h).toMatchObject({ code: 'LA.TANAN', name: 'Thành phố Tân An', type: 'district', validTo: '2025-06-30' });
    expect(h.parents[0].parent.code).toBe('LA');
    expect(h.children.map((c: { unit: { code: string } }) => c.unit.code).sort()).toEqual(['LA.TANAN.HTP', 'LA.TANAN.KH', 'LA.TANAN.P1', 'LA.TANAN.P2', 'LA.TANAN.P3']);
    expect(h.children.every((c: { validTo: string }) => c.validTo === '2025-06-30')).toBe(true);
    expect(h.events.map((e: { kind: string }) => e.kind)).toEqual(['close', 'create']);
    expect(h.events[0]).toMatchObject({ date: '2025-07-01', legalBasis: 'Luật Tổ chức chính quyền địa phương 2025' });
  });

  it('lineage: Long An went into Tây Ninh; Phường Long An came from three wards', async () => {
    const la = await unitId(t.app, 'LA', '2020-01-01');
    const h = (await t.app.inject({ method: 'GET', url: `/api/org-units/${la}` })).json();
    expect(h.wentInto.map((s: { code: string }) => s.code)).toEqual(['TN']);
    const pla = await unitId(t.app, 'TN.PLONGAN', '2026-01-01');
    const p = (await t.app.inject({ method: 'GET', url: `/api/org-units/${pla}` })).json();
    expect(p.cameFrom.map((s: { code: string }) => s.code).sort()).toEqual(['LA.TANAN.P1', 'LA.TANAN.P2', 'LA.TANAN.P3']);
    const snv = await unitId(t.app, 'TN.SNV', '2026-01-01');
    const s = (await t.app.inject({ method: 'GET', url: `/api/org-units/${snv}` })).json();
    // two generations: Sở LĐTBXH went into Sở Nội vụ Long An (3/2025), which went into Sở Nội vụ Tây Ninh (7/2025)
    expect(s.cameFrom.map((x: { code: string; depth: number }) => `${x.depth}:${x.code}`).sort()).toEqual(['1:LA.SNV', '1:TNC.SNV', '2:LA.SLDTBXH']);
  });

  it('merge, split, rename, move and close through the API, history kept both ways', async () => {
    const api = as(t.app, admin);
    const tn = await unitId(t.app, 'TN', '2026-01-01');
    const a = await api.post('/api/org-units', { code: 'T.A', name: 'Xã A', type: 'commune', parentId: tn, validFrom: '2026-01-01', legalBasis: 'QĐ 1/2026' });
    const b = await api.post('/api/org-units', { code: 'T.B', name: 'Xã B', type: 'commune', parentId: tn, validFrom: '2026-01-01' });
    expect(a.statusCode).toBe(201);
    const [aId] = a.json().createdIds;
    const [bId] = b.json().createdIds;
    const m = await api.post('/api/org-units/merge', { sourceIds: [aId, bId], date: '2026-06-01', target: { create: { code: 'T.AB', name: 'Xã AB', type: 'commune', parentId: tn } } });
    expect(m.statusCode).toBe(200);
    const [abId] = m.json().createdIds;
    const s = await api.post('/api/org-units/split', { sourceId: abId, date: '2026-09-01', targets: [{ create: { code: 'T.C', name: 'Xã C', type: 'commune', parentId: tn } }, { create: { code: 'T.D', name: 'Xã D', type: 'commune', parentId: tn } }] });
    expect(s.statusCode).toBe(200);
    const [cId] = s.json().createdIds;
    expect((await api.post(`/api/org-units/${cId}/rename`, { name: 'Phường C', date: '2026-10-01' })).statusCode).toBe(200);
    const snv = await unitId(t.app, 'TN.SNV', '2026-10-01');
    expect((await api.post(`/api/org-units/${cId}/move`, { parentId: snv, date: '2026-10-15' })).statusCode).toBe(200);
    expect((await api.post(`/api/org-units/${cId}/close`, { date: '2026-11-01' })).statusCode).toBe(200);

    const codesOn = async (d: string) => ((await t.app.inject({ method: 'GET', url: `/api/org-units?asOf=${d}` })).json() as { code: string }[]).map((u) => u.code).filter((c) => c.startsWith('T.'));
    expect((await codesOn('2026-05-31')).sort()).toEqual(['T.A', 'T.B']);
    expect(await codesOn('2026-06-01')).toEqual(['T.AB']);
    expect((await codesOn('2026-09-01')).sort()).toEqual(['T.C', 'T.D']);
    expect(await codesOn('2026-11-01')).toEqual(['T.D']);
    const c = (await t.app.inject({ method: 'GET', url: `/api/org-units/${cId}` })).json();
    expect(c.names.map((n: { name: string }) => n.name)).toEqual(['Xã C', 'Phường C']);
    expect(c.cameFrom.map((x: { code: string }) => x.code).sort()).toEqual(['T.A', 'T.AB', 'T.B']);
    expect(c.validTo).toBe('2026-10-31');
  });

  it.each([
    ['overlapping life span for a code', 'post', '/api/org-units', { code: 'TN.SNV', name: 'x', type: 'department', validFrom: '2026-01-01' }, 409, 'CODE_IN_USE'],
    ['close a unit that still has sub-units', 'post', '/api/org-units/{TN}/close', { date: '2026-12-01' }, 409, 'HAS_LIVE_CHILDREN'],
    ['rename a closed unit', 'post', '/api/org-units/{LA}/rename', { name: 'x', date: '2026-01-01' }, 409, 'UNIT_NOT_ALIVE'],
    ['unknown unit', 'post', '/api/org-units/999999/close', { date: '2026-12-01' }, 404, 'UNIT_NOT_FOUND'],
    ['unknown type', 'post', '/api/org-units', { code: 'Q', name: 'x', type: 'galaxy', validFrom: '2026-01-01' }, 400, 'VALIDATION'],
    ['impossible date', 'post', '/api/org-units', { code: 'Q', name: 'x', type: 'commune', validFrom: '2026-02-30' }, 400, 'VALIDATION'],
    ['end before start', 'post', '/api/org-units', { code: 'Q', name: 'x', type: 'commune', validFrom: '2026-02-01', validTo: '2026-01-01' }, 400, 'INVALID_SPAN'],
    ['merge with no source', 'post', '/api/org-units/merge', { sourceIds: [], date: '2026-02-01', target: { existingId: 1 } }, 400, 'VALIDATION'],
  ])('%s', async (_n, _m, url, body, status, code) => {
    const la = await unitId(t.app, 'LA', '2020-01-01');
    const tn = await unitId(t.app, 'TN', '2026-01-01');
    const res = await as(t.app, admin).post(url.replace('{TN}', String(tn)).replace('{LA}', String(la)), body);
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
    expect(typeof res.json().message).toBe('string');
  });

  it('a refused change writes nothing, not even an audit event', async () => {
    const before = (await as(t.app, admin).get('/api/audit/verify')).json().events;
    const tn = await unitId(t.app, 'TN', '2026-01-01');
    const res = await as(t.app, admin).post(`/api/org-units/${tn}/close`, { date: '2026-12-01' });
    expect(res.statusCode).toBe(409);
    expect((await as(t.app, admin).get('/api/audit/verify')).json()).toEqual({ ok: true, events: before, firstBroken: null });
  });

  it('bad query parameters: 400 with the field path', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/org-units?asOf=01/01/2020' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields[0].path).toBe('querystring.asOf');
  });
});
