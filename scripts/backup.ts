/**
 * npm run backup -- [--out <file>]
 * PostgreSQL (DATABASE_URL): pg_dump, consistent while the server runs. PGlite (DATA_DIR): the data directory's
 * dump — with the server stopped (it holds the database while it runs: then download the backup from the
 * running server, GET /api/admin/backup as the administrator, or stop it first).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDatabase } from '../server/db/client.js';
import { pgBackup, pgliteBackup } from '../server/modules/backup/backup.js';
import { readConfig } from '../server/config.js';
import { runningServerPid } from './runningServer.js';

const args = process.argv.slice(2);
const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
const config = readConfig();
const out = resolve(args[args.indexOf('--out') + 1] && args.includes('--out') ? args[args.indexOf('--out') + 1] : `backups/cchc-${config.databaseUrl ? 'postgres' : 'pglite'}-${stamp}.${config.databaseUrl ? 'dump' : 'tar.gz'}`);

await import('node:fs').then((fs) => fs.mkdirSync(resolve(out, '..'), { recursive: true }));
if (config.databaseUrl) {
  await pgBackup(config.databaseUrl, out);
} else {
  const pid = runningServerPid(config.dataDir);
  if (pid) {
    console.error(`cchc: the server (pid ${pid}) holds ${config.dataDir}: download the backup from it (GET /api/admin/backup as the administrator) or stop it first.`);
    process.exit(2);
  }
  const database = await openDatabase({ dataDir: config.dataDir });
  writeFileSync(out, await pgliteBackup(database));
  await database.close();
}
console.log(`cchc: backup written to ${out}`);
