import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('refuses a wrong key and non-administrators', async () => {
    expect((await send(BATCH, 'wrong-key-wrong-key-wrong-k')).statusCode).toBe(401);
    const officer = await login(t.app, 'stp.canbo');
    expect((await as(t.app, officer).post('/api/dossiers/events', BATCH)).statusCode).toBe(403);
  });
});
