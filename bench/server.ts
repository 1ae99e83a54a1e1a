/** A server for the load benchmarks: the build of `npm run build`, started on a port of its own. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * The compiled server (as `npm start` runs it) in a child process with the demo data, on a fresh database
 * (BENCH_NODE_ARGS: more node flags, e.g. --cpu-prof). `database`: the PostgreSQL database to use (dropped and
 * made again, left after the run); by default a new one with a name of its own, dropped after. The PostgreSQL
 * server: BENCH_DATABASE_URL's, else DATABASE_URL's, else the local one.
 */
export async function startBenchServer(engine: string, port: number, env: Record<string, string> = {}, database?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-bench-'));
  const root = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  let databaseUrl: string | undefined;
  let dbName: string | undefined;
  if (engine === 'postgres') {
    dbName = database ?? `cchc_bench_public_${Date.now()}`;
    const c = new pg.Client({ connectionString: root });
    await c.connect();
    if (database) await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${dbName}`);
    await c.end();
    const u = new URL(root);
    u.pathname = `/${dbName}`;
    databaseUrl = u.toString();
  }
  const child = spawn(process.execPath, ['--enable-source-maps', ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), 'dist/server/main.js'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: join(dir, 'data'), ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: '' }), PUBLIC_RATE_LIMIT: '100000000', LOG_LEVEL: 'warn', ADMIN_PASSWORD: 'Bench12345', DEMO_PASSWORD: 'Bench12345', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (b: Buffer) => b.toString().includes('listening on') && resolve());
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return {
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.on('exit', r));
      rmSync(dir, { recursive: true, force: true });
      if (dbName && !database) {
        const c = new pg.Client({ connectionString: root });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
        await c.end();
      }
    },
  };
}

