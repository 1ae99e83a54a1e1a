/**
 * npm run import:dossiers -- <file.csv> [--batch 20000] [--concurrency 3]
 * A CSV file of dossier events of any size (the columns of the import screen) through the real ingest path,
 * with a progress bar: the whole file is checked first (any row error: nothing is written, the rows are
 * listed), then written in batches. PostgreSQL (DATABASE_URL) while the server runs; PGlite (DATA_DIR) with
 * the server stopped (it holds the database while it runs: use the import screen then).
 * Exit code 0 when done, 1 when refused or stopped (what was written before a stop stays; running the
 * corrected file again skips it).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openDatabase } from '../server/db/client.js';
import { readConfig } from '../server/config.js';
import { AppError } from '../server/errors.js';
import { type BulkProgress, bulkImport } from '../server/modules/dossiers/bulkImport.js';
import { bulkConcurrency } from '../server/modules/dossiers/ingest.js';
import { runningServerPid } from './runningServer.js';

const args = process.argv.slice(2);
const opt = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const path = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!path || !existsSync(path)) {
  console.error('usage: npm run import:dossiers -- <file.csv> [--batch 20000] [--concurrency 3]');
  process.exit(2);
}
const config = readConfig();
if (!config.databaseUrl) {
  const pid = runningServerPid(config.dataDir);
  if (pid) {
    console.error(`cchc: the server (pid ${pid}) holds ${config.dataDir}: import the file on the import screen (Hồ sơ → Nhập tệp lớn) or stop the server first.`);
    process.exit(2);
  }
}

const vi = (n: number) => n.toLocaleString('vi-VN');
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
const clock = (s: number) => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;
const tty = process.stderr.isTTY;
let lastLine = 0;
function bar(p: BulkProgress) {
  const width = 30;
  const done = p.phase === 'checking' ? p.bytesRead / Math.max(1, p.totalBytes) : p.written / Math.max(1, p.rows);
  const filled = Math.min(width, Math.round(done * width));
  const head = p.phase === 'checking' ? 'Kiểm tra' : p.phase === 'writing' ? 'Ghi     ' : p.phase === 'done' ? 'Xong    ' : 'Dừng    ';
  const tail =
    p.phase === 'checking'
      ? `${mb(p.bytesRead)} / ${mb(p.totalBytes)} · ${vi(p.rows)} dòng`
      : `${vi(p.written)} / ${vi(p.rows)} sự kiện · ${vi(p.eventsPerSecond)}/s${p.etaSeconds !== null && p.phase === 'writing' ? ` · còn ${clock(p.etaSeconds)}` : ''}`;
  const line = `${head} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(done * 100)}% ${tail}`;
  if (tty) process.stderr.write(`\r${line}\x1b[K`);
  else if (Date.now() - lastLine > 5000 || p.phase === 'done' || p.phase === 'failed') {
    lastLine = Date.now();
    process.stderr.write(`${line}\n`);
  }
}

const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const concurrency = Number(opt('concurrency') ?? bulkConcurrency(database.engine));
let code = 0;
try {
  const r = await bulkImport(database.db, { id: null, name: 'cli-import' }, resolve(path), { batchSize: Number(opt('batch') ?? 20_000), concurrency, onProgress: bar });
  if (tty) process.stderr.write('\n');
  console.log(`cchc: ${vi(r.applied)} sự kiện đã ghi, ${vi(r.duplicates)} đã có từ trước (bỏ qua), ${vi(r.batches)} lô, ${clock(r.elapsedMs / 1000)} (${vi(r.eventsPerSecond)} sự kiện/giây khi ghi)`);
} catch (e) {
  if (tty) process.stderr.write('\n');
  if (!(e instanceof AppError)) throw e;
  console.error(`cchc: ${e.messageVi}`);
  for (const x of (e.details.errors ?? []) as { row: number; message: string }[]) console.error(`  dòng ${vi(x.row)}: ${x.message}`);
  const total = Number(e.details.errorCount ?? 0);
  const shown = ((e.details.errors ?? []) as unknown[]).length;
  if (total > shown) console.error(`  … và ${vi(total - shown)} dòng lỗi khác`);
  code = 1;
} finally {
  await database.close();
}
process.exit(code);
