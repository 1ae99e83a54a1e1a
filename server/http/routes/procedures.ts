import type { MultipartFile } from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError, errors } from '../../errors.js';
import { importProcedures, searchProcedures } from '../../modules/procedures/procedures.js';
import { auditActor, authorize, requireActor } from '../auth.js';

export const procedureRoutes: FastifyPluginAsyncZod<{ db: Db; publicRateLimit: number }> = async (app, { db, publicRateLimit }) => {
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
    async (req) => searchProcedures(db, req.query),
  );

  app.post(
    '/api/procedures/import',
    { schema: { tags: ['procedures'], summary: 'Nhập danh mục TTHC (.xlsx, .csv); ?dryRun=true để xem trước', querystring: z.object({ dryRun: z.enum(['true', 'false']).optional() }) } },
    async (req) => {
      const { user } = requireActor(req);
      authorize(user, 'procedure.manage');
      if (!req.isMultipart()) throw errors.badRequest('NOT_MULTIPART', 'Hãy gửi tệp dạng multipart/form-data.', 'Send the file as multipart/form-data.');
      const part = (await req.file({ limits: { fileSize: 10 * 1024 * 1024, files: 1 } })) as MultipartFile | undefined;
      if (!part) throw errors.badRequest('NO_FILE', 'Chưa chọn tệp.', 'No file was sent.', { field: 'file' });
      const data = await part.toBuffer();
      if (part.file.truncated) throw new AppError(413, 'FILE_TOO_LARGE', 'Tệp vượt quá 10 MB.', 'The file exceeds 10 MB.');
      return importProcedures(db, auditActor(user), part.filename, data, req.query.dryRun === 'true');
    },
  );
};
