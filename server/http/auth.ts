/**
 * Session cookie → `request.auth`; CSRF check on every state-changing request that rides on the cookie;
 * helpers that routes call first: `requireActor` (401) then `authorize` (403).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Action, can, type Resource, scopeUnit } from '../../domain/access/policy.js';
import type { Db } from '../db/client.js';
import { errors } from '../errors.js';
import type { AuditActor } from '../modules/audit/record.js';
import { findSession, SESSION_HOURS, type SessionUser } from '../modules/auth/sessions.js';

export const SESSION_COOKIE = 'cchc_session';
export const CSRF_HEADER = 'x-csrf-token';

export interface RequestAuth {
  user: SessionUser;
  sessionId: string;
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
  interface FastifyContextConfig {
    /** false for the few routes that may be posted without a session (login) */
    csrf?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerAuth(app: FastifyInstance, db: Db) {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req) => {
    const token = req.cookies[SESSION_COOKIE];
    req.auth = token ? await findSession(db, token) : null;
  });
  app.addHook('preHandler', async (req) => {
    if (SAFE_METHODS.has(req.method) || !req.auth || req.routeOptions.config.csrf === false) return;
    if (req.headers[CSRF_HEADER] !== req.auth.csrfToken) throw errors.csrf();
  });
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure,
    maxAge: SESSION_HOURS * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export function requireActor(req: FastifyRequest): RequestAuth {
  if (!req.auth) throw errors.unauthenticated();
  return req.auth;
}

export function authorize(user: SessionUser, action: Action, resource?: Resource): void {
  if (!can(user, action, resource)) throw errors.forbidden();
}

export function auditActor(user: SessionUser): AuditActor {
  return { id: user.id, name: user.username };
}

/**
 * The unit whose figures a reader gets: staff limited to their own unit for `report.read` see their unit's
 * figures whatever they ask for (another unit is refused); others get the unit they ask for, or the province.
 */
export function readableUnit(user: SessionUser, unit: number | undefined): number | undefined {
  const own = scopeUnit(user, 'report.read');
  if (own === 'none') throw errors.forbidden();
  if (own !== null) {
    if (unit !== undefined && unit !== own) throw errors.forbidden();
    return own;
  }
  return unit;
}
