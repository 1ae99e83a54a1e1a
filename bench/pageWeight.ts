/**
 * Page weight (issue 10, item 3): bytes a browser transfers and a rough time to usable for the pages a new
 * person meets first, on Chromium with the DevTools "Fast 3G" profile (CDP Network.emulateNetworkConditions).
 *
 *   npm run build && npm run bench:pages            (options: --runs 3 --profile fast3g|none)
 *
 * A real server (in-memory PGlite, demo data) on a free loopback port, Debian's Chromium. Each cold run is a new
 * browser context (empty cache); then the same page is loaded again in that context (warm: cached assets).
 * "Usable" is the moment the page's first input (or title) is visible and enabled: the username on the login page, the
 * dossier code on the citizen's lookup, the title of the published ranking. Bytes are what went over
 * the wire (`encodedDataLength`: compressed bodies plus headers), by the time the page is usable and in all
 * (until the network has been idle for 500 ms); requests count those the browser's cache did not answer.
 * Median of the runs.
 */
import type { CDPSession, Page } from 'playwright-core';
import { startSystem } from '../tests/e2e/browser.js';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};
const runs = Number(arg('runs', '3'));
const profile = arg('profile', 'fast3g');

/** Chromium DevTools' "Fast 3G" preset: 1.6 Mbit/s down, 750 kbit/s up, each × 0.9; 150 ms × 3.75 latency. */
const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: (1.6 * 1000 * 1000) / 8 * 0.9, uploadThroughput: (750 * 1000) / 8 * 0.9 };

const PAGES: { name: string; path: string; ready: (p: Page) => ReturnType<Page['locator']> }[] = [
  { name: 'login', path: '/login', ready: (p) => p.getByLabel(/Tên đăng nhập|Username/) },
  { name: 'public lookup', path: '/tra-cuu', ready: (p) => p.getByTestId('lookup-code') },
  { name: 'public PAR ranking', path: '/cong-khai/chi-so-cchc', ready: (p) => p.getByRole('heading', { name: /Công khai Chỉ số CCHC|Published PAR index/ }) },
];

interface Load {
  ms: number;
  /** requests that went to the server (not answered from the browser's cache) */
  requests: number;
  bytes: number;
  /** bytes received by the time the page was usable */
  bytesAtUsable: number;
  jsBytes: number;
  cssBytes: number;
}

async function measure(page: Page, cdp: CDPSession, url: string, ready: ReturnType<Page['locator']>): Promise<Load> {
  const kinds = new Map<string, string>();
  const cached = new Set<string>();
  const done: { id: string; bytes: number }[] = [];
  const onResponse = (e: { requestId: string; type: string; response: { fromDiskCache?: boolean; fromPrefetchCache?: boolean } }) => {
    kinds.set(e.requestId, e.type);
    if (e.response.fromDiskCache || e.response.fromPrefetchCache) cached.add(e.requestId);
  };
  const onCached = (e: { requestId: string }) => cached.add(e.requestId);
  const onFinished = (e: { requestId: string; encodedDataLength: number }) => done.push({ id: e.requestId, bytes: e.encodedDataLength });
  cdp.on('Network.responseReceived', onResponse);
  cdp.on('Network.requestServedFromCache', onCached);
  cdp.on('Network.loadingFinished', onFinished);
  const t0 = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  await ready.waitFor({ state: 'visible', timeout: 120_000 });
  await page.waitForFunction((el) => el && !(el as HTMLInputElement).disabled, await ready.elementHandle(), { timeout: 120_000 });
  const ms = performance.now() - t0;
  const bytesAtUsable = done.reduce((s, d) => s + d.bytes, 0);
  await page.waitForLoadState('networkidle');
  cdp.off('Network.responseReceived', onResponse);
  cdp.off('Network.requestServedFromCache', onCached);
  cdp.off('Network.loadingFinished', onFinished);
  const sum = (type?: string) => done.filter((d) => !type || kinds.get(d.id) === type).reduce((s, d) => s + d.bytes, 0);
  const requests = done.filter((d) => !cached.has(d.id)).length;
  return { ms, requests, bytes: sum(), bytesAtUsable, jsBytes: sum('Script'), cssBytes: sum('Stylesheet') };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

async function main() {
  const sys = await startSystem();
  const results: Record<string, { cold: Load; warm: Load }> = {};
  try {
    for (const p of PAGES) {
      const cold: Load[] = [];
      const warm: Load[] = [];
      for (let r = 0; r < runs; r++) {
        const context = await sys.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', isMobile: true });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        if (profile === 'fast3g') await cdp.send('Network.emulateNetworkConditions', FAST_3G);
        cold.push(await measure(page, cdp, `${sys.base}${p.path}`, p.ready(page)));
        warm.push(await measure(page, cdp, `${sys.base}${p.path}`, p.ready(page)));
        await context.close();
      }
      const pick = (ls: Load[]): Load => ({
        ms: median(ls.map((l) => l.ms)),
        requests: median(ls.map((l) => l.requests)),
        bytes: median(ls.map((l) => l.bytes)),
        bytesAtUsable: median(ls.map((l) => l.bytesAtUsable)),
        jsBytes: median(ls.map((l) => l.jsBytes)),
        cssBytes: median(ls.map((l) => l.cssBytes)),
      });
      results[p.name] = { cold: pick(cold), warm: pick(warm) };
      const c = results[p.name].cold;
      const w = results[p.name].warm;
      console.log(
        `${p.name.padEnd(20)} cold: ${(c.ms / 1000).toFixed(2)} s to usable (${kb(c.bytesAtUsable)} by then), ${kb(c.bytes)} in ${c.requests} requests in all (JS ${kb(c.jsBytes)}, CSS ${kb(c.cssBytes)})` +
          ` · warm: ${(w.ms / 1000).toFixed(2)} s, ${kb(w.bytes)} in ${w.requests} requests`,
      );
    }
  } finally {
    await sys.stop();
  }
  console.log(JSON.stringify({ profile, runs, node: process.version, results }, null, 2));
}

await main();
