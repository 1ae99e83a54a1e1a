import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type Actor, canReadAuditContent } from '../../../domain/access/policy.js';
import { auditEvents } from '../../db/schema.js';

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: number;
  action?: string;
  /** only events of this unit (for unit-scoped readers) */
  unitId?: number | null;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

/** Events newest first; a unit's drafts show their content to that unit only (`redacted` for others). */
export async function listAuditEvents(db: Db, f: AuditFilter, reader: Actor) {
  const where: SQL[] = [];
  if (f.entityType) where.push(eq(auditEvents.entityType, f.entityType));
  if (f.entityId) where.push(eq(auditEvents.entityId, f.entityId));
  if (f.actorId) where.push(eq(auditEvents.actorId, f.actorId));
  if (f.action) where.push(eq(auditEvents.action, f.action));
  if (f.unitId !== undefined && f.unitId !== null) where.push(eq(auditEvents.unitId, f.unitId));
  if (f.from) where.push(gte(auditEvents.at, f.from));
  if (f.to) where.push(lt(auditEvents.at, f.to));
  const rows = await db
    .select()
    .from(auditEvents)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(f.limit)
    .offset(f.offset);
  return rows.map((r) => (canReadAuditContent(reader, r.action, r.unitId) ? { ...r, redacted: false } : { ...r, before: null, after: null, redacted: true }));
}
