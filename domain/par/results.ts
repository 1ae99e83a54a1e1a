/**
 * Results of a PAR round: index = achieved ÷ maximum × 100 with two decimals; ranking within each unit type
 * (equal indexes share a rank, the next rank skips: 1, 1, 3); groups by configurable thresholds (the 2024
 * national results used A ≥ 90 %, B 80 % to < 90 %).
 */
import { ratePercent } from '../numbers/rate.js';

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
  for (const r of rows) byType.set(r.unitType, [...(byType.get(r.unitType) ?? []), r]);
  const rank = new Map<T, number>();
  for (const list of byType.values()) {
    const sorted = list.filter((r) => r.index !== null).sort((a, b) => b.index! - a.index!);
    sorted.forEach((r, i) => rank.set(r, i > 0 && sorted[i - 1].index === r.index ? rank.get(sorted[i - 1])! : i + 1));
  }
  return rows.map((r) => ({ ...r, rank: rank.get(r) ?? null }));
}
