/** Configuration from the environment (README, "Configuration"). */
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  adminPassword?: string;
  demoData: boolean;
  demoPassword?: string;
  cookieSecure: boolean;
  /** TRUST_PROXY=true: behind a reverse proxy, the client's address (rate limits, audit) is X-Forwarded-For's */
  trustProxy: boolean;
  logLevel: string;
  ingestApiKey?: string;
  /** PUBLIC_RATE_LIMIT (default 60): anonymous reads per IP per minute on each public endpoint (lookup, portal) */
  publicRateLimit: number;
  /** the audit trail's key (64 hex characters), else kept in `auditKeyFile` */
  auditKey?: string;
  auditKeyFile: string;
  /** the password of the demo DVCQG source account */
  dvcqgPassword?: string;
  /** where uploaded bulk-import files wait while they are imported (outside the database's directory) */
  importDir: string;
  /** the largest bulk-import file, in bytes (IMPORT_MAX_MB) */
  importMaxBytes: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    demoData: (env.DEMO_DATA ?? 'true') !== 'false',
    demoPassword: env.DEMO_PASSWORD || undefined,
    cookieSecure: env.COOKIE_SECURE === 'true',
    trustProxy: env.TRUST_PROXY === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    ingestApiKey: env.INGEST_API_KEY || undefined,
    publicRateLimit: Math.max(1, Number(env.PUBLIC_RATE_LIMIT ?? 60) || 60),
    auditKey: env.AUDIT_KEY || undefined,
    auditKeyFile: resolve(env.AUDIT_KEY_FILE ?? `${env.DATA_DIR ?? './data'}/audit.key`),
    dvcqgPassword: env.DVCQG_DEMO_PASSWORD || undefined,
    importDir: resolve(env.IMPORT_DIR ?? join(tmpdir(), 'cchc-imports')),
    importMaxBytes: Math.max(1, Number(env.IMPORT_MAX_MB ?? 8192) || 8192) * 1024 * 1024,
  };
}
