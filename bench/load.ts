/**
 * Many users at once (issue 15, item 2): `--users` concurrent connections for `--seconds` against the
 * compiled server with the demo data, each request drawn from a mix of what staff and citizens open —
 * the dossier dashboard (statistics of a quarter, the trend), the 766 index, a plan's figures, the PAR
 * results, the periodic report, one's tasks, and the public dossier lookup. Staff requests carry the
 * session of one of the demo users (signed in once each). Bounded: it stops after `--seconds`.
 *
 *   npm run bench:load -- --engine postgres --users 200 --seconds 600 [--port 4200] [--db cchc_load] [--alone 5]
 *
 * Prints a JSON line per endpoint (run alone for a few seconds after the mix, for its own latency) and last
 * the mix: { requestsPerSecond, p50_ms, p99_ms, errors, non2xx, timeouts }.
 */
import autocannon from 'autocannon';
import { startBenchServer } from './server.js';
import { arg } from './setup.js';

const engine = arg('engine', 'postgres');
const users = Number(arg('users', '200'));
const seconds = Number(arg('seconds', '60'));
const port = Number(arg('port', String(3800 + Math.floor(Math.random() * 90))));
const database = arg('db', '') || undefined;
const alone = Number(arg('alone', '5')); // seconds for each endpoint alone after the mix (0: none)
const base = `http://127.0.0.1:${port}`;
const STAFF = ['admin', 'snv.lanhdao', 'snv.canbo', 'stp.canbo', 'stp.lanhdao', 'khcn.canbo', 'ubnd.lanhdao', 'hdnd.giamsat'];

async function signIn(username: string) {
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'Bench12345' }) });
  if (!r.ok) throw new Error(`login ${username}: ${r.status}`);
  return r.headers.get('set-cookie')!.split(';')[0];
}

async function run(title: string, requests: { path: string; cookie?: string }[], connections: number, duration: number) {
  let i = 0;
  const r = await autocannon({
    url: base,
    connections,
    duration,
    timeout: 10,
    requests: [
      {
        setupRequest: (req) => {
          const x = requests[i++ % requests.length];
          return { ...req, path: x.path, headers: { ...req.headers, ...(x.cookie ? { cookie: x.cookie } : {}) } };
        },
      },
    ],
  });
  const line = { title, requestsPerSecond: Math.round(r.requests.average), p50_ms: r.latency.p50, p99_ms: r.latency.p99, errors: r.errors, non2xx: r.non2xx, timeouts: r.timeouts };
  console.log(JSON.stringify(line));
  return line;
}

const server = await startBenchServer(engine, port, {}, database);
try {
  const cookies = await Promise.all(STAFF.map(signIn));
  const admin = cookies[0];
  const get = async <T>(path: string) => (await (await fetch(base + path, { headers: { cookie: admin } })).json()) as T;
  const plans = await get<{ id: number }[]>('/api/plans');
  const rounds = await get<{ id: number; year: number }[]>('/api/par/rounds');
  const codes = (await get<{ items: { code: string }[] }>('/api/dossiers?from=2025-06-01&to=2026-12-31&category=received&limit=200')).items.map((x) => x.code);
  const staff = (path: string, who = cookies) => who.map((cookie) => ({ path, cookie }));
  // the province's report is read by those who follow the province (the others get their unit's through its id)
  const province = [cookies[0], cookies[6], cookies[7]];
  const endpoints: Record<string, { path: string; cookie?: string }[]> = {
    'dashboard: statistics of a quarter': staff('/api/dossiers/stats?from=2026-07-01&to=2026-09-30'),
    'dashboard: the trend': staff('/api/dossiers/stats/trend?from=2026-01-01&to=2026-09-30'),
    '766 index of the year': staff('/api/index766?period=2026'),
    'plan figures': plans.length ? staff(`/api/plans/${plans[0].id}/figures`) : [],
    'PAR results': rounds.length ? staff(`/api/par/rounds/${rounds[0].id}/results`) : [],
    'periodic report (province, 6 months)': staff('/api/reports/cchc?period=2026-6M', province),
    'my tasks': staff('/api/my/tasks'),
    'public dossier lookup': codes.map((c) => ({ path: `/api/public/dossiers/${encodeURIComponent(c)}` })),
  };
  // the mix: every endpoint's requests interleaved (a public lookup for every staff request)
  const lists = Object.values(endpoints).filter((l) => l.length);
  const mix: { path: string; cookie?: string }[] = [];
  for (let k = 0; k < 400; k++) for (const l of lists) mix.push(l[k % l.length]);
  await run('warm-up', mix, 20, 3);
  const overall = await run(`mix of ${lists.length} endpoints, ${users} users`, mix, users, seconds);
  const per: Record<string, unknown>[] = [];
  for (const [title, list] of Object.entries(endpoints)) if (list.length && alone > 0) per.push(await run(title, list, Math.min(users, 50), alone));
  console.log(JSON.stringify({ engine, users, seconds, ...overall, endpoints: per }));
} finally {
  await server.stop();
}
