/**
 * Login with lock-out: after MAX_FAILED wrong passwords in a row the account is locked for LOCK_MINUTES.
 * Unknown users and wrong passwords get the same answer, after the same amount of hashing work.
 */
import { eq } from 'drizzle-orm';
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
    const failedLogins = user.failedLogins + 1;
    const lockNow = failedLogins >= MAX_FAILED;
    const lockedUntil = lockNow ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
    await db.transaction(async (tx) => {
      await tx.update(users).set({ failedLogins: lockNow ? 0 : failedLogins, lockedUntil }).where(eq(users.id, user.id));
      if (lockNow) {
        await recordAudit(tx, { id: null, name: 'system' }, {
          action: 'auth.lockout',
          entityType: 'user',
          entityId: user.id,
          unitId: user.unitId,
          before: { failedLogins: user.failedLogins },
          after: { lockedUntil, ip: input.ip ?? null },
        });
      }
    });
    if (lockNow) throw locked(lockedUntil!);
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
