import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toVietnamIso } from '../../domain/calendar/workingCalendar.js';
import { as, ENGINES, login, type TestApp, testApp } from '../helpers/app.js';

const KEY = 'test-ingest-key-0123456789';

describe.each(ENGINES)('dossier ingest on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(engine, { ingestApiKey: KEY });
  });
  afterAll(() => t.close());

  const send = (events: object[], key = KEY) =>
    t.app.inject({ method: 'POST', url: '/api/dossiers/events', payload: events, headers: { 'x-api-key': key } });
  const lookup = (code: string) => t.app.inject({ method: 'GET', url: `/api/public/dossiers/${code}` });

  const BATCH = [
    { sourceSystem: 'igate', dossierCode: 'H01.001-260302-0001', procedureCode: 'MAU.DN.01', unitCode: 'TN.STC', kind: 'received', at: '2026-03-02T09:00:00+07:00', channel: 'online' },
    { sourceSystem: 'igate', dossierCode: 'H01.001-260302-0001', kind: 'processed', at: '2026-03-04T10:00:00+07:00' },
    { sourceSystem: 'igate', dossierCode: 'H01.001-260302-0001', kind: 'result_returned', at: '2026-03-04T15:00:00+07:00' },
    { sourceSystem: 'igate', dossierCode: 'H01.001-260302-0002', procedureCode: 'MAU.DN.01', kind: 'received', at: '2026-03-02T10:00:00+07:00', channel: 'counter' },
    { sourceSystem: 'igate', dossierCode: 'H01.001-260302-0002', kind: 'supplement_requested', at: '2026-03-03T10:00:00+07:00' },
  ];

  it('ingests a batch; the same batch again changes nothing', async () => {
    const first = await send(BATCH);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ applied: 5, duplicates: [], dossiers: 2 });
    const again = await send(BATCH);
    expect(again.json()).toEqual({ applied: 0, duplicates: [0, 1, 2, 3, 4], dossiers: 0 });
    const l = (await lookup('H01.001-260302-0001')).json();
    expect(l).toMatchObject({ status: 'returned', statusCode: 10, appointment: '2026-03-05T09:00:00+07:00', procedure: 'Đăng ký thành lập doanh nghiệp tư nhân' });
    expect(l.history.map((h: { kind: string }) => h.kind)).toEqual(['received', 'processed', 'result_returned']);
  });

  it('the public lookup shows no one’s personal data and no internal ids', async () => {
    const l = (await lookup('H01.001-260302-0002')).json();
    expect(Object.keys(l).sort()).toEqual(['appointment', 'code', 'endAt', 'history', 'procedure', 'receivedAt', 'status', 'statusCode']);
    expect(l.status).toBe('supplement');
    expect((await lookup('KHONG-CO')).statusCode).toBe(404);
  });

  it('the detail gives status, deadline and outcome to the staff', async () => {
    const admin = await login(t.app, 'admin');
    const id = (await (await import('../../server/modules/dossiers/ingest.js')).findByCode(t.database.db, 'H01.001-260302-0001'))[0].id;
    const d = (await as(t.app, admin).get(`/api/dossiers/${id}`)).json();
    expect(d).toMatchObject({ status: 'returned', outcome: 'early', channel: 'online', deadline: '2026-03-05T09:00:00+07:00' });
  });

  const BAD: [string, object, string][] = [
    ['unknown procedure', { sourceSystem: 'igate', dossierCode: 'X1', procedureCode: 'NOPE', kind: 'received', at: '2026-03-02T09:00:00+07:00' }, 'UNKNOWN_PROCEDURE'],
    ['unknown unit', { sourceSystem: 'igate', dossierCode: 'X2', procedureCode: 'MAU.DN.01', unitCode: 'NOWHERE', kind: 'received', at: '2026-03-02T09:00:00+07:00' }, 'UNKNOWN_UNIT'],
    ['future-dated', { sourceSystem: 'igate', dossierCode: 'X3', procedureCode: 'MAU.DN.01', kind: 'received', at: '2099-01-01T09:00:00+07:00' }, 'FUTURE'],
    ['out of order', { sourceSystem: 'igate', dossierCode: 'H01.001-260302-0002', kind: 'supplement_received', at: '2026-03-01T09:00:00+07:00' }, 'OUT_OF_ORDER'],
    ['impossible transition', { sourceSystem: 'igate', dossierCode: 'H01.001-260302-0001', kind: 'processed', at: '2026-03-20T09:00:00+07:00' }, 'INVALID_TRANSITION'],
    ['unknown event', { sourceSystem: 'igate', dossierCode: 'X4', procedureCode: 'MAU.DN.01', kind: 'teleported', at: '2026-03-02T09:00:00+07:00' }, 'UNKNOWN_KIND'],
    ['a date that is not ISO', { sourceSystem: 'igate', dossierCode: 'X5', procedureCode: 'MAU.DN.01', kind: 'received', at: '02/03/2026' }, 'INVALID_DATE'],
  ];
  it.each(BAD)('%s: a per-row error, and the good rows of the batch are not written', async (_n, bad, code) => {
    const good = { sourceSystem: 'igate', dossierCode: `OK-${code}`, procedureCode: 'MAU.DN.01', kind: 'received', at: '2026-03-05T09:00:00+07:00' };
    const res = await send([good, bad]);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('INGEST_INVALID');
    expect(res.json().details.errors).toEqual([{ index: 1, code, message: expect.stringMatching(/[ạ-ỹà-ýđ]/i) }]);
    expect((await lookup(`OK-${code}`)).statusCode).toBe(404);
  });

  it('a file import reports errors with file row numbers', async () => {
    const admin = await login(t.app, 'admin');
    const csv = ['sourceSystem,dossierCode,procedureCode,unitCode,kind,at,channel,appointment', 'dvc,F-1,MAU.HT.01,TN.PLONGAN,received,2026-03-02T08:00:00+07:00,online,', 'dvc,F-1,,,processed,2026-03-01T08:00:00+07:00,,'].join('\r\n');
    const b = 'dd';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/dossiers/import',
      payload: `--${b}\r\nContent-Disposition: form-data; name="file"; filename="hs.csv"\r\n\r\n${csv}\r\n--${b}--\r\n`,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': `multipart/form-data; boundary=${b}` },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([[3, 'OUT_OF_ORDER']]);
  });

  it('a dossier registered in an earlier batch is received later without its procedure named again', async () => {
    const reg = await send([{ sourceSystem: 'dvc', dossierCode: 'LATER-1', procedureCode: 'MAU.DN.01', unitCode: 'TN.STC', kind: 'registered', at: '2026-03-09T20:00:00+07:00', channel: 'online' }]);
    expect(reg.statusCode).toBe(200);
    const rec = await send([{ sourceSystem: 'dvc', dossierCode: 'LATER-1', kind: 'received', at: '2026-03-10T08:00:00+07:00', channel: 'online' }]);
    expect(rec.statusCode, rec.body).toBe(200);
    expect((await lookup('LATER-1')).json()).toMatchObject({ status: 'received', appointment: '2026-03-13T08:00:00+07:00' });
  });

  it('a dossier due later today is within its deadline everywhere: dashboard, drill-down, list and detail agree', async () => {
    const now = Date.now();
    const vnMidnight = (() => {
      const d = new Date(now + 7 * 3600_000);
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1) - 7 * 3600_000;
    })();
    if (vnMidnight - now < 4 * 60_000) await new Promise((r) => setTimeout(r, vnMidnight - now + 1000));
    const t0 = Date.now();
    const end = vnMidnight - t0 < 4 * 60_000 ? vnMidnight + 86_400_000 : vnMidnight;
    const iso = (ms: number) => toVietnamIso(new Date(ms));
    const today = iso(t0).slice(0, 10);
    const dueLater = t0 + Math.floor((end - t0) / 2);
    const events = [
      { sourceSystem: 'today', dossierCode: 'DUE-LATER', procedureCode: 'MAU.HT.01', unitCode: 'TN.XBENLUC', kind: 'received', at: iso(t0 - 60_000), channel: 'counter', appointment: iso(dueLater) },
      { sourceSystem: 'today', dossierCode: 'DUE-PASSED', procedureCode: 'MAU.HT.01', unitCode: 'TN.XBENLUC', kind: 'received', at: iso(t0 - 120_000), channel: 'counter', appointment: iso(t0 - 60_000) },
    ];
    expect((await send(events)).statusCode).toBe(200);
    const admin = await login(t.app, 'admin');
    const api = as(t.app, admin);
    const unit = (await api.get('/api/org-units?asOf=' + today)).json().find((u: { code: string }) => u.code === 'TN.XBENLUC').id;
    for (const to of [today, `${today.slice(0, 7)}-28` > today ? `${today.slice(0, 7)}-28` : today]) {
      const stats = (await api.get(`/api/dossiers/stats?unit=${unit}&from=${today}&to=${to}`)).json();
      expect(stats).toMatchObject({ inProgress: 2, inProgressOnTime: 1, inProgressLate: 1 });
      const late = (await api.get(`/api/dossiers?unit=${unit}&from=${today}&to=${to}&category=in_progress_late`)).json();
      expect(late.items.map((x: { code: string }) => x.code)).toEqual(['DUE-PASSED']);
      const onTime = (await api.get(`/api/dossiers?unit=${unit}&from=${today}&to=${to}&category=in_progress_on_time`)).json();
      expect(onTime.items.map((x: { code: string; state: string }) => [x.code, x.state])).toEqual([['DUE-LATER', 'in_progress_on_time']]);
    }
    const list = (await api.get(`/api/dossiers?unit=${unit}&from=${today}&to=${today}&category=received`)).json();
    expect(Object.fromEntries(list.items.map((x: { code: string; state: string }) => [x.code, x.state]))).toEqual({ 'DUE-LATER': 'in_progress_on_time', 'DUE-PASSED': 'in_progress_late' });
    const detail = (await api.get(`/api/dossiers/${list.items.find((x: { code: string }) => x.code === 'DUE-LATER').id}`)).json();
    expect(detail.outcome).toBe('in_progress_on_time');
  });

  describe('batches sent at the same time give the result of one after the other', () => {
    const N = 300;
    const code = (p: string, i: number) => `${p}-${String(i).padStart(4, '0')}`;
    const received = (p: string) => Array.from({ length: N }, (_, i) => ({ sourceSystem: 'race', dossierCode: code(p, i), procedureCode: 'MAU.DN.01', unitCode: 'TN.STC', kind: 'received', at: '2026-04-01T08:00:00+07:00', channel: 'counter' }));
    const step = (p: string, kind: string, at: string) => Array.from({ length: N }, (_, i) => ({ sourceSystem: 'race', dossierCode: code(p, i), kind, at }));
    const province = async () => {
      const admin = await login(t.app, 'admin');
      return (await as(t.app, admin).get('/api/dossiers/stats?from=2026-04-01&to=2026-04-30&by=unit')).json();
    };
    const rebuild = async () => {
      const admin = await login(t.app, 'admin');
      expect((await as(t.app, admin).post('/api/dossiers/counters/rebuild')).statusCode).toBe(200);
    };

    it('"processed" and an earlier "transferred" for the same dossiers: one order wins, whole', async () => {
      expect((await send(received('RACE'))).statusCode).toBe(200);
      const [a, b] = await Promise.all([send(step('RACE', 'processed', '2026-04-02T10:00:00+07:00')), send(step('RACE', 'transferred', '2026-04-02T09:00:00+07:00'))]);
      // processed first: the transfer is out of order and refused whole; transferred first: both apply
      const outcomes = [a.statusCode, b.statusCode];
      expect([[200, 400], [200, 200]]).toContainEqual(outcomes);
      for (const i of [0, 150, N - 1]) {
        const l = (await lookup(code('RACE', i))).json();
        expect(l.status).toBe('processed');
        const kinds = l.history.map((h: { kind: string }) => h.kind);
        expect(kinds).toEqual(b.statusCode === 200 ? ['received', 'transferred', 'processed'] : ['received', 'processed']);
      }
      const counted = await province();
      await rebuild();
      expect(await province()).toEqual(counted);
    });

    it('the same batch twice at once: applied once, the other answer lists every event as a duplicate', async () => {
      const batch = received('TWICE');
      const [a, b] = await Promise.all([send(batch), send(batch)]);
      expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
      const applied = [a.json().applied, b.json().applied].sort((x, y) => x - y);
      expect(applied).toEqual([0, N]);
      const counted = await province();
      await rebuild();
      expect(await province()).toEqual(counted);
    });
  });

  it('refuses a wrong key and non-administrators', async () => {
    expect((await send(BATCH, 'wrong-key-wrong-key-wrong-k')).statusCode).toBe(401);
    const officer = await login(t.app, 'stp.canbo');
    expect((await as(t.app, officer).post('/api/dossiers/events', BATCH)).statusCode).toBe(403);
  });
});
