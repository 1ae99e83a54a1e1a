/**
 * npm run restore -- <file>
 * Into the database of the configuration: PostgreSQL (DATABASE_URL, an empty database) with pg_restore; PGlite
 * (DATA_DIR, a new or empty directory) from a data-directory dump. Restore the audit key beside it.
 */
import { resolve } from 'node:path';
import { pgliteRestore, pgRestore } from '../server/modules/backup/backup.js';
import { readConfig } from '../server/config.js';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run restore -- <backup file>');
  process.exit(2);
}
const config = readConfig();
if (config.databaseUrl) await pgRestore(config.databaseUrl, resolve(file));
else await pgliteRestore(resolve(file), config.dataDir);
console.log(`cchc: restored ${file} into ${config.databaseUrl ? 'DATABASE_URL' : config.dataDir}`);
