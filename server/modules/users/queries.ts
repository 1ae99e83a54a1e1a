import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema.js';
import { errors } from '../../errors.js';
import { publicUser } from './commands.js';

/** Users of one unit, or of all units when `unitId` is null. */
export async function listUsers(db: Db, unitId: number | null) {
  const rows = await db
    .select()
    .from(users)
    .where(unitId === null ? undefined : eq(users.unitId, unitId))
    .orderBy(asc(users.username));
  return rows.map(publicUser);
}

export async function getUser(db: Db, id: number) {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  if (!row) throw errors.notFound('user');
  return publicUser(row);
}
