import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { fold } from '../../../domain/text/normalize.js';
import type { Db } from '../../db/client.js';
import { AppError, errors } from '../../errors.js';
import type { AuditActor } from '../../modules/audit/record.js';
import { type IncomingEvent, ingestEvents } from '../../modules/dossiers/ingest.js';
import { getDossier, publicLookup } from '../../modules/dossiers/queries.js';
import { readTable } from '../../modules/files/tables.js';
import { auditActor, authorize, requireActor } from '../auth.js';
import { idParam } from '../schemas.js';
import { readUpload } from '../upload.js';

const event = z.object({
  sourceSystem: z.string().min(1).max(50),
  dossierCode: z.string().min(1).max(100),
  procedureCode: z.string().max(50).nullish(),
  unitCode: z.string().max(50).nullish(),
  kind: z.string().max(40),
  at: z.string().max(40),
  channel: z.enum(['online', 'counter']).nullish(),
  appointment: z.string().max(40).nullish(),
});

const FILE_COLUMNS = ['sourceSystem', 'dossierCode', 'procedureCode', 'unitCode', 'kind', 'at', 'channel', 'appointment'] as const;

export const dossierRoutes: FastifyPluginAsyncZod<{ db: Db; ingestApiKey?: string; publicRateLimit: number }> = async (app, { db, ingestApiKey, publicRateLimit }) => {
  /** A one-stop system with the ingest key, or the administrator's session. */
  const ingestActor = (req: FastifyRequest): AuditActor => {
    const key = req.headers['x-api-key'];
    if (typeof key === 'string' && ingestApiKey && key.length === ingestApiKey.length && timingSafeEqual(Buffer.from(key), Buffer.from(ingestApiKey))) {
      return { id: null, name: 'ingest-api' };
    }
    const { user } = requireActor(req);
    authorize(user, 'dossier.ingest');
    return auditActor(user);
  };

  app.post(
    '/api/dossiers/events',
    {
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags: ['dossiers'],
        summary: 'Nhận sự kiện hồ sơ từ hệ thống một cửa (một hoặc một lô) / ingest dossier events',
        description: 'Header `x-api-key` (INGEST_API_KEY) or an administrator session. A batch with any row error writes nothing (400, `details.errors`); events already received are skipped and listed in `duplicates`.',
        body: z.array(event).min(1).max(10_000),
      },
    },
    async (req) => ingestEvents(db, ingestActor(req), req.body),
  );

  app.post(
    '/api/dossiers/import',
    { schema: { tags: ['dossiers'], summary: 'Nhập sự kiện hồ sơ từ tệp .csv/.xlsx (cột: ' + FILE_COLUMNS.join(', ') + ')' } },
    async (req) => {
      const actor = ingestActor(req);
      const file = await readUpload(req, 50 * 1024 * 1024);
      const table = await readTable(file.name, file.data, FILE_COLUMNS.length);
      const header = (table[0] ?? []).map((c) => fold(c).replace(/[\s_]/g, ''));
      if (!FILE_COLUMNS.every((c, i) => header[i] === c.toLowerCase())) {
        throw errors.badRequest('WRONG_COLUMNS', `Các cột phải là: ${FILE_COLUMNS.join(', ')}.`, `Columns must be: ${FILE_COLUMNS.join(', ')}.`, { expected: FILE_COLUMNS });
      }
      const rows = table.slice(1).filter((r) => r.some((c) => c.trim()));
      if (rows.length === 0) throw errors.badRequest('EMPTY', 'Tệp không có dòng dữ liệu nào.', 'The file has no rows.');
      const events = rows.map((r) => Object.fromEntries(FILE_COLUMNS.map((c, i) => [c, (r[i] ?? '').trim() || null])) as unknown as IncomingEvent);
      try {
        return await ingestEvents(db, actor, events);
      } catch (e) {
        // row numbers of the file (header = row 1) instead of array indexes
        if (e instanceof AppError && Array.isArray(e.details.errors)) {
          throw new AppError(e.status, e.code, e.messageVi, e.messageEn, { errors: (e.details.errors as { index: number }[]).map((x) => ({ ...x, row: x.index + 2 })) });
        }
        throw e;
      }
    },
  );

  app.get('/api/dossiers/:id', { schema: { tags: ['dossiers'], summary: 'Chi tiết hồ sơ và dòng thời gian', params: idParam } }, async (req) => {
    const { user } = requireActor(req);
    const d = await getDossier(db, req.params.id);
    authorize(user, 'report.read', { unitId: d.unitId });
    return d;
  });

  app.get(
    '/api/public/dossiers/:code',
    {
      config: { rateLimit: { max: Math.min(publicRateLimit, 60), timeWindow: '1 minute' } },
      schema: { tags: ['public'], summary: 'Tra cứu hồ sơ (công dân) / public dossier lookup', params: z.object({ code: z.string().min(3).max(100) }) },
    },
    async (req) => publicLookup(db, req.params.code),
  );
};
