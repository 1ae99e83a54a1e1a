import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client.js';
import { pgBackup, pgliteBackup } from '../../modules/backup/backup.js';
import { recordAudit } from '../../modules/audit/record.js';
import { auditActor, authorize, requireActor } from '../auth.js';

/** The administrator downloads a backup of the running system (the one way for PGlite while it runs). */
export const adminRoutes: FastifyPluginAsyncZod<{ database: Database; databaseUrl?: string }> = async (app, { database, databaseUrl }) => {
  app.get('/api/admin/backup', { schema: { tags: ['system'], summary: 'Tải bản sao lưu cơ sở dữ liệu (quản trị) / download a backup' } }, async (req, reply) => {
    const { user } = requireActor(req);
    authorize(user, 'system.backup');
    const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
    let file: Buffer;
    let name: string;
    if (database.engine === 'pglite') {
      file = await pgliteBackup(database);
      name = `cchc-pglite-${stamp}.tar.gz`;
    } else {
      const dir = await mkdtemp(join(tmpdir(), 'cchc-backup-'));
      try {
        await pgBackup(databaseUrl!, join(dir, 'backup.dump'));
        file = await readFile(join(dir, 'backup.dump'));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
      name = `cchc-postgres-${stamp}.dump`;
    }
    await database.db.transaction((tx) => recordAudit(tx, auditActor(user), { action: 'system.backup', entityType: 'system', entityId: 'backup', after: { file: name, bytes: file.length } }));
    return reply.header('content-type', 'application/octet-stream').header('content-disposition', `attachment; filename="${name}"`).send(file);
  });
};
