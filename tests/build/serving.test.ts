/**
 * How the server sends the built web app (server/http/static.ts): the public HTML for the public pages, the
 * staff HTML for the others, hashed assets compressed and cached for good, HTML revalidated, API JSON
 * compressed. Needs the build (`npm run build`; npm test does it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMMUTABLE } from '../../server/http/static.js';
import { PUBLIC_PREFIXES } from '../../web/app/publicPaths.js';
import { PUBLIC_ROUTES } from '../../web/publicRoutes.js';
import { ENGINES, type TestApp, testApp } from '../helpers/app.js';

const DIST = 'dist/web';

describe.each(ENGINES)('serving the web app (%s)', (engine) => {
  let t: TestApp;
  let staffHtml: string;
  let publicHtml: string;
  beforeAll(async () => {
    if (!existsSync(`${DIST}/public.html`)) throw new Error('No build to serve: run `npm run build` first.');
    staffHtml = readFileSync(`${DIST}/index.html`, 'utf8');
    publicHtml = readFileSync(`${DIST}/public.html`, 'utf8');
    t = await testApp(engine, { demo: false, webDir: resolve(DIST) });
  });
  afterAll(() => t?.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  it('sends the public HTML for every public page and prefix, the staff HTML for the rest', async () => {
    const publicPaths = [...PUBLIC_ROUTES.map((r) => r.path), ...PUBLIC_PREFIXES, '/tra-cuu?ma=TN-STP-260302-0001', '/cong-khai/mot-trang-moi'];
    for (const url of publicPaths) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toBe(publicHtml);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    for (const url of ['/', '/login', '/plans/3', '/par/rounds/1/results', '/tra-cuu-khac', '/cong-khaixyz']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toBe(staffHtml);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    expect(publicHtml).not.toBe(staffHtml);
  });

  it('the HTML (kept in memory) carries an ETag: the same one is a 304', async () => {
    const first = await get('/tra-cuu');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['content-type']).toMatch(/^text\/html/);
    const again = await get('/tra-cuu', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await get('/', { 'if-none-match': etag })).statusCode).toBe(200);
  });

  it('sends hashed assets compressed as the browser accepts, cached for a year', async () => {
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(publicHtml)![1];
    const raw = readFileSync(`${DIST}${script}`);
    const br = await get(script, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe(IMMUTABLE);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).equals(raw)).toBe(true);
    expect(br.rawPayload.length).toBeLessThan(raw.length / 2);

    const gz = await get(script, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(raw)).toBe(true);

    const plain = await get(script);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(raw)).toBe(true);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('answers a missing asset with a 404, not with the app', async () => {
    const res = await get('/assets/gone-0000.js');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
    expect(res.headers['cache-control']).toBeUndefined();
  });

  it('compresses API JSON', async () => {
    const plain = await get('/api/docs/json');
    expect(plain.statusCode).toBe(200);
    const br = await get('/api/docs/json', { 'accept-encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(plain.json());
    const gz = await get('/api/docs/json', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
  });

  it('still answers unknown API paths and other methods with a JSON 404', async () => {
    expect((await get('/api/nothing-here')).statusCode).toBe(404);
    const post = await t.app.inject({ method: 'POST', url: '/tra-cuu' });
    expect(post.statusCode).toBe(404);
  });
});
