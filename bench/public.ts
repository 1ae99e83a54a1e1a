/**
 * The public endpoints under load, against a trivial route of the same server in the same run (the ceiling):
 * the citizen's dossier lookup (random demo codes), the published ranking, the public page itself.
 *   npm run bench:public -- [--engine pglite|postgres] [--seconds 10] [--connections 50]
 * The server runs in a child process (compiled, as `npm start` runs it) with the demo data and a rate limit
 * high enough not to count; autocannon drives it from this process. Prints a JSON line at the end.
 */
import autocannon from 'autocannon';
import { startBenchServer } from './server.js';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
const engine = arg('engine', 'pglite');
const seconds = Number(arg('seconds', '10'));
const connections = Number(arg('connections', '50'));
const port = 3900 + Math.floor(Math.random() * 90);
const base = `http://127.0.0.1:${port}`;

async function load(title: string, requests: { path: string }[] | string) {
  const opts: autocannon.Options = { url: base, connections, duration: seconds, pipelining: 1 };
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

const server = await startBenchServer(engine, port);
try {
  // demo codes: the public lookup is by code; take some from the staff list as the administrator
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'Bench12345' }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const list = (await (await fetch(`${base}/api/dossiers?from=2025-06-01&to=2026-12-31&category=received&limit=200`, { headers: { cookie } })).json()) as { items: { code: string }[] };
  const lookups = list.items.map((x) => x.code).map((c) => ({ path: `/api/public/dossiers/${encodeURIComponent(c)}` }));
  const rounds = (await (await fetch(`${base}/api/public/par/rounds`)).json()) as { id: number }[];
  await load('warm-up', '/api/health');
  const ceiling = await load('trivial route (GET /api/health)', '/api/health');
  const lookup = await load('public dossier lookup (random demo codes)', lookups);
  const ranking = rounds.length ? await load('published PAR ranking', `/api/public/par/rounds/${rounds[0].id}`) : null;
  const page = await load('public page (HTML, brotli)', '/tra-cuu');
  console.log(JSON.stringify({ engine, connections, seconds, ceiling: ceiling.requestsPerSecond, lookup: lookup.requestsPerSecond, lookupP99: lookup.p99_ms, ratio: Math.round((lookup.requestsPerSecond / ceiling.requestsPerSecond) * 100) / 100, ranking: ranking?.requestsPerSecond ?? null, rankingP99: ranking?.p99_ms ?? null, page: page.requestsPerSecond }));
} finally {
  await server.stop();
}
