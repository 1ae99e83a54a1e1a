/**
 * Lookups into an organisation history by unit, built once per history object and kept beside it (the
 * server keeps one history per change of the organisation, shared by every request): a unit's names,
 * parents and successions without scanning every span, and the units of a day computed once per day.
 */
import type { NameSpan, OrgHistory, OrgUnit, ParentSpan, Succession, UnitAsOf } from './history.js';

export interface HistoryIndex {
  unitById: Map<number, OrgUnit>;
  /** newest first */
  namesByUnit: Map<number, NameSpan[]>;
  parentsByUnit: Map<number, ParentSpan[]>;
  successorsOf: Map<number, Succession[]>;
  predecessorsOf: Map<number, Succession[]>;
  /** every unit that was ever below a unit, one level */
  childrenOf: Map<number, number[]>;
  /** the units of a day (unitsAsOf), computed once per day */
  asOf: Map<string, UnitAsOf[]>;
  /** statistics scopes (statisticsScope), once per unit and option */
  scopes: Map<string, number[]>;
}

const indexes = new WeakMap<OrgHistory, HistoryIndex>();

const group = <T>(xs: readonly T[], key: (x: T) => number) => {
  const m = new Map<number, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
};

export function historyIndex(h: OrgHistory): HistoryIndex {
  let ix = indexes.get(h);
  if (!ix) {
    const namesByUnit = group(h.names, (n) => n.unitId);
    for (const list of namesByUnit.values()) list.sort((a, b) => b.validFrom.localeCompare(a.validFrom));
    ix = {
      unitById: new Map(h.units.map((u) => [u.id, u])),
      namesByUnit,
      parentsByUnit: group(h.parents, (p) => p.unitId),
      successorsOf: group(h.successions, (s) => s.predecessorId),
      predecessorsOf: group(h.successions, (s) => s.successorId),
      childrenOf: new Map([...group(h.parents, (p) => p.parentId)].map(([k, ps]) => [k, ps.map((p) => p.unitId)])),
      asOf: new Map(),
      scopes: new Map(),
    };
    indexes.set(h, ix);
  }
  return ix;
}
