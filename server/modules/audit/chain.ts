/** The hash chain of the audit trail: canonical JSON of each event, hashed with the previous hash. */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with sorted keys, dates as ISO strings and undefined dropped: the same value always prints alike. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(toPlain(value));
}

/** The plain JSON value stored in `before` / `after` (jsonb): what is hashed is exactly what is stored. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value as object).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = toPlain(v);
    }
    return out;
  }
  if (typeof value === 'bigint') return value.toString();
  return value;
}

export interface ChainedFields {
  id: number;
  at: Date;
  actorId: number | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  unitId: number | null;
  before: unknown;
  after: unknown;
}

export function eventHash(prevHash: string, e: ChainedFields): string {
  const body = canonicalJson({
    id: e.id,
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorName: e.actorName,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    unitId: e.unitId,
    before: e.before ?? null,
    after: e.after ?? null,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}
