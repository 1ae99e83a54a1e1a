/**
 * Test applications on a real database: in-memory PGlite always, and PostgreSQL when TEST_DATABASE_URL
 * is set (each app gets a database of its own on that server, dropped afterwards).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { type Database, type Engine, openDatabase } from '../../server/db/client.js';
import { type AppOptions, buildApp } from '../../server/http/app.js';
import { bootstrap } from '../../server/seed/bootstrap.js';

export const ENGINES: Engine[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
export const ADMIN_PASSWORD = 'Admin12345';
export const DEMO_PASSWORD = 'Demo12345';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

/** A migrated database of its own on `engine`, without an app or seed data; `close` ends it (and drops it on PostgreSQL). */
export async function bareDatabase(engine: Engine): Promise<{ database: Database; close: () => Promise<void> }> {
  const pgdb = engine === 'postgres' ? await freshPostgres() : undefined;
  const database = await openDatabase({ databaseUrl: pgdb?.url });
  return {
    database,
    close: async () => {
      await database.close();
      await pgdb?.drop();
    },
  };
}

export async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = new URL(process.env.TEST_DATABASE_URL!);
  const name = `cchc_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      // the app's pool has ended; its connections may take a moment to leave the server
      const c = new pg.Client({ connectionString: base.toString() });
      await c.connect();
      try {
        for (let i = 0; ; i++) {
          try {
            await c.query(`DROP DATABASE IF EXISTS ${name}`);
            break;
          } catch (e) {
            if (i >= 50) throw e;
            await new Promise((r) => setTimeout(r, 100));
          }
        }
      } finally {
        await c.end();
      }
    },
  };
}

export async function testApp(engine: Engine, opts: { demo?: boolean; demoDossiers?: boolean; demoPar?: boolean } & Partial<AppOptions> = {}): Promise<TestApp> {
  const pgdb = engine === 'postgres' ? await freshPostgres() : undefined;
  const database = await openDatabase({ databaseUrl: pgdb?.url });
  await bootstrap(database.db, { demoData: opts.demo ?? true, demoDossiers: opts.demoDossiers ?? false, demoPar: opts.demoPar ?? false, adminPassword: ADMIN_PASSWORD, demoPassword: DEMO_PASSWORD });
  const app = await buildApp({ loginRateLimit: 10_000, publicRateLimit: 10_000, ...opts, database, databaseUrl: pgdb?.url });
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
      await pgdb?.drop();
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
}

export async function login(app: FastifyInstance, username: string, password = username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const c = res.cookies.find((x) => x.name === 'cchc_session')!;
  return { cookie: `cchc_session=${c.value}`, csrf: res.json().csrfToken };
}

/** A small client: requests carry the session cookie and, for writes, the CSRF header. */
export function as(app: FastifyInstance, s: Session | null) {
  const headers = (write: boolean) => ({
    ...(s ? { cookie: s.cookie } : {}),
    ...(s && write ? { 'x-csrf-token': s.csrf } : {}),
  });
  return {
    get: (url: string) => app.inject({ method: 'GET', url, headers: headers(false) }),
    post: (url: string, payload?: object) => app.inject({ method: 'POST', url, payload, headers: headers(true) }),
    patch: (url: string, payload?: object) => app.inject({ method: 'PATCH', url, payload, headers: headers(true) }),
    put: (url: string, payload?: object) => app.inject({ method: 'PUT', url, payload, headers: headers(true) }),
    delete: (url: string) => app.inject({ method: 'DELETE', url, headers: headers(true) }),
    /** one file as multipart/form-data, field "file" */
    upload: (url: string, fileName: string, data: Buffer) => {
      const b = 'xx' + Math.random().toString(16).slice(2);
      const payload = Buffer.concat([Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`), data, Buffer.from(`\r\n--${b}--\r\n`)]);
      return app.inject({ method: 'POST', url, payload, headers: { ...headers(true), 'content-type': `multipart/form-data; boundary=${b}` } });
    },
  };
}

/** The id of a unit by its code (any date). */
export async function unitId(app: FastifyInstance, code: string, asOf: string): Promise<number> {
  const res = await app.inject({ method: 'GET', url: `/api/org-units?asOf=${asOf}` });
  const u = res.json().find((x: { code: string }) => x.code === code);
  if (!u) throw new Error(`no unit ${code} on ${asOf}`);
  return u.id;
}
