/** Starts cchc: opens the database (PGlite in DATA_DIR, or PostgreSQL at DATABASE_URL), migrates, seeds, serves. */
import { rmSync, writeFileSync } from 'node:fs';
import { readConfig } from './config.js';
import { loadAuditKey } from './modules/audit/key.js';
import { openDatabase } from './db/client.js';
import { buildApp } from './http/app.js';
import { bootstrap } from './seed/bootstrap.js';

const config = readConfig();
// the audit trail's key, outside the database (server/modules/audit/key.ts)
const auditKey = loadAuditKey({ env: config.auditKey, file: config.auditKeyFile });
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const boot = await bootstrap(database.db, config);
const app = await buildApp({ database, databaseUrl: config.databaseUrl, importDir: config.importDir, bulkImportMaxBytes: config.importMaxBytes, cookieSecure: config.cookieSecure, trustProxy: config.trustProxy, ingestApiKey: config.ingestApiKey, publicRateLimit: config.publicRateLimit, logger: { level: config.logLevel } });

const where = database.engine === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
const lines = [`cchc: database ${where}`];
if (auditKey.source === 'created') lines.push(`cchc: audit key created in ${config.auditKeyFile} (keep a copy apart from the database backups)`);
if (boot.demoLoaded) lines.push('cchc: demo data loaded (Long An 2015–2025, Tây Ninh from 1/7/2025)');
if (boot.generatedAdminPassword) lines.push(`cchc: created user "admin" with password: ${boot.generatedAdminPassword}   (shown once; change it after login)`);
else if (boot.adminCreated) lines.push('cchc: created user "admin" with ADMIN_PASSWORD');
if (boot.generatedDemoPassword) lines.push(`cchc: demo users (snv.thamdinh, stp.canbo, stp.lanhdao, ubnd.lanhdao, hdnd.giamsat) password: ${boot.generatedDemoPassword}`);
if (boot.generatedDvcqgPassword) lines.push(`cchc: demo DVCQG source account "motcua.mau" (POST /api/dvcqg/login) password: ${boot.generatedDvcqgPassword}`);
console.log(lines.join('\n'));

await app.listen({ port: config.port, host: config.host });
// PGlite: the data directory is this process's while it runs (npm run backup reads it only when it is stopped)
const pidFile = database.engine === 'pglite' ? `${config.dataDir}/server.pid` : null;
if (pidFile) writeFileSync(pidFile, String(process.pid));
console.log(`cchc: listening on http://localhost:${config.port}  (API docs: /api/docs)`);

const stop = async () => {
  if (pidFile) rmSync(pidFile, { force: true });
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
