/** User administration (Sở Nội vụ) and a user's own password change. Every change is audited. */
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { orgUnits, users } from '../../db/schema.js';
import type { Role } from '../../../domain/access/policy.js';
import { nfc } from '../../../domain/text/normalize.js';
import { AppError, errors } from '../../errors.js';
import { type AuditActor, recordAudit } from '../audit/record.js';
import { checkPasswordPolicy, hashPassword, verifyPassword } from '../auth/passwords.js';
import { deleteUserSessions } from '../auth/sessions.js';

export type UserRow = typeof users.$inferSelect;

/** What the audit trail and the API show of a user: never the password hash. */
export function publicUser(u: UserRow) {
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    email: u.email,
    role: u.role as Role,
    unitId: u.unitId,
    locale: u.locale,
    active: u.active,
    lockedUntil: u.lockedUntil,
    createdAt: u.createdAt,
  };
}

async function requireUnit(tx: Tx, unitId: number) {
  const [u] = await tx.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, unitId));
  if (!u) throw errors.badRequest('UNIT_NOT_FOUND', 'Đơn vị không tồn tại.', 'The unit does not exist.', { field: 'unitId' });
}

async function requireUser(tx: Tx, id: number): Promise<UserRow> {
  const [u] = await tx.select().from(users).where(eq(users.id, id));
  if (!u) throw errors.notFound('user');
  return u;
}

export interface NewUser {
  username: string;
  fullName: string;
  email?: string | null;
  role: Role;
  unitId: number;
  password: string;
  locale?: 'vi' | 'en';
}

/** `hashed`: the password's hash when the caller already has it (the demo users share one password). */
export async function createUserInTx(tx: Tx, actor: AuditActor, input: NewUser, hashed?: string): Promise<UserRow> {
  const username = input.username.trim().toLowerCase();
  checkPasswordPolicy(input.password);
  await requireUnit(tx, input.unitId);
  const [clash] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (clash) throw errors.conflict('USERNAME_TAKEN', 'Tên đăng nhập đã tồn tại.', 'The username is taken.', { field: 'username' });
  const [row] = await tx
    .insert(users)
    .values({
      username,
      fullName: nfc(input.fullName),
      email: input.email ?? null,
      role: input.role,
      unitId: input.unitId,
      locale: input.locale ?? 'vi',
      passwordHash: hashed ?? (await hashPassword(input.password)),
    })
    .returning();
  await recordAudit(tx, actor, { action: 'user.create', entityType: 'user', entityId: row.id, unitId: row.unitId, after: publicUser(row) });
  return row;
}

export function createUser(db: Db, actor: AuditActor, input: NewUser) {
  return db.transaction((tx) => createUserInTx(tx, actor, input));
}

export interface UserPatch {
  fullName?: string;
  email?: string | null;
  role?: Role;
  unitId?: number;
  active?: boolean;
  locale?: 'vi' | 'en';
}

export function updateUser(db: Db, actor: AuditActor, id: number, patch: UserPatch) {
  if (Object.values(patch).every((v) => v === undefined)) {
    throw errors.badRequest('NOTHING_TO_CHANGE', 'Chưa có thông tin nào cần sửa (họ tên, email, vai trò, đơn vị, trạng thái hoặc ngôn ngữ).', 'Nothing to change: send at least one of fullName, email, role, unitId, active, locale.');
  }
  return db.transaction(async (tx) => {
    const before = await requireUser(tx, id);
    if (patch.unitId !== undefined) await requireUnit(tx, patch.unitId);
    if (actor.id === id && (patch.active === false || (patch.role && patch.role !== before.role))) {
      throw errors.conflict('SELF_LOCKOUT', 'Không thể tự khoá hoặc đổi vai trò của chính mình.', 'You cannot deactivate yourself or change your own role.');
    }
    const [after] = await tx
      .update(users)
      .set({ ...patch, ...(patch.fullName ? { fullName: nfc(patch.fullName) } : {}) })
      .where(eq(users.id, id))
      .returning();
    if (patch.active === false) await deleteUserSessions(tx, id);
    await recordAudit(tx, actor, { action: 'user.update', entityType: 'user', entityId: id, unitId: after.unitId, before: publicUser(before), after: publicUser(after) });
    return after;
  });
}

/** Sets a new password chosen by the administrator and unlocks the account; the user's sessions end. */
export function resetPassword(db: Db, actor: AuditActor, id: number, password: string) {
  checkPasswordPolicy(password);
  return db.transaction(async (tx) => {
    const before = await requireUser(tx, id);
    await tx
      .update(users)
      .set({ passwordHash: await hashPassword(password), failedLogins: 0, lockedUntil: null, passwordChangedAt: new Date() })
      .where(eq(users.id, id));
    await deleteUserSessions(tx, id);
    await recordAudit(tx, actor, { action: 'user.reset_password', entityType: 'user', entityId: id, unitId: before.unitId, before: { lockedUntil: before.lockedUntil }, after: { lockedUntil: null } });
  });
}

export function unlockUser(db: Db, actor: AuditActor, id: number) {
  return db.transaction(async (tx) => {
    const before = await requireUser(tx, id);
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, id));
    await recordAudit(tx, actor, { action: 'user.unlock', entityType: 'user', entityId: id, unitId: before.unitId, before: { lockedUntil: before.lockedUntil, failedLogins: before.failedLogins }, after: { lockedUntil: null, failedLogins: 0 } });
  });
}

/** A user changes their own password; their other sessions end. */
export function changeOwnPassword(db: Db, actor: AuditActor & { id: number }, sessionId: string, current: string, next: string) {
  return db.transaction(async (tx) => {
    const user = await requireUser(tx, actor.id);
    if (!(await verifyPassword(user.passwordHash, current))) {
      throw new AppError(400, 'WRONG_PASSWORD', 'Mật khẩu hiện tại không đúng.', 'The current password is wrong.', { field: 'currentPassword' });
    }
    if (current === next) {
      throw errors.badRequest('SAME_PASSWORD', 'Mật khẩu mới phải khác mật khẩu hiện tại.', 'The new password must differ from the current one.', { field: 'newPassword' });
    }
    checkPasswordPolicy(next);
    await tx.update(users).set({ passwordHash: await hashPassword(next), passwordChangedAt: new Date() }).where(eq(users.id, actor.id));
    await deleteUserSessions(tx, actor.id, sessionId);
    await recordAudit(tx, actor, { action: 'user.change_password', entityType: 'user', entityId: actor.id, unitId: user.unitId });
  });
}
