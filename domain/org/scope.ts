/**
 * The units whose records count as a unit's own in statistics: the unit, the units it came from (merges,
 * splits, transitively), and everything that was ever below any of them. So the province of Tây Ninh after
 * 1/7/2025 counts the dossiers of Long An's departments and districts before it, and a merged department
 * counts those of the departments it absorbed.
 */
import { lineage, type OrgHistory } from './history.js';

export function statisticsScope(h: OrgHistory, unitId: number, opts: { predecessors?: boolean } = {}): number[] {
  // without predecessors: the unit and what was ever below it (a ward of Tây Ninh without the Long An wards it came from)
  const roots = opts.predecessors === false ? [unitId] : [unitId, ...lineage(h, unitId).cameFrom.map((s) => s.unitId)];
  const children = new Map<number, number[]>();
  for (const p of h.parents) children.set(p.parentId, [...(children.get(p.parentId) ?? []), p.unitId]);
  const seen = new Set<number>();
  const stack = [...roots];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return [...seen].sort((a, b) => a - b);
}

/** The unit's name now, or its last name if it is closed. */
export function latestName(h: OrgHistory, unitId: number): string {
  const names = h.names.filter((n) => n.unitId === unitId).sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  return names[0]?.name ?? `#${unitId}`;
}

/**
 * The unit that stands for `unitId` on `date`: itself while it is open, otherwise the unit it was merged
 * into (followed on), so that rankings list the units of that date. A unit split in several stays itself.
 */
export function representativeOn(h: OrgHistory, unitId: number, date: string): number {
  let id = unitId;
  for (let guard = 0; guard < 20; guard++) {
    const u = h.units.find((x) => x.id === id);
    if (!u || u.validTo === null || u.validTo >= date) return id;
    const next = h.successions.filter((s) => s.predecessorId === id);
    if (next.length !== 1) return id;
    id = next[0].successorId;
  }
  return id;
}
