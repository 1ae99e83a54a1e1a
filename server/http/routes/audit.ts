import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeUnit } from '../../../domain/access/policy.js';
import type { Db } from '../../db/client.js';
import { errors } from '../../errors.js';
import { listAuditEvents } from '../../modules/audit/queries.js';
import { verifyAuditChain } from '../../modules/audit/verify.js';
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

  app.get(
    '/api/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Kiểm tra chuỗi băm / verify the hash chain',
        response: { 200: z.object({ ok: z.boolean(), events: z.number(), firstBroken: z.number().nullable() }) },
      },
    },
    async (req) => {
      const { user } = requireActor(req);
      authorize(user, 'audit.verify');
      return verifyAuditChain(db);
    },
  );
};
