/**
 * Hostile uploads against a running server (issue 10, item 9): the server is started as a child process on
 * an empty PGlite database, each hostile file is sent over HTTP while GET /api/health is asked every 20 ms,
 * and the figures are printed: the answer and how long it took, health answers meanwhile and their slowest
 * latency, the server's resident memory before and at its peak during the upload.
 *
 *   npx tsx bench/uploads.ts                      (this checkout)
 *   npx tsx bench/uploads.ts --root /path/to/other/checkout   (the same files against another version)
 *
 * Figures, never asserts. A server that dies is reported as such (and started again for the next file).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as H from '../tests/helpers/hostileFiles.js';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : def;
};
const root = resolve(arg('root', fileURLToPath(new URL('..', import.meta.url))));
const timeoutMs = Number(arg('timeout', '120000'));
const PASSWORD = 'Bench12345!x';

const rssOf = (pid: number) => {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
};

interface Server {
  child: ChildProcess;
  base: string;
  dir: string;
  cookie: string;
  csrf: string;
  alive: boolean;
}

async function start(port: number): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-bench-uploads-'));
  // node itself (with tsx's loader), so that the pid measured is the server's
  const tsx = (f: string) => pathToFileURL(join(root, 'node_modules/tsx/dist', f)).href;
  const child = spawn(process.execPath, ['--require', fileURLToPath(tsx('preflight.cjs')), '--import', tsx('loader.mjs'), join(root, 'server/main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir, DEMO_DATA: 'false', ADMIN_PASSWORD: PASSWORD, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const s: Server = { child, base: `http://127.0.0.1:${port}`, dir, cookie: '', csrf: '', alive: true };
  child.on('exit', () => (s.alive = false));
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${s.base}/api/health`)).ok) break;
    } catch {
      /* not yet */
    }
    if (i > 600 || !s.alive) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  const login = await fetch(`${s.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
  s.cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  s.csrf = (await login.json()).csrfToken;
  return s;
}

function stop(s: Server) {
  if (s.alive) s.child.kill('SIGKILL');
  rmSync(s.dir, { recursive: true, force: true });
}

async function measure(s: Server, url: string, name: string, data: Buffer, fields: Record<string, string> = {}) {
  const pid = s.child.pid!;
  const rssBefore = rssOf(pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssOf(pid))), 20);
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(data)]), name);
  const started = performance.now();
  // health is asked from another thread, so that the client's own work (encoding the upload) is not counted
  const poller = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const latencies = []; let stop = false;
     parentPort.on('message', () => (stop = true));
     (async () => {
       while (!stop) {
         const t0 = performance.now();
         try { const r = await fetch(workerData.url, { signal: AbortSignal.timeout(workerData.timeoutMs) }); if (r.ok && !stop) latencies.push(performance.now() - t0); } catch {}
         await new Promise((r) => setTimeout(r, 20));
       }
       parentPort.postMessage(latencies);
     })();`,
    { eval: true, workerData: { url: `${s.base}/api/health`, timeoutMs } },
  );
  const polled = new Promise<number[]>((r) => poller.once('message', r));
  let answer: string;
  try {
    const r = await fetch(`${s.base}${url}`, { method: 'POST', body: form, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, signal: AbortSignal.timeout(timeoutMs) });
    const body = await r.text();
    let code = '';
    try {
      code = JSON.parse(body).code;
    } catch {
      /* not JSON */
    }
    answer = `${r.status} ${code}`;
  } catch (e) {
    answer = s.alive ? `no answer (${(e as Error).name})` : 'server died';
  }
  const ms = performance.now() - started;
  poller.postMessage('stop');
  const health = await polled;
  await poller.terminate();
  clearInterval(sampler);
  if (!s.alive) answer = 'server died';
  return { answer, ms, health: health.length, slowestHealth: health.length ? Math.max(...health) : null, rssBefore, rssPeak };
}

const mb = (b: Buffer) => `${(b.length / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;

const cases: [string, string, string, () => Promise<Buffer> | Buffer, Record<string, string>?][] = [
  ['.xlsx, sheet inflating to 200 MB (dossier import)', '/api/dossiers/import', 'events.xlsx', () => H.xlsxLargeSheet(200e6)],
  ['.xlsx, sheet inflating to 90 MB (dossier import)', '/api/dossiers/import', 'events.xlsx', () => H.xlsxLargeSheet(90e6)],
  ['.xlsx, 200 MB sheet declaring 4 KB (dossier import)', '/api/dossiers/import', 'events.xlsx', () => H.xlsxBomb(200e6, true)],
  ['.xlsx, one cell at XFD1048576 (procedures dry run)', '/api/procedures/import?dryRun=true', 'tthc.xlsx', () => H.xlsxWithCellAt('XFD1048576')],
  ['.csv, 49 MB of commas (dossier import)', '/api/dossiers/import', 'events.csv', () => Buffer.alloc(49e6, ',')],
  ['.csv, 9 MB of commas (procedures dry run)', '/api/procedures/import?dryRun=true', 'tthc.csv', () => Buffer.alloc(9e6, ',')],
  ['.docx, 100 000 unclosed tables (plan dry run)', '/api/plans/import?dryRun=true', 'phu-luc.docx', () => H.docxWithBody('<w:tbl>'.repeat(100_000)), { year: '2026', unitId: '1' }],
];

console.log(`cchc hostile uploads — server from ${root}, Node ${process.version}; timeout ${timeoutMs / 1000} s`);
let port = 39_000 + Math.floor(Math.random() * 1000);
let server = await start(port);
console.log(`server RSS at rest: ${rssOf(server.child.pid!)} MB\n`);
console.log('| file | size | answer | time | health answers meanwhile | slowest health | RSS before → peak |');
console.log('|---|---|---|---|---|---|---|');
for (const [what, url, name, make, fields] of cases) {
  const data = await make();
  if (!server.alive) {
    stop(server);
    server = await start(++port);
  }
  const m = await measure(server, url, name, data, fields);
  console.log(`| ${what} | ${mb(data)} | ${m.answer} | ${(m.ms / 1000).toFixed(2).replace('.', ',')} s | ${m.health} | ${m.slowestHealth === null ? '—' : `${m.slowestHealth.toFixed(0)} ms`} | ${m.rssBefore} → ${m.rssPeak} MB |`);
}
stop(server);
