/**
 * The public endpoints under load (issue 15, item 4), against a trivial route of the same server in the same
 * run (the ceiling): the citizen's dossier lookup (random demo codes), what the portal's pages fetch (the
 * public overview, the published rounds and ranking, the procedures list) and the public pages' HTML.
 *   npm run bench:public -- [--engine pglite|postgres] [--seconds 10] [--connections 50] [--port 4100] [--db name]
 *     [--only lookup,ranking,...]
 * PostgreSQL: the server of BENCH_DATABASE_URL (else DATABASE_URL, else the local one); a fresh database
 * is made for the run: `--db name` (made again, left after the run), else one of its own, dropped after it.
 * The server runs in a child process (compiled, as `npm start` runs it) with the demo data and a rate limit
 * high enough not to count (PUBLIC_RATE_LIMIT); autocannon drives it from this process. Prints a JSON line per
 * endpoint and at the end one line with the ceiling and, per endpoint, rps, p50, p99 and rps / ceiling
 * (overviewRevalidate sends the ETag it was given: its answers are 304s, counted in non2xx).
 */
import autocannon from 'autocannon';
import { startBenchServer } from './server.js';
import { arg } from './setup.js';

const engine = arg('engine', 'pglite');
const seconds = Number(arg('seconds', '10'));
const connections = Number(arg('connections', '50'));
const port = Number(arg('port', String(3900 + Math.floor(Math.random() * 90))));
const dbName = process.argv.includes('--db') ? arg('db', '') : undefined;
const only = process.argv.includes('--only') ? arg('only', '').split(',') : null;
const base = `http://127.0.0.1:${port}`;

interface Line {
  title: string;
  requestsPerSecond: number;
  p50_ms: number;
  p99_ms: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

async function load(title: string, requests: { path: string }[] | string, headers: Record<string, string> = {}): Promise<Line> {
  const opts: autocannon.Options = { url: base, connections, duration: seconds, pipelining: 1, headers };
  if (typeof requests === 'string') opts.url = base + requests;
  else {
    let i = 0;
    opts.requests = [{ setupRequest: (req) => ({ ...req, path: requests[i++ % requests.length].path }) }];
  }
  const r = await autocannon(opts);
  const line = { title, requestsPerSecond: Math.round(r.requests.average), p50_ms: r.latency.p50, p99_ms: r.latency.p99, non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts };
  console.log(JSON.stringify(line));
  return line;
}

const server = await startBenchServer(engine, port, {}, dbName);
try {
  // demo codes: the public lookup is by code; take some from the staff list as the administrator
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'Bench12345' }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const list = (await (await fetch(`${base}/api/dossiers?from=2025-06-01&to=2026-12-31&category=received&limit=200`, { headers: { cookie } })).json()) as { items: { code: string }[] };
  const lookups = list.items.map((x) => x.code).map((c) => ({ path: `/api/public/dossiers/${encodeURIComponent(c)}` }));
  const rounds = (await (await fetch(`${base}/api/public/par/rounds`)).json()) as { id: number }[];
  const etagOf = async (path: string) => (await fetch(base + path, { headers: { 'accept-encoding': 'br' } })).headers.get('etag');
  await load('warm-up', '/api/health');
  const ceiling = await load('trivial route (GET /api/health)', '/api/health');
  const endpoints: Record<string, () => Promise<Line | null>> = {
    lookup: () => load('public dossier lookup (random demo codes)', lookups),
    overview: () => load('public overview (GET /api/public/overview, brotli)', '/api/public/overview', { 'accept-encoding': 'br' }),
    overviewRevalidate: async () => {
      const etag = await etagOf('/api/public/overview');
      return etag ? load('public overview revalidated (If-None-Match → 304)', '/api/public/overview', { 'accept-encoding': 'br', 'if-none-match': etag }) : null;
    },
    rounds: () => load('published rounds (GET /api/public/par/rounds)', '/api/public/par/rounds'),
    ranking: async () => (rounds.length ? load('published PAR ranking (brotli)', `/api/public/par/rounds/${rounds[0].id}`, { 'accept-encoding': 'br' }) : null),
    procedures: () => load('procedures list (GET /api/procedures?limit=20, brotli)', '/api/procedures?limit=20', { 'accept-encoding': 'br' }),
    lookupPage: () => load('public page /tra-cuu (HTML, brotli)', '/tra-cuu', { 'accept-encoding': 'br' }),
    portalPage: () => load('public page /cong-khai (HTML, brotli)', '/cong-khai', { 'accept-encoding': 'br' }),
  };
  const results: Record<string, { rps: number; p50: number; p99: number; ratio: number; non2xx: number; errors: number } | null> = {};
  for (const [name, run] of Object.entries(endpoints)) {
    if (only && !only.includes(name)) continue;
    const l = await run();
    results[name] = l && { rps: l.requestsPerSecond, p50: l.p50_ms, p99: l.p99_ms, ratio: Math.round((l.requestsPerSecond / ceiling.requestsPerSecond) * 100) / 100, non2xx: l.non2xx, errors: l.errors + l.timeouts };
  }
  console.log(JSON.stringify({ engine, connections, seconds, ceiling: { rps: ceiling.requestsPerSecond, p50: ceiling.p50_ms, p99: ceiling.p99_ms }, ...results }));
} finally {
  await server.stop();
}
