import { describe, expect, it } from 'vitest';
import { formatPercentVi, ratePercent } from '../numbers/rate.js';
import { parsePeriod } from '../periods/period.js';
import { composeReport } from './report.js';
import { computeIndex766, band766 } from './index766.js';
import { type Counters, zeroCounters } from './summary.js';

const c = (x: Partial<Counters>): Counters => ({ ...zeroCounters(), ...x });

describe('rates with two decimals (vi-VN)', () => {
  const cases: [number, number, number | null, string][] = [
    [740_096, 741_145, 99.86, '99,86 %'], // seed 002
    [1_049, 741_145, 0.14, '0,14 %'],
    [1, 3, 33.33, '33,33 %'],
    [2, 3, 66.67, '66,67 %'],
    [1, 200, 0.5, '0,50 %'],
    [1, 20_000, 0.01, '0,01 %'], // exactly 0,005 % rounds up
    [1, 40_000, 0, '0,00 %'], // 0,0025 %
    [20_001, 40_000, 50.0, '50,00 %'], // 50,0025 %
    [10_001, 80_000, 12.5, '12,50 %'], // 12,50125 %
    [2_009, 16_000, 12.56, '12,56 %'], // 12,55625 % — half up on the exact ratio
    [0, 5, 0, '0,00 %'],
    [5, 5, 100, '100,00 %'],
    [0, 0, null, '—'], // empty period: no rate, not 0 % nor 100 %
  ];
  it.each(cases)('%i / %i', (part, whole, rate, text) => {
    expect(ratePercent(part, whole)).toBe(rate);
    expect(formatPercentVi(ratePercent(part, whole)).replace(/\u00a0/g, ' ')).toBe(text);
  });
});

describe('the one-stop report from counters', () => {
  it('reproduces seed 002: 741,145 resolved, 740,096 on time or early (99,86 %), 1,049 late (0,14 %)', () => {
    const within = c({ receivedOnline: 300_000, receivedCounter: 441_145, early: 600_000, onTime: 140_096, late: 1_049 });
    const r = composeReport(zeroCounters(), within, within);
    expect(r).toMatchObject({ resolved: 741_145, onTimeRate: 99.86, lateRate: 0.14, inProgress: 0, carriedOver: 0 });
  });
  it('balances: carried over + received = ended + in progress', () => {
    const before = c({ receivedCounter: 10, early: 3, late: 2, lateStart: 4, lateEnd: 2 });
    const within = c({ receivedOnline: 5, receivedCounter: 5, early: 4, onTime: 1, withdrawn: 1, refused: 2, refusedLate: 1, lateStart: 3, lateEnd: 1, notAccepted: 7 });
    const upTo = c(Object.fromEntries(Object.keys(before).map((k) => [k, before[k as keyof Counters] + within[k as keyof Counters]])));
    const r = composeReport(before, upTo, within);
    expect(r.carriedOver).toBe(5);
    expect(r.carriedOver + r.received).toBe(r.resolved + r.refused + r.withdrawn + r.inProgress);
    expect(r).toMatchObject({ inProgress: 7, inProgressLate: 4, inProgressOnTime: 3, notAccepted: 7, onTimeRate: 100, onlineRate: 50 });
  });
  it('an empty period has no rates', () => {
    const r = composeReport(zeroCounters(), zeroCounters(), zeroCounters());
    expect(r).toMatchObject({ received: 0, onTimeRate: null, lateRate: null, onlineRate: null });
  });
});

describe('periods', () => {
  const cases: [string, string | null, string | null][] = [
    ['2026', '2026-01-01', '2026-12-31'],
    ['2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026-Q4', '2026-10-01', '2026-12-31'],
    ['2024-02', '2024-02-01', '2024-02-29'], // leap year
    ['2026-02', '2026-02-01', '2026-02-28'],
    ['2026-12', '2026-12-01', '2026-12-31'],
    ['2026-13', null, null],
    ['2026-Q5', null, null],
    ['26-Q1', null, null],
  ];
  it.each(cases)('%s', (key, from, to) => {
    const p = parsePeriod(key);
    expect(p ? [p.from, p.to] : [null, null]).toEqual([from, to]);
  });
});

describe('Decision 766 index from the data there is', () => {
  const report = composeReport(zeroCounters(), c({ receivedOnline: 60, receivedCounter: 40, early: 50, onTime: 45, late: 5 }), c({ receivedOnline: 60, receivedCounter: 40, early: 50, onTime: 45, late: 5 }));
  const idx = computeIndex766({ procedures: { total: 10, online: 6, onlineWithDossiers: 3 }, report });
  const comp = (k: string) => idx.groups.flatMap((g) => g.components).find((x) => x.key === k)!;

  it('2.1 is 20 × the on-time rate', () => {
    expect(comp('2.1')).toMatchObject({ points: 19, rate: 95, basis: '95/100' });
  });
  it('3.1 full at 80 %, pro rata below; 3.2 share of online services with dossiers; 3.3 full at 50 %', () => {
    expect(comp('3.1')).toMatchObject({ points: 3, rate: 60 }); // 60 % / 80 % × 4
    expect(comp('3.2')).toMatchObject({ points: 2, rate: 50 });
    expect(comp('3.3')).toMatchObject({ points: 4, rate: 60 });
  });
  it('what the data cannot support is "no data", neither full nor zero', () => {
    for (const k of ['1.1', '1.2', '1.3', '3.4', '4.1', '4.2', '4.3', '5.2', '5.4']) expect(comp(k).points).toBeNull();
    expect(idx.total).toBe(28);
    expect(idx.maxWithData).toBe(32);
    expect(idx.complete).toBe(false);
    expect(idx.band).toBeNull();
    expect(idx.estimate).toEqual({ score: 87.5, band: 'good' });
    expect(idx.groups.find((g) => g.key === 'digitisation')).toMatchObject({ points: null, max: 22, maxWithData: 0 });
    expect(idx.groups.reduce((a, g) => a + g.max, 0)).toBe(100);
    expect(idx.groups.map((g) => g.max)).toEqual([18, 20, 22, 22, 18]);
  });
  it('with no dossiers and no procedures nothing is scored at all', () => {
    const empty = computeIndex766({ procedures: { total: 0, online: 0, onlineWithDossiers: 0 }, report: composeReport(zeroCounters(), zeroCounters(), zeroCounters()) });
    expect(empty).toMatchObject({ total: 0, maxWithData: 0, band: null, estimate: null });
  });
  it('unfinished dossiers are judged at the period end; refusals by their timing', () => {
    const upTo = c({ receivedCounter: 10, early: 4, refused: 2, refusedLate: 1, lateStart: 2 });
    const r = composeReport(zeroCounters(), upTo, upTo);
    expect(computeIndex766({ procedures: { total: 1, online: 0, onlineWithDossiers: 0 }, report: r }).groups[1].components[0]).toMatchObject({ basis: '7/10', points: 14 });
  });
  const bands: [number, string][] = [[100, 'excellent'], [90, 'excellent'], [89.99, 'good'], [80, 'good'], [79.99, 'fair'], [70, 'fair'], [69.99, 'average'], [50, 'average'], [49.99, 'weak'], [0, 'weak']];
  it.each(bands)('band of %d', (score, band) => expect(band766(score)).toBe(band));
});
