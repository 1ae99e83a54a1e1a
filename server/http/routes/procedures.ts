import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { importProcedures, searchProcedures, setPublicity } from '../../modules/procedures/procedures.js';
import { auditActor, authorize, requireActor } from '../auth.js';
import { readUpload } from '../upload.js';
import { isoDate } from '../schemas.js';
import { publicVersion } from '../../modules/public/version.js';
import { PublicCache, sendPrepared } from '../publicCache.js';

export const procedureRoutes: FastifyPluginAsyncZod<{ db: Db; publicRateLimit: number }> = async (app, { db, publicRateLimit }) => {
  // the list changes only on an import or an edit (which touch the public version): answers kept per query
  const lists = new PublicCache(512);
  app.get(
    '/api/procedures',
    {
      config: { rateLimit: { max: publicRateLimit, timeWindow: '1 minute' } },
      schema: {
        tags: ['procedures'],
        summary: 'Tra cứu thủ tục hành chính (có hoặc không dấu) / search procedures',
        querystring: z.object({
          q: z.string().max(200).optional(),
          field: z.string().max(300).optional(),
          level: z.enum(['province', 'commune', 'central']).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
    },
    async (req, reply) => {
      const q = req.query;
      const key = JSON.stringify([q.q ?? '', q.field ?? '', q.level ?? '', q.limit, q.offset]);
      return sendPrepared(req, reply, await lists.get(key, await publicVersion.current(db), () => searchProcedures(db, q)), 'public, no-cache');
    },
  );

  app.post(
    '/api/procedures/import',
    { schema: { tags: ['procedures'], summary: 'Nhập danh mục TTHC (.xlsx, .csv); ?dryRun=true để xem trước', querystring: z.object({ dryRun: z.enum(['true', 'false']).optional() }) } },
    async (req) => {
      const { user } = requireActor(req);
      authorize(user, 'procedure.manage');
      const file = await readUpload(req, 10 * 1024 * 1024);
      return importProcedures(db, auditActor(user), file.name, file.data, req.query.dryRun === 'true');
    },
  );

  app.put(
    '/api/procedures/:code/publicity',
    {
      schema: {
        tags: ['procedures'],
        summary: 'Ghi quyết định công bố, ngày hiệu lực của văn bản quy định và ngày công khai TTHC (766, 1.1–1.2)',
        params: z.object({ code: z.string().min(1).max(50) }),
        body: z.object({ decisionNo: z.string().trim().max(100).nullable(), announcedOn: isoDate.nullable(), effectiveOn: isoDate.nullable(), publishedOn: isoDate.nullable() }),
      },
    },
    async (req) => {
      const { user } = requireActor(req);
      authorize(user, 'procedure.manage');
      return setPublicity(db, auditActor(user), req.params.code, req.body);
    },
  );
};
