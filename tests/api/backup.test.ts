/**
 * A backup restored into a fresh database holds the same: every table's row count, the same statistics and
 * report figures, and an audit chain that verifies — on PGlite (its data-directory dump) and PostgreSQL
 * (pg_dump / pg_restore).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../server/db/client.js';
import { buildApp } from '../../server/http/app.js';
import { pgliteRestore, pgRestore } from '../../server/modules/backup/backup.js';
import { as, ENGINES, freshPostgres, login, testApp } from '../helpers/app.js';

async function counts(database: Database) {
  const tables = ((await database.db.execute(sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`)) as unknown as { rows: { table_name: string }[] }).rows.map((r) => r.table_name);
  const out: Record<string, number> = {};
  // data_changes holds transaction ids of one cluster, left out of a PostgreSQL dump (server/db/dataCache.ts)
  for (const t of tables.filter((x) => x !== 'data_changes')) out[t] = Number(((await database.db.execute(sql.raw(`SELECT count(*) AS n FROM "${t}"`))) as unknown as { rows: { n: string }[] }).rows[0].n);
  return out;
}

describe.each(ENGINES)('backup and restore on %s', (engine) => {
  it('restored into a fresh database: the same rows, statistics, report and a verifying audit chain', async () => {
    const t = await testApp(engine, { demoDossiers: true });
    const dir = mkdtempSync(join(tmpdir(), 'cchc-restore-'));
    let target: { url: string; drop: () => Promise<void> } | undefined;
    let restored: Database | undefined;
    try {
      const admin = await login(t.app, 'admin');
      const officer = await login(t.app, 'stp.canbo');
      expect((await as(t.app, officer).get('/api/admin/backup')).statusCode).toBe(403);
      const res = await as(t.app, admin).get('/api/admin/backup');
      expect(res.statusCode).toBe(200);
      const file = join(dir, engine === 'pglite' ? 'backup.tar.gz' : 'backup.dump');
      writeFileSync(file, res.rawPayload);
      const before = await counts(t.database);
      const read = async (app: Awaited<ReturnType<typeof buildApp>>) => {
        const s = await login(app, 'admin');
        return {
          stats: (await as(app, s).get('/api/dossiers/stats?from=2026-01-01&to=2026-06-30&by=unit')).json(),
          report: (await as(app, s).get('/api/reports/cchc?period=2026-6M')).json().figures,
          verify: (await as(app, s).get('/api/audit/verify')).json(),
        };
      };
      const was = await read(t.app);
      if (engine === 'pglite') {
        await pgliteRestore(file, join(dir, 'data'));
        restored = await openDatabase({ dataDir: join(dir, 'data') });
      } else {
        target = await freshPostgres();
        await pgRestore(target.url, file);
        restored = await openDatabase({ databaseUrl: target.url });
      }
      const after = await counts(restored);
      // the backup's own audit event came after the dump was taken
      expect(after).toEqual({ ...before, audit_events: before.audit_events - 1 });
      const app = await buildApp({ database: restored, loginRateLimit: 10_000, publicRateLimit: 10_000 });
      const now = await read(app);
      expect(now.stats).toEqual(was.stats);
      expect(now.report).toEqual(was.report);
      expect(now.verify).toMatchObject({ ok: true });
      await app.close();
    } finally {
      await restored?.close();
      await target?.drop();
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
