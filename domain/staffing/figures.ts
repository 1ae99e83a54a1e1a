/**
 * Staffing (biên chế) of a unit in a year, and of a province as the sum of its units'. Two kinds of staff:
 * civil servants (công chức: the quota assigned, biên chế được giao, and those present, có mặt) and public
 * employees (viên chức: the number of people approved to work in public service units, số lượng người làm
 * việc, and those present).
 *
 *   gap            assigned − present (positive: below the quota)
 *   reduction      against 2015 (Resolution 39-NQ/TW, 17/4/2015). REFERENCE.md §15: the base and the
 *                  formula are unverified. So the 2015 figure is stored, and when it is known the rate is
 *                  computed as (base − assigned) ÷ base, basis "base2015"; when it is not, the rate the unit
 *                  reported is shown, basis "reported" ("theo báo cáo của đơn vị"); otherwise none.
 *
 * A province's figures are sums over its rows (its units', and its own row if it has one). Its 2015 base is
 * the one on its own row when that row holds no figures of its own (the province's 2015 total), else the
 * sum of the bases when every row with an assigned figure has one; the reported rate of a sum is that of
 * the scope's single top-level row (the province's own row), since reported rates cannot be added.
 */
import { ratePercent } from '../numbers/rate.js';

export type StaffKind = 'civil_servant' | 'public_employee';
export const STAFF_KINDS: readonly StaffKind[] = ['civil_servant', 'public_employee'];
export const STAFF_KIND_VI: Record<StaffKind, string> = { civil_servant: 'Công chức', public_employee: 'Viên chức' };

export type RateBasis = 'base2015' | 'reported';
export const RATE_BASIS_VI: Record<RateBasis, string> = {
  base2015: 'tính từ số liệu năm 2015: (2015 − được giao) ÷ 2015',
  reported: 'theo báo cáo của đơn vị',
};

/** What is stored for one kind of staff in one row. */
export interface StaffCounts {
  assigned: number | null;
  present: number | null;
  base2015: number | null;
  /** the reduction rate against 2015 as the unit reported it, in % */
  reportedRate: number | null;
}

export interface Figure {
  assigned: number | null;
  present: number | null;
  gap: number | null;
  base2015: number | null;
  /** in %, two decimals */
  reductionRate: number | null;
  rateBasis: RateBasis | null;
}

export const EMPTY_COUNTS: StaffCounts = { assigned: null, present: null, base2015: null, reportedRate: null };

/** (base − assigned) ÷ base in %, two decimals; null without a base. */
export function reductionRate(base2015: number | null, assigned: number | null): number | null {
  if (base2015 === null || assigned === null || base2015 <= 0) return null;
  return ratePercent(base2015 - assigned, base2015);
}

export function figureOf(c: StaffCounts): Figure {
  const gap = c.assigned !== null && c.present !== null ? c.assigned - c.present : null;
  const computed = reductionRate(c.base2015, c.assigned);
  if (computed !== null) return { assigned: c.assigned, present: c.present, gap, base2015: c.base2015, reductionRate: computed, rateBasis: 'base2015' };
  if (c.reportedRate !== null) return { assigned: c.assigned, present: c.present, gap, base2015: c.base2015, reductionRate: c.reportedRate, rateBasis: 'reported' };
  return { assigned: c.assigned, present: c.present, gap, base2015: c.base2015, reductionRate: null, rateBasis: null };
}

/** How high a unit stands, for "the top-level row of a scope": the province, then its departments and districts. */
export function unitRank(type: string): number {
  if (type === 'province') return 0;
  if (type === 'department' || type === 'district' || type === 'central_agency') return 1;
  return 2;
}

export interface RankedCounts {
  rank: number;
  counts: StaffCounts;
}

const sum = (xs: (number | null)[]): number | null => (xs.some((x) => x !== null) ? xs.reduce<number>((s, x) => s + (x ?? 0), 0) : null);

/** The figures of a scope from its rows (see the header for the rules). */
export function aggregate(rows: readonly RankedCounts[]): Figure {
  if (rows.length === 1) return figureOf(rows[0].counts);
  const assigned = sum(rows.map((r) => r.counts.assigned));
  const present = sum(rows.map((r) => r.counts.present));
  const top = Math.min(...rows.map((r) => r.rank));
  const topRows = rows.filter((r) => r.rank === top);
  const head = topRows.length === 1 ? topRows[0].counts : null;
  // the province's own 2015 figure, on its row without figures of its own; else the sum of its units' bases
  const withAssigned = rows.filter((r) => r.counts.assigned !== null);
  const base2015 =
    head && head.assigned === null && head.base2015 !== null
      ? head.base2015
      : withAssigned.length > 0 && withAssigned.every((r) => r.counts.base2015 !== null)
        ? sum(withAssigned.map((r) => r.counts.base2015))
        : null;
  const reportedRate = head?.reportedRate ?? null;
  return figureOf({ assigned, present, base2015, reportedRate });
}
