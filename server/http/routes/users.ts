import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES, scopeUnit } from '../../../domain/access/policy.js';
import type { Db } from '../../db/client.js';
import { errors } from '../../errors.js';
import { createUser, publicUser, resetPassword, unlockUser, updateUser } from '../../modules/users/commands.js';
import { getUser, listUsers } from '../../modules/users/queries.js';
import { auditActor, authorize, requireActor } from '../auth.js';
import { idParam } from '../schemas.js';

const role = z.enum(ROLES);
const locale = z.enum(['vi', 'en']);

export const userRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/users',
    { schema: { tags: ['users'], summary: 'Danh sách người dùng / list users', querystring: z.object({ unitId: z.coerce.number().int().positive().optional() }) } },
    async (req) => {
      const { user } = requireActor(req);
      const scope = scopeUnit(user, 'user.read');
      if (scope === 'none') throw errors.forbidden();
      if (scope !== null && req.query.unitId !== undefined && req.query.unitId !== scope) throw errors.forbidden();
      return listUsers(db, scope ?? req.query.unitId ?? null);
    },
  );

  app.get('/api/users/:id', { schema: { tags: ['users'], params: idParam } }, async (req) => {
    const { user } = requireActor(req);
    const target = await getUser(db, req.params.id);
    authorize(user, 'user.read', { unitId: target.unitId });
    return target;
  });

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Tạo người dùng / create a user',
        body: z.object({
          username: z.string().trim().min(3).max(50).regex(/^[a-zA-Z0-9._-]+$/, 'chỉ chữ không dấu, số, dấu chấm, gạch / letters, digits, . _ -'),
          fullName: z.string().trim().min(1).max(200),
          email: z.email().nullable().optional(),
          role,
          unitId: z.number().int().positive(),
          password: z.string().min(1).max(200),
          locale: locale.optional(),
        }),
      },
    },
    async (req, reply) => {
      const { user } = requireActor(req);
      authorize(user, 'user.manage');
      return reply.status(201).send(publicUser(await createUser(db, auditActor(user), req.body)));
    },
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Sửa người dùng / update a user',
        params: idParam,
        body: z.object({
          fullName: z.string().trim().min(1).max(200).optional(),
          email: z.email().nullable().optional(),
          role: role.optional(),
          unitId: z.number().int().positive().optional(),
          active: z.boolean().optional(),
          locale: locale.optional(),
        }),
      },
    },
    async (req) => {
      const { user } = requireActor(req);
      authorize(user, 'user.manage');
      return publicUser(await updateUser(db, auditActor(user), req.params.id, req.body));
    },
  );

  app.post(
    '/api/users/:id/reset-password',
    { schema: { tags: ['users'], summary: 'Đặt lại mật khẩu / reset password', params: idParam, body: z.object({ password: z.string().min(1).max(200) }) } },
    async (req, reply) => {
      const { user } = requireActor(req);
      authorize(user, 'user.manage');
      await resetPassword(db, auditActor(user), req.params.id, req.body.password);
      return reply.status(204).send();
    },
  );

  app.post('/api/users/:id/unlock', { schema: { tags: ['users'], summary: 'Mở khoá / unlock', params: idParam } }, async (req, reply) => {
    const { user } = requireActor(req);
    authorize(user, 'user.manage');
    await unlockUser(db, auditActor(user), req.params.id);
    return reply.status(204).send();
  });
};
