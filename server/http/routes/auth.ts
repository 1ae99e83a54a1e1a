import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { login } from '../../modules/auth/login.js';
import { deleteSessionByToken } from '../../modules/auth/sessions.js';
import { changeOwnPassword, publicUser } from '../../modules/users/commands.js';
import { getUser } from '../../modules/users/queries.js';
import { auditActor, clearSessionCookie, requireActor, SESSION_COOKIE, setSessionCookie } from '../auth.js';

export interface AuthRouteOptions {
  db: Db;
  cookieSecure: boolean;
  loginRateLimit: number;
}

export const authRoutes: FastifyPluginAsyncZod<AuthRouteOptions> = async (app, { db, cookieSecure, loginRateLimit }) => {
  app.post(
    '/api/auth/login',
    {
      config: { csrf: false, rateLimit: { max: loginRateLimit, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập / log in',
        body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }),
      },
    },
    async (req, reply) => {
      const r = await login(db, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] });
      setSessionCookie(reply, r.token, cookieSecure);
      return { user: publicUser(r.user), csrfToken: r.csrfToken };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'Đăng xuất / log out' } }, async (req, reply) => {
    requireActor(req);
    const token = req.cookies[SESSION_COOKIE];
    if (token) await deleteSessionByToken(db, token);
    clearSessionCookie(reply);
    return reply.status(204).send();
  });

  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: 'Người dùng hiện tại / current user' } }, async (req) => {
    const auth = requireActor(req);
    return { user: await getUser(db, auth.user.id), csrfToken: auth.csrfToken };
  });

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Đổi mật khẩu / change own password',
        body: z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().min(1).max(200) }),
      },
    },
    async (req, reply) => {
      const auth = requireActor(req);
      await changeOwnPassword(db, { ...auditActor(auth.user), id: auth.user.id }, auth.sessionId, req.body.currentPassword, req.body.newPassword);
      return reply.status(204).send();
    },
  );
};
