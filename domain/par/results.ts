/**
 * Results of a PAR round: index = achieved ÷ maximum × 100 with two decimals; ranking within each unit type
 * (equal indexes share a rank, the next rank skips: 1, 1, 3); groups by configurable thresholds (the 2024
 * national results used A ≥ 90 %, B 80 % to < 90 %).
 */
import { ratePercent } from '../numbers/rate.js';
import { type AppraisalState, finalScore } from './assessment.js';
import { type CriteriaSet, leaves, setMaximum } from './criteriaSet.js';

export interface GroupThreshold {
  name: string;
  /** index the unit must reach (inclusive) */
  atLeast: number;
}

export const DEFAULT_GROUPS: GroupThreshold[] = [
  { name: 'A', atLeast: 90 },
  { name: 'B', atLeast: 80 },
  { name: 'C', atLeast: 0 },
];

/** index in percent with two decimals; points are compared in hundredths so that sums stay exact */
export function parIndex(achieved: number, max: number): number | null {
  return ratePercent(Math.round(achieved * 100), Math.round(max * 100));
}

export function groupOf(index: number | null, groups: GroupThreshold[] = DEFAULT_GROUPS): string | null {
  if (index === null) return null;
  return [...groups].sort((a, b) => b.atLeast - a.atLeast).find((g) => index >= g.atLeast)?.name ?? null;
}

export interface Ranked<T> {
  item: T;
  rank: number | null;
}

/** Rank within each unit type by index, highest first; units without an index are not ranked. */
export function rankWithinType<T extends { unitType: string; index: number | null }>(rows: T[]): (T & { rank: number | null })[] {
  const byType = new Map<string, T[]>();
  for (const r of rows) {
    const list = byType.get(r.unitType);
    if (list) list.push(r);
    else byType.set(r.unitType, [r]);
  }
  const rank = new Map<T, number>();
  for (const list of byType.values()) {
    const sorted = list.filter((r) => r.index !== null).sort((a, b) => b.index! - a.index!);
    sorted.forEach((r, i) => rank.set(r, i > 0 && sorted[i - 1].index === r.index ? rank.get(sorted[i - 1])! : i + 1));
  }
  return rows.map((r) => ({ ...r, rank: rank.get(r) ?? null }));
}

export interface ItemScore {
  itemCode: string;
  selfScore: number | null;
  appraisedScore: number | null;
  appraisal: AppraisalState | null;
}

export interface AreaResult {
  code: string;
  name: string;
  max: number;
  self: number;
  /** appraised where appraised, else the unit's own */
  final: number;
  index: number | null;
}

export interface UnitTotals {
  selfScore: number;
  /** null until the appraisal of the unit has started */
  appraisedScore: number | null;
  surveyScore: number | null;
  maxScore: number;
  achieved: number;
  index: number | null;
  areas: AreaResult[];
  appraisedItems: number;
  items: number;
}

const cents = (x: number | null) => Math.round((x ?? 0) * 100);

/** A set's leaves, the area of each (by position) and its maximum: worked out once per set, not per unit. */
const layouts = new WeakMap<object, { items: ReturnType<typeof leaves>; areaOf: number[]; maxScore: number }>();
function layoutOf(set: Pick<CriteriaSet, 'areas' | 'surveyShare'>) {
  const key = set.areas as object;
  let l = layouts.get(key);
  if (!l || l.maxScore !== setMaximum(set as CriteriaSet)) {
    const items = leaves(set);
    const pos = new Map(set.areas.map((a, i) => [a.code, i]));
    l = { items, areaOf: items.map((it) => pos.get(it.area)!), maxScore: setMaximum(set as CriteriaSet) };
    layouts.set(key, l);
  }
  return l;
}

/**
 * A unit's totals on its set: the unit's own score, the appraised score (items not yet appraised count with
 * the unit's score), the survey points, and the index over the whole maximum (criteria + survey share).
 * Sums are kept in hundredths so that 0.1 + 0.2 stays 0.3.
 */
