import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeUnit } from '../../../domain/access/policy.js';
import type { Db } from '../../db/client.js';
import { errors } from '../../errors.js';
import { listAuditEvents } from '../../modules/audit/queries.js';
import { takeCheckpoint, verifyAuditChain } from '../../modules/audit/verify.js';
import { authorize, requireActor } from '../auth.js';
import { isoDate } from '../schemas.js';

export const auditRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Nhật ký thay đổi / audit events, newest first',
        querystring: z.object({
          entityType: z.string().max(50).optional(),
          entityId: z.string().max(100).optional(),
          actorId: z.coerce.number().int().positive().optional(),
          action: z.string().max(100).optional(),
          from: isoDate.optional(),
          to: isoDate.optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
    },
    async (req) => {
      const { user } = requireActor(req);
      const scope = scopeUnit(user, 'audit.read');
      if (scope === 'none') throw errors.forbidden();
      const q = req.query;
      // dates are Vietnamese days: [from 00:00, to + 1 day 00:00) at UTC+7
      const from = q.from ? new Date(`${q.from}T00:00:00+07:00`) : undefined;
      const to = q.to ? new Date(new Date(`${q.to}T00:00:00+07:00`).getTime() + 86_400_000) : undefined;
      return listAuditEvents(db, { ...q, from, to, unitId: scope }, user);
    },
  );

  const verifyAnswer = z.object({
    ok: z.boolean(),
    events: z.number(),
    firstBroken: z.number().nullable(),
    problem: z.enum(['content', 'mac', 'head', 'checkpoint_signature', 'checkpoint_missing_event', 'checkpoint_count']).optional(),
    legacy: z.number().optional(),
  });
  const checkpoint = z.object({ lastId: z.number().int().min(0), lastHash: z.string().regex(/^[0-9a-f]{64}$/), count: z.number().int().min(0), at: z.string().max(40), signature: z.string().max(128) });

  app.get(
    '/api/audit/verify',
    { schema: { tags: ['audit'], summary: 'Kiểm tra chuỗi băm / verify the hash chain', response: { 200: verifyAnswer } } },
    async (req) => {
      const { user } = requireActor(req);
      authorize(user, 'audit.verify');
      return verifyAuditChain(db);
    },
  );

  app.post(
    '/api/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Kiểm tra chuỗi nhật ký so với một điểm kiểm tra đã tải về / verify against a checkpoint',
        description: 'Detects, besides edits and deletions, a tail cut off with its head set back, an emptied table, or events appended without the key.',
        body: z.object({ checkpoint }),
        response: { 200: verifyAnswer },
      },
    },
    async (req) => {
      const { user } = requireActor(req);
      authorize(user, 'audit.verify');
      return verifyAuditChain(db, req.body.checkpoint);
    },
  );

  app.get('/api/audit/checkpoint', { schema: { tags: ['audit'], summary: 'Tải điểm kiểm tra có ký (đầu chuỗi, thời điểm, chữ ký) để lưu ngoài hệ thống' } }, async (req, reply) => {
    const { user } = requireActor(req);
    authorize(user, 'audit.verify');
    const c = await takeCheckpoint(db);
    return reply.header('content-disposition', `attachment; filename="diem-kiem-tra-nhat-ky-${c.at.slice(0, 10)}-${c.count}.json"`).send(c);
  });
};
