/**
 * The public reads under load (issue 15, item 4): the rate limit is the PUBLIC_RATE_LIMIT setting and counts the
 * client's address (behind a proxy when TRUST_PROXY says so); the lookup shows a dossier's new state at once;
 * the answers kept in memory (published rounds, procedures, overview) carry an ETag and follow what staff change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config.js';
import { as, ENGINES, login, type TestApp, testApp } from '../helpers/app.js';

const KEY = 'test-ingest-key-0123456789';

describe('settings', () => {
  it('PUBLIC_RATE_LIMIT and TRUST_PROXY are read from the environment, 60 and off by default', () => {
    expect(readConfig({}).publicRateLimit).toBe(60);
    expect(readConfig({ PUBLIC_RATE_LIMIT: '5000' }).publicRateLimit).toBe(5000);
    expect(readConfig({ PUBLIC_RATE_LIMIT: 'lots' }).publicRateLimit).toBe(60);
    expect(readConfig({}).trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
  });
});

describe.each(ENGINES)('public reads on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(engine, { ingestApiKey: KEY });
  });
  afterAll(() => t.close());

  const send = (events: object[]) => t.app.inject({ method: 'POST', url: '/api/dossiers/events', payload: events, headers: { 'x-api-key': KEY } });
  const lookup = (code: string) => t.app.inject({ method: 'GET', url: `/api/public/dossiers/${code}` });

  it('the rate limit is the setting: the N+1st anonymous read of a minute is a 429, per address', async () => {
    const limited = await testApp(engine, { demo: false, publicRateLimit: 3 });
    const proxied = await testApp(engine, { demo: false, publicRateLimit: 3, trustProxy: true });
    try {
      const from = (app: TestApp, ip: string) => app.app.inject({ method: 'GET', url: '/api/public/dossiers/KHONG-CO', headers: { 'x-forwarded-for': ip } });
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await from(limited, '203.0.113.1')).statusCode);
      expect(codes).toEqual([404, 404, 404, 429]);
      // without TRUST_PROXY the forwarded address is not believed: the same caller
      expect((await from(limited, '203.0.113.2')).statusCode).toBe(429);
      // with it, each forwarded address has its own count
      const byIp = [];
      for (const ip of ['203.0.113.1', '203.0.113.1', '203.0.113.1', '203.0.113.1', '203.0.113.2']) byIp.push((await from(proxied, ip)).statusCode);
      expect(byIp).toEqual([404, 404, 404, 429, 404]);
      // the portal's reads count the same way
      const r = [];
      for (let i = 0; i < 4; i++) r.push((await proxied.app.inject({ method: 'GET', url: '/api/public/par/rounds', headers: { 'x-forwarded-for': '203.0.113.9' } })).statusCode);
      expect(r).toEqual([200, 200, 200, 429]);
    } finally {
      await limited.close();
      await proxied.close();
    }
  });

  it('the lookup (one prepared statement) shows each new event at once', async () => {
    const code = 'PUB-LOOKUP-0001';
    expect((await lookup(code)).statusCode).toBe(404);
    expect((await send([{ sourceSystem: 'igate', dossierCode: code, procedureCode: 'MAU.DN.01', unitCode: 'TN.STC', kind: 'received', at: '2026-03-02T09:00:00+07:00', channel: 'online' }])).statusCode).toBe(200);
    const a = (await lookup(code)).json();
    expect(a).toMatchObject({ code, status: 'received', receivedAt: '2026-03-02T09:00:00+07:00', endAt: null, procedure: expect.any(String) });
    expect(a.history).toEqual([{ kind: 'received', at: '2026-03-02T09:00:00+07:00' }]);
    expect((await send([{ sourceSystem: 'igate', dossierCode: code, kind: 'processed', at: '2026-03-04T10:00:00+07:00' }, { sourceSystem: 'igate', dossierCode: code, kind: 'result_returned', at: '2026-03-04T15:00:00+07:00' }])).statusCode).toBe(200);
    const b = (await lookup(code)).json();
    expect(b.status).toBe('returned');
    // the work ended when it was processed; the result went back later
    expect(b.endAt).toBe('2026-03-04T10:00:00+07:00');
    expect(b.history.map((h: { kind: string }) => h.kind)).toEqual(['received', 'processed', 'result_returned']);
    // codes are read in batches through an array parameter: quotes, backslashes, commas and braces are only text
    const odd = 'PUB,"Q\\{1}';
    expect((await send([{ sourceSystem: 'igate', dossierCode: odd, procedureCode: 'MAU.DN.01', unitCode: 'TN.STC', kind: 'received', at: '2026-03-02T09:00:00+07:00', channel: 'online' }])).statusCode).toBe(200);
    expect((await lookup(encodeURIComponent(odd))).json().code).toBe(odd);
    for (const c of ['NULL', 'PUB', '"QQ', '{1}', 'PUB,"Q\\{1', 'ab\\', '}}}']) expect((await lookup(encodeURIComponent(c))).statusCode, c).toBe(404);
    // many at once (read together): each gets its own dossier
    const all = await Promise.all(Array.from({ length: 20 }, (_, i) => lookup(i % 3 === 2 ? encodeURIComponent(odd) : i % 2 ? code : 'KHONG-CO')));
    expect(all.map((r) => r.statusCode)).toEqual(Array.from({ length: 20 }, (_, i) => (i % 3 === 2 || i % 2 ? 200 : 404)));
    expect(all.map((r) => (r.statusCode === 200 ? r.json().code : null))).toEqual(Array.from({ length: 20 }, (_, i) => (i % 3 === 2 ? odd : i % 2 ? code : null)));
  });

  it('kept answers carry an ETag: the same one is a 304 without a body, compressed as asked', async () => {
    for (const url of ['/api/public/overview', '/api/public/par/rounds', '/api/procedures?limit=20']) {
      const first = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
      expect(first.statusCode).toBe(200);
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^"[\w-]+"$/);
      // the overview may be a few minutes old; the rest is revalidated each time (a publication shows at once)
      expect(first.headers['cache-control']).toBe(url === '/api/public/overview' ? 'public, max-age=300' : 'public, no-cache');
      const plain = await t.app.inject({ method: 'GET', url });
      expect(plain.headers.etag).toBe(etag);
      expect(plain.headers['content-type']).toMatch(/^application\/json/);
      if (plain.body.length >= 1024) expect(first.headers['content-encoding']).toBe('br');
      const again = await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
    }
  });

  it('the procedures list follows a publicity change at once', async () => {
    const admin = await login(t.app, 'admin');
    const find = async () => ((await t.app.inject({ method: 'GET', url: '/api/procedures?q=MAU.HT.01' })).json().items as { code: string; publicity: { publishedOn: string | null } }[]).find((p) => p.code === 'MAU.HT.01')!;
    const before = await find();
    const etag = (await t.app.inject({ method: 'GET', url: '/api/procedures?q=MAU.HT.01' })).headers.etag;
    const r = await as(t.app, admin).put('/api/procedures/MAU.HT.01/publicity', { decisionNo: '123/QĐ-UBND', announcedOn: '2026-01-05', effectiveOn: '2026-01-10', publishedOn: '2026-01-07' });
    expect(r.statusCode).toBe(200);
    const after = await find();
    expect(after.publicity.publishedOn).toBe('2026-01-07');
    expect(after.publicity).not.toEqual(before.publicity);
    const changed = await t.app.inject({ method: 'GET', url: '/api/procedures?q=MAU.HT.01', headers: { 'if-none-match': String(etag) } });
    expect(changed.statusCode).toBe(200);
  });
});
