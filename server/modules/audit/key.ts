/**
 * The audit trail's key, kept outside the database: each event carries an HMAC of its hash with it, and
 * checkpoints are signed with it, so that someone who can write to the database but does not hold the key
 * cannot append an event or forge a checkpoint that verifies. Read from AUDIT_KEY (64 hex characters) or from
 * a key file (created on first start with mode 0600, e.g. `data/audit.key`; back it up apart from the
 * database). Without either (tests, one process) a random key lives as long as the process.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

let key: Buffer | null = null;

export function configureAuditKey(k: Buffer) {
  if (k.length < 32) throw new Error('cchc: the audit key must have at least 32 bytes');
  key = k;
}

/** AUDIT_KEY, else the key file (created if missing). */
export function loadAuditKey(opts: { env?: string; file: string }): { source: 'env' | 'file' | 'created' } {
  if (opts.env) {
    if (!/^[0-9a-f]{64,}$/i.test(opts.env)) throw new Error('cchc: AUDIT_KEY must be at least 64 hexadecimal characters');
    configureAuditKey(Buffer.from(opts.env, 'hex'));
    return { source: 'env' };
  }
  if (existsSync(opts.file)) {
    configureAuditKey(Buffer.from(readFileSync(opts.file, 'utf8').trim(), 'hex'));
    return { source: 'file' };
  }
  mkdirSync(dirname(opts.file), { recursive: true });
  const k = randomBytes(32);
  writeFileSync(opts.file, `${k.toString('hex')}\n`, { mode: 0o600 });
  chmodSync(opts.file, 0o600);
  configureAuditKey(k);
  return { source: 'created' };
}

function current(): Buffer {
  key ??= randomBytes(32);
  return key;
}

export const macOf = (text: string) => createHmac('sha256', current()).update(text).digest('hex');

export function macMatches(text: string, mac: string | null | undefined): boolean {
  if (!mac || !/^[0-9a-f]{64}$/.test(mac)) return false;
  return timingSafeEqual(Buffer.from(macOf(text), 'hex'), Buffer.from(mac, 'hex'));
}
