import { describe, expect, it } from 'vitest';
import { aggregate, EMPTY_COUNTS, figureOf, type RankedCounts, reductionRate, type StaffCounts, unitRank } from './figures.js';

const c = (assigned: number | null, present: number | null, base2015: number | null = null, reportedRate: number | null = null): StaffCounts => ({ assigned, present, base2015, reportedRate });

describe('staffing figures of a unit', () => {
  it.each([
    ['both known', c(100, 90), { gap: 10, reductionRate: null, rateBasis: null }],
    ['over the quota', c(100, 104), { gap: -4 }],
    ['no present figure', c(100, null), { gap: null }],
    ['base known: computed', c(80, 75, 100), { gap: 5, base2015: 100, reductionRate: 20, rateBasis: 'base2015' }],
    ['base known wins over a reported rate', c(80, 75, 100, 17.72), { reductionRate: 20, rateBasis: 'base2015' }],
    ['no base: the reported rate', c(2273, 2135, null, 17.72), { gap: 138, reductionRate: 17.72, rateBasis: 'reported' }],
    ['a base of 0 gives no rate', c(10, 10, 0), { reductionRate: null, rateBasis: null }],
    ['nothing', EMPTY_COUNTS, { assigned: null, gap: null, reductionRate: null, rateBasis: null }],
  ])('%s', (_n, counts, expected) => expect(figureOf(counts)).toMatchObject(expected));

  it.each([
    [2763, 2273, 17.73], // (2763 − 2273) ÷ 2763 = 17,734 %
    [3, 2, 33.33],
    [200, 199, 0.5],
    [8, 9, -12.5], // more than in 2015
    [null, 100, null],
    [100, null, null],
  ])('reduction from %s to %s = %s %%', (base, assigned, rate) => expect(reductionRate(base, assigned)).toBe(rate));

  it.each([
    ['province', 0],
    ['department', 1],
    ['district', 1],
    ['commune', 2],
    ['public_service', 2],
  ])('rank of %s = %i', (type, r) => expect(unitRank(type)).toBe(r));
});

describe('a province as the sum of its units', () => {
  const dept = (counts: StaffCounts): RankedCounts => ({ rank: 1, counts });
  const province = (counts: StaffCounts): RankedCounts => ({ rank: 0, counts });
  it.each<[string, RankedCounts[], object]>([
    [
      'Long An 2023: units summed, the rate reported on the province row',
      [province(c(null, null, null, 17.72)), dept(c(2000, 1900)), dept(c(273, 235))],
      { assigned: 2273, present: 2135, gap: 138, base2015: null, reductionRate: 17.72, rateBasis: 'reported' },
    ],
    ['every unit with its base: computed from the sum', [dept(c(80, 70, 100)), dept(c(20, 20, 25))], { assigned: 100, present: 90, base2015: 125, reductionRate: 20, rateBasis: 'base2015' }],
    ['one unit without a base: no base, and no rate without a top row', [dept(c(80, 70, 100)), dept(c(20, 20))], { base2015: null, reductionRate: null, rateBasis: null }],
    ['the province row holds the 2015 total', [province(c(null, null, 150)), dept(c(80, 70)), dept(c(40, 40))], { assigned: 120, base2015: 150, reductionRate: 20, rateBasis: 'base2015' }],
    ['a rate of a department is not the province’s', [province(c(null, null)), dept(c(80, 70, null, 5))], { reductionRate: null, rateBasis: null }],
    ['two top rows: no reported rate', [province(c(10, 10, null, 5)), province(c(10, 10, null, 6))], { assigned: 20, reductionRate: null }],
    ['the province row’s own figures count too', [province(c(10, 9)), dept(c(80, 70))], { assigned: 90, present: 79, gap: 11 }],
    ['present missing everywhere', [dept(c(80, null)), dept(c(20, null))], { assigned: 100, present: null, gap: null }],
    ['no rows', [], { assigned: null, present: null, gap: null, reductionRate: null }],
  ])('%s', (_n, rows, expected) => expect(aggregate(rows)).toMatchObject(expected));
});