export function unitTotals(set: Pick<CriteriaSet, 'areas' | 'surveyShare'>, scores: ItemScore[], surveyScore: number | null): UnitTotals {
  const byCode = new Map(scores.map((s) => [s.itemCode, s]));
  const { items, areaOf, maxScore } = layoutOf(set);
  let self = 0;
  let fin = 0;
  let appraisedItems = 0;
  const areas = set.areas.map((a) => ({ code: a.code, name: a.name, max: a.max, self: 0, final: 0, index: null as number | null }));
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const s = byCode.get(item.code);
    const area = areas[areaOf[i]];
    const own = cents(s?.selfScore ?? null);
    const counted = s ? cents(finalScore(s)) : 0;
    if (s?.appraisal === 'accepted' || s?.appraisal === 'adjusted') appraisedItems++;
    self += own;
    fin += counted;
    area.self += own;
    area.final += counted;
  }
  for (const a of areas) {
    a.index = parIndex(a.final / 100, a.max);
    a.self /= 100;
    a.final /= 100;
  }
  const achieved = (fin + cents(surveyScore)) / 100;
  return {
    selfScore: self / 100,
    appraisedScore: appraisedItems > 0 ? fin / 100 : null,
    surveyScore,
    maxScore,
    achieved,
    index: parIndex(achieved, maxScore),
    areas,
    appraisedItems,
    items: items.length,
  };
}

export interface Previous {
  /** null when the unit was formed from several units of last year's round: no one figure to compare */
  index: number | null;
  fromUnitIds: number[];
}

/**
 * Last year's index of a unit: its own, or that of the one unit it came from (renamed, absorbed); a unit
 * formed by merging several units that were assessed has no single figure to compare with.
 */
export function previousIndex(unitId: number, cameFrom: number[], previous: Map<number, number | null>): Previous | null {
  if (previous.has(unitId)) return { index: previous.get(unitId)!, fromUnitIds: [unitId] };
  const found = cameFrom.filter((id) => previous.has(id));
  if (found.length === 0) return null;
  return { index: found.length === 1 ? previous.get(found[0])! : null, fromUnitIds: found };
}

/** A unit's line in a round's results (the API's and the screens' shape). */
export interface UnitResult {
  unitId: number;
  unitCode: string;
  unitName: string;
  /** the name of the unit's parent on the round's date (e.g. the district of a ward); null when it has none */
  parentName: string | null;
  unitType: string;
  submitted: boolean;
  selfScore: number | null;
  appraisedScore: number | null;
  surveyScore: number | null;
  maxScore: number;
  index: number | null;
  rank: number | null;
  group: string | null;
  /** appraised − self (criteria only); null before the appraisal */
  difference: number | null;
  areas: AreaResult[];
  previous: (Previous & { change: number | null }) | null;
}

/**
 * A unit's name as a list shows it: with its parent beside it when another line of the same list bears the
 * same name ("Phường 1 (TP Tân An)", "Phường 1 (TX Kiến Tường)").
 */
export function unitLabel(line: { unitId: number; unitName: string; parentName?: string | null }, all: { unitId: number; unitName: string }[]): string {
  const repeats = all.some((o) => o.unitId !== line.unitId && o.unitName === line.unitName);
  return repeats && line.parentName ? `${line.unitName} (${line.parentName})` : line.unitName;
}

/** The average index over the lines that have one (units with nothing submitted are left out); null if none. */
export function averageIndex(lines: { index: number | null }[]): { average: number | null; counted: number } {
  const withValue = lines.filter((l) => l.index !== null);
  if (withValue.length === 0) return { average: null, counted: 0 };
  const cents = withValue.reduce((a, l) => a + Math.round(l.index! * 100), 0);
  return { average: Math.round(cents / withValue.length) / 100, counted: withValue.length };
}

/** Change against last year, only when both years have a real index. */
export function changeSince(current: number | null, previous: number | null): number | null {
  return current !== null && previous !== null ? Math.round((current - previous) * 100) / 100 : null;
}
