/**
 * Login with lock-out: after MAX_FAILED wrong passwords in a row the account is locked for LOCK_MINUTES.
 * Unknown users and wrong passwords get the same answer, after the same amount of hashing work.
 */
import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { recordAudit } from '../audit/record.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { createSession } from './sessions.js';

export const MAX_FAILED = 5;
export const LOCK_MINUTES = 15;

const invalid = () =>
  new AppError(401, 'INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.', 'Wrong username or password.');
const locked = (until: Date) =>
  new AppError(
    401,
    'ACCOUNT_LOCKED',
    'Tài khoản tạm khoá do đăng nhập sai nhiều lần; hãy thử lại sau hoặc liên hệ quản trị.',
    'The account is locked after repeated failed logins; try again later or ask an administrator.',
    { lockedUntil: until.toISOString() },
  );

let dummyHash: Promise<string> | undefined;

export async function login(db: Db, input: { username: string; password: string; ip?: string; userAgent?: string }, now = new Date()) {
  const username = input.username.trim().toLowerCase();
  const [user] = await db.select().from(users).where(eq(users.username, username));
  if (!user || !user.active) {
    dummyHash ??= hashPassword('not-a-real-password-1');
    await verifyPassword(await dummyHash, input.password);
    throw invalid();
  }
  if (user.lockedUntil && user.lockedUntil > now) throw locked(user.lockedUntil);
  const ok = await verifyPassword(user.passwordHash, input.password);
  if (!ok) {
    // counted in one statement, so that attempts sent at the same time are all counted: the one that
    // reaches MAX_FAILED locks the account; attempts finding it locked meanwhile are told so
    const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
    const result = await db.transaction(async (tx) => {
      const [row] = await tx
        .update(users)
        .set({
          failedLogins: sql`CASE WHEN ${users.failedLogins} + 1 >= ${MAX_FAILED} THEN 0 ELSE ${users.failedLogins} + 1 END`,
          lockedUntil: sql`CASE WHEN ${users.failedLogins} + 1 >= ${MAX_FAILED} THEN ${lockUntil.toISOString()}::timestamptz ELSE NULL END`,
        })
        .where(and(eq(users.id, user.id), or(isNull(users.lockedUntil), lte(users.lockedUntil, now))))
        .returning({ lockedUntil: users.lockedUntil });
      if (row?.lockedUntil) {
        await recordAudit(tx, { id: null, name: 'system' }, {
          action: 'auth.lockout',
          entityType: 'user',
          entityId: user.id,
          unitId: user.unitId,
          before: { failedLogins: MAX_FAILED - 1 },
          after: { lockedUntil: row.lockedUntil, ip: input.ip ?? null },
        }, now);
      }
      if (row) return row.lockedUntil;
      const [current] = await tx.select({ lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, user.id));
      return current?.lockedUntil ?? null;
    });
    if (result && result > now) throw locked(result);
    throw invalid();
  }
  return db.transaction(async (tx) => {
    if (user.failedLogins > 0 || user.lockedUntil) {
      await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    }
    const session = await createSession(tx, user.id, input, now);
    await recordAudit(tx, { id: user.id, name: user.username }, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      unitId: user.unitId,
      after: { ip: input.ip ?? null },
    });
    return { ...session, user };
  });
}
