/**
 * Source systems of the portal sync: an account per one-stop system (password hashed as the users' are),
 * the login call that gives a session, and the session check of every integration call.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt, lte, or } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { dvcqgSessions, dvcqgSources } from '../../db/schema.js';
import { AppError, errors } from '../../errors.js';
import { type AuditActor, recordAudit } from '../audit/record.js';
import { checkPasswordPolicy, hashPassword, randomPassword, verifyPassword } from '../auth/passwords.js';

export const DVCQG_SESSION_HOURS = 8;

export type Source = typeof dvcqgSources.$inferSelect;

export interface NewSource {
  code: string;
  name: string;
  username: string;
  madonvi: string;
  /** generated (and returned once) when not given */
  password?: string;
}

const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

const present = (s: Source) => ({ id: s.id, code: s.code, name: s.name, username: s.username, madonvi: s.madonvi, active: s.active, lastMessageAt: s.lastMessageAt, lastService: s.lastService });

export async function createSourceInTx(tx: Tx, actor: AuditActor, input: NewSource, now: Date) {
  const password = input.password ?? randomPassword();
  checkPasswordPolicy(password);
  const username = input.username.trim().toLowerCase();
  const clash = await tx.select({ id: dvcqgSources.id, code: dvcqgSources.code, username: dvcqgSources.username }).from(dvcqgSources);
  if (clash.some((s) => s.code === input.code.trim())) throw errors.conflict('SOURCE_CODE_IN_USE', 'Mã hệ thống nguồn đã được dùng.', 'The source code is in use.');
  if (clash.some((s) => s.username === username)) throw errors.conflict('USERNAME_IN_USE', 'Tên đăng nhập đã được dùng cho một hệ thống khác.', 'The username is in use.');
  const [row] = await tx
    .insert(dvcqgSources)
    .values({ code: input.code.trim(), name: input.name.trim(), username, madonvi: input.madonvi.trim(), passwordHash: await hashPassword(password), createdAt: now })
    .returning();
  await recordAudit(tx, actor, { action: 'dvcqg.source.create', entityType: 'dvcqg_source', entityId: row.id, after: present(row) }, now);
  return { source: present(row), password: input.password ? undefined : password };
}

export async function createSource(db: Db, actor: AuditActor, input: NewSource, now: Date) {
  return db.transaction((tx) => createSourceInTx(tx, actor, input, now));
}

/** A new password for a source's account (shown once); its sessions end. */
export async function resetSourcePassword(db: Db, actor: AuditActor, id: number, now: Date) {
  const password = randomPassword();
  const hash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [row] = await tx.update(dvcqgSources).set({ passwordHash: hash }).where(eq(dvcqgSources.id, id)).returning();
    if (!row) throw errors.notFound('source');
    await tx.delete(dvcqgSessions).where(eq(dvcqgSessions.sourceId, id));
    await recordAudit(tx, actor, { action: 'dvcqg.source.password', entityType: 'dvcqg_source', entityId: id }, now);
    return { password };
  });
}

export async function setSourceActive(db: Db, actor: AuditActor, id: number, active: boolean, now: Date) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(dvcqgSources).where(eq(dvcqgSources.id, id));
    if (!before) throw errors.notFound('source');
    const [row] = await tx.update(dvcqgSources).set({ active }).where(eq(dvcqgSources.id, id)).returning();
    if (!active) await tx.delete(dvcqgSessions).where(eq(dvcqgSessions.sourceId, id));
    await recordAudit(tx, actor, { action: 'dvcqg.source.update', entityType: 'dvcqg_source', entityId: id, before: present(before), after: present(row) }, now);
    return present(row);
  });
}

/** The portal's errors: `error_code` and a Vietnamese message, answered in the portal's style. */
export class PortalError extends Error {
  constructor(
    readonly errorCode: string,
    readonly messageVi: string,
  ) {
    super(messageVi);
  }
}

let dummyHash: Promise<string> | undefined;

/** The login call: a session for the source's account. Unknown accounts cost the same hashing as wrong passwords. */
export async function portalLogin(db: Db, input: { username: string; password: string; ip?: string }, now: Date) {
  const [source] = await db.select().from(dvcqgSources).where(eq(dvcqgSources.username, input.username.trim().toLowerCase()));
  if (!source || !source.active) {
    dummyHash ??= hashPassword('not-a-real-password-1');
    await verifyPassword(await dummyHash, input.password);
    throw new PortalError('02', 'Tên đăng nhập hoặc mật khẩu không đúng.');
  }
  if (!(await verifyPassword(source.passwordHash, input.password))) throw new PortalError('02', 'Tên đăng nhập hoặc mật khẩu không đúng.');
  const token = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    await tx.delete(dvcqgSessions).where(and(eq(dvcqgSessions.sourceId, source.id), lt(dvcqgSessions.expiresAt, now)));
    await tx.insert(dvcqgSessions).values({ id: tokenId(token), sourceId: source.id, createdAt: now, expiresAt: new Date(now.getTime() + DVCQG_SESSION_HOURS * 3600_000), ip: input.ip ?? null });
  });
  return { session: token, source };
}

/** The source a session belongs to, checked against the `madonvi` of the message. */
export async function sourceOfSession(db: Db, session: unknown, madonvi: unknown, now: Date): Promise<Source> {
  if (typeof session !== 'string' || session.length === 0 || session.length > 200) throw new PortalError('01', 'Phiên làm việc (session) không hợp lệ hoặc đã hết hạn; hãy đăng nhập lại.');
  const [row] = await db
    .select({ source: dvcqgSources })
    .from(dvcqgSessions)
    .innerJoin(dvcqgSources, eq(dvcqgSources.id, dvcqgSessions.sourceId))
    .where(and(eq(dvcqgSessions.id, tokenId(session)), gt(dvcqgSessions.expiresAt, now), eq(dvcqgSources.active, true)));
  if (!row) throw new PortalError('01', 'Phiên làm việc (session) không hợp lệ hoặc đã hết hạn; hãy đăng nhập lại.');
  if (typeof madonvi !== 'string' || madonvi.trim() !== row.source.madonvi) {
    throw new PortalError('06', `Mã đơn vị (madonvi) không khớp với tài khoản của hệ thống gửi.`);
  }
  return row.source;
}

/** The last message of a source, outside the message's transaction (no lock held on the source row). */
export async function noteMessage(db: Db, sourceId: number, service: string, now: Date) {
  await db
    .update(dvcqgSources)
    .set({ lastMessageAt: now, lastService: service })
    .where(and(eq(dvcqgSources.id, sourceId), or(isNull(dvcqgSources.lastMessageAt), lte(dvcqgSources.lastMessageAt, now))));
}

export const sourceActor = (s: Source): AuditActor => ({ id: null, name: `dvcqg:${s.code}` });

export function portalErrorOf(e: unknown): PortalError | null {
  if (e instanceof PortalError) return e;
  if (e instanceof AppError && e.status < 500) return new PortalError('03', e.messageVi);
  return null;
}
