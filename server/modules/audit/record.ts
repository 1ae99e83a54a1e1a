/**
 * Writes one audit event inside the caller's transaction: the event lands if and only if the change
 * it describes lands. The transaction-scoped advisory lock keeps the chain a single line; the database moves
 * the head with each event and refuses an event that does not extend it.
 */
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { auditEvents, auditHead } from '../../db/schema.js';
import { eventHash, GENESIS_HASH, toPlain } from './chain.js';
import { macOf } from './key.js';

export interface AuditActor {
  id: number | null;
  name: string;
}

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string | number;
  unitId?: number | null;
  before?: unknown;
  after?: unknown;
}

const AUDIT_LOCK = 7_310_001;

export async function recordAudit(tx: Tx, actor: AuditActor, input: AuditInput, at = new Date()): Promise<number> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1));
  const idRows = await tx.execute(sql`SELECT nextval(pg_get_serial_sequence('audit_events', 'id')) AS id`);
  const id = Number((idRows as unknown as { rows: { id: string | number }[] }).rows[0].id);
  const prevHash = head?.lastHash ?? GENESIS_HASH;
  const fields = {
    id,
    at,
    actorId: actor.id,
    actorName: actor.name,
    action: input.action,
    entityType: input.entityType,
    entityId: String(input.entityId),
    unitId: input.unitId ?? null,
    before: toPlain(input.before),
    after: toPlain(input.after),
  };
  const hash = eventHash(prevHash, fields);
  // the head follows in the database (trigger audit_events_extend_head, migration 0018)
  await tx.insert(auditEvents).values({ ...fields, prevHash, hash, mac: macOf(hash) });
  return id;
}

/**
 * Several audit events of one change at once (an organisation change touching many units, a survey import
 * per unit): the same chain as one `recordAudit` each, written with one lock, one read of the head, one
 * insert and one head update.
 */
export async function recordAudits(tx: Tx, actor: AuditActor, inputs: AuditInput[], at = new Date()): Promise<number[]> {
  if (inputs.length === 0) return [];
  if (inputs.length === 1) return [await recordAudit(tx, actor, inputs[0], at)];
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1));
  const idRows = await tx.execute(sql`SELECT nextval(pg_get_serial_sequence('audit_events', 'id')) AS id FROM generate_series(1, ${inputs.length})`);
  const ids = (idRows as unknown as { rows: { id: string | number }[] }).rows.map((r) => Number(r.id)).sort((a, b) => a - b);
  let prevHash = head?.lastHash ?? GENESIS_HASH;
  const rows = inputs.map((input, i) => {
    const fields = {
      id: ids[i],
      at,
      actorId: actor.id,
      actorName: actor.name,
      action: input.action,
      entityType: input.entityType,
      entityId: String(input.entityId),
      unitId: input.unitId ?? null,
      before: toPlain(input.before),
      after: toPlain(input.after),
    };
    const hash = eventHash(prevHash, fields);
    const row = { ...fields, prevHash, hash, mac: macOf(hash) };
    prevHash = hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += 500) await tx.insert(auditEvents).values(rows.slice(i, i + 500));
  return ids;
}
