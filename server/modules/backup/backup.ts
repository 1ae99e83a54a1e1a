/**
 * Backups of either engine, restored into a fresh database:
 * - PostgreSQL: `pg_dump --format=custom` (a consistent snapshot while the server runs) and `pg_restore` into
 *   an empty database (`--no-owner`, so any role can restore it).
 * - PGlite: its own dump of the data directory, a gzipped tarball taken between queries inside the process that
 *   holds the database — so the running server takes it (GET /api/admin/backup), or the command below when the
 *   server is stopped; restoring writes a new data directory from it.
 * The audit key (data/audit.key or AUDIT_KEY) is not in the backup: keep it apart, restore it beside.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Database } from '../../db/client.js';
import { openDatabase } from '../../db/client.js';

const run = (cmd: string, args: string[]) =>
  new Promise<void>((resolve, reject) =>
    execFile(cmd, args, { maxBuffer: 64 * 1024 * 1024 }, (err, _out, stderr) => (err ? reject(new Error(`${cmd}: ${stderr || err.message}`)) : resolve())),
  );

/**
 * A PostgreSQL database dumped to `file` (custom format). Without the rows of `data_changes`: transaction ids of
 * this cluster, meaningless in the one restored into (server/db/dataCache.ts).
 */
export const pgBackup = (databaseUrl: string, file: string) => run('pg_dump', ['--format=custom', '--no-owner', '--exclude-table-data=data_changes', '--file', file, '--dbname', databaseUrl]);

/** A dump restored into an empty PostgreSQL database. */
export const pgRestore = (databaseUrl: string, file: string) => run('pg_restore', ['--no-owner', '--exit-on-error', '--single-transaction', '--dbname', databaseUrl, file]);

/** The open PGlite database as a gzipped tarball of its data directory. */
export async function pgliteBackup(database: Database): Promise<Buffer> {
  if (!database.dumpDataDir) throw new Error('not a PGlite database');
  return Buffer.from(await (await database.dumpDataDir()).arrayBuffer());
}

/** A tarball restored as the data directory `dataDir` (which must not hold a database yet). */
export async function pgliteRestore(file: string, dataDir: string): Promise<void> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) throw new Error(`${dataDir} is not empty: restore into a new data directory`);
  const database = await openDatabase({ dataDir, loadDataDir: new Blob([await readFile(file)]) });
  await database.close();
}
