/** Sessions stored in the database. The cookie carries a random token; the table keeps its SHA-256. */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, ne } from 'drizzle-orm';
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

export async function findSession(db: Db, token: string, now = new Date()): Promise<{ sessionId: string; csrfToken: string; user: SessionUser } | null> {
  const id = tokenId(token);
  const [row] = await db
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
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now), eq(users.active, true)));
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
