/**
 * The units whose records count as a unit's own in statistics: the unit, the units it came from (merges,
 * splits, transitively), and everything that was ever below any of them. So the province of Tây Ninh after
 * 1/7/2025 counts the dossiers of Long An's departments and districts before it, and a merged department
 * counts those of the departments it absorbed.
 */
import { lineage, type OrgHistory } from './history.js';
import { historyIndex } from './historyIndex.js';

export function statisticsScope(h: OrgHistory, unitId: number, opts: { predecessors?: boolean } = {}): number[] {
  const ix = historyIndex(h);
  const key = `${unitId}:${opts.predecessors !== false}`;
  const known = ix.scopes.get(key);
  if (known) return [...known];
  // without predecessors: the unit and what was ever below it (a ward of Tây Ninh without the Long An wards it came from)
  const roots = opts.predecessors === false ? [unitId] : [unitId, ...lineage(h, unitId).cameFrom.map((s) => s.unitId)];
  const children = ix.childrenOf;
  const seen = new Set<number>();
  const stack = [...roots];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  const scope = [...seen].sort((a, b) => a - b);
  ix.scopes.set(key, scope);
  return [...scope];
}

/** The unit's name now, or its last name if it is closed. */
export function latestName(h: OrgHistory, unitId: number): string {
  return historyIndex(h).namesByUnit.get(unitId)?.[0]?.name ?? `#${unitId}`;
}

/**
 * The unit that stands for `unitId` on `date`: itself while it is open, otherwise the unit it was merged
 * into (followed on), so that rankings list the units of that date. A unit split in several stays itself.
 */
export function representativeOn(h: OrgHistory, unitId: number, date: string): number {
  const ix = historyIndex(h);
  let id = unitId;
  for (let guard = 0; guard < 20; guard++) {
    const u = ix.unitById.get(id);
    if (!u || u.validTo === null || u.validTo >= date) return id;
    const next = ix.successorsOf.get(id) ?? [];
    if (next.length !== 1) return id;
    id = next[0].successorId;
  }
  return id;
}
