/** Sessions stored in the database. The cookie carries a random token; the table keeps its SHA-256. */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { sessions, users } from '../../db/schema.js';
import type { Role } from '../../../domain/access/policy.js';

export const SESSION_HOURS = 10;

export interface SessionUser {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  unitId: number;
  locale: string;
}

const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Db | Tx, userId: number, meta: { ip?: string; userAgent?: string }, now = new Date()) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.insert(sessions).values({
    id: tokenId(token),
    userId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600_000),
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken };
}

/** The session lookup of every request, prepared once per database (no query building per request). */
const findSessionQuery = new WeakMap<Db, ReturnType<typeof prepareFindSession>>();
function prepareFindSession(db: Db) {
  return db
    .select({
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      id: users.id,
      username: users.username,
      fullName: users.fullName,
      role: users.role,
      unitId: users.unitId,
      locale: users.locale,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql.placeholder('now')), eq(users.active, true)))
    .prepare('cchc_find_session');
}

export async function findSession(db: Db, token: string, now = new Date()): Promise<{ sessionId: string; csrfToken: string; user: SessionUser } | null> {
  let q = findSessionQuery.get(db);
  if (!q) findSessionQuery.set(db, (q = prepareFindSession(db)));
  const [row] = await q.execute({ id: tokenId(token), now });
  if (!row) return null;
  const { sessionId, csrfToken, ...user } = row;
  return { sessionId, csrfToken, user: { ...user, role: user.role as Role } };
}

export async function deleteSessionByToken(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, tokenId(token)));
}

/** Ends a user's other sessions (after a password change) or all of them (locked, deactivated). */
export async function deleteUserSessions(db: Db | Tx, userId: number, exceptSessionId?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(exceptSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId)) : eq(sessions.userId, userId));
}
