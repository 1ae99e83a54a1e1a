/** In-app notifications: written in the transaction of the change they tell about. */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { notifications, users } from '../../db/schema.js';

export interface Notice {
  kind: string;
  title: string;
  body?: string;
  link?: string;
  /** when it happened (default: now) */
  at?: Date;
}

export async function notifyUsers(tx: Tx, userIds: number[], n: Notice): Promise<number> {
  if (userIds.length === 0) return 0;
  await tx.insert(notifications).values(userIds.map((userId) => ({ userId, kind: n.kind, title: n.title, body: n.body ?? null, link: n.link ?? null, ...(n.at ? { createdAt: n.at } : {}) })));
  return userIds.length;
}

/** Every active user of the unit. Returns how many were notified. */
export async function notifyUnit(tx: Tx, unitId: number, n: Notice): Promise<number> {
  const rows = await tx.select({ id: users.id }).from(users).where(and(eq(users.unitId, unitId), eq(users.active, true)));
  return notifyUsers(tx, rows.map((r) => r.id), n);
}

export async function listNotifications(db: Db, userId: number, limit = 50) {
  const items = await db.select().from(notifications).where(eq(notifications.userId, userId)).orderBy(desc(notifications.id)).limit(limit);
  const [{ unread }] = await db
    .select({ unread: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return { unread, items };
}

export async function markRead(db: Db, userId: number, id?: number): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), id === undefined ? undefined : eq(notifications.id, id)));
}
