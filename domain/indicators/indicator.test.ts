import { describe, expect, it } from 'vitest';
import { combine, ratioValue, targetState, targetText } from './indicator.js';

describe('a parent’s value from its units’', () => {
  it.each([
    // parts, aggregation, expected
    ['ratio of sums, not the mean of rates', [ratioValue(99, 100), ratioValue(1, 10)], 'ratio', { value: 90.91, numerator: 100, denominator: 110 }],
    ['ratio rounds half up at .005 on the exact quotient', [ratioValue(1, 200), ratioValue(0, 0)], 'ratio', { value: 0.5, numerator: 1, denominator: 200 }],
    ['ratio: a unit with no dossiers adds nothing', [ratioValue(5, 10), ratioValue(0, 0)], 'ratio', { value: 50, numerator: 5, denominator: 10 }],
    ['ratio: every unit empty', [ratioValue(0, 0), ratioValue(0, 0)], 'ratio', { value: null, numerator: 0, denominator: 0 }],
    ['ratio: no units', [], 'ratio', { value: null, numerator: null, denominator: null }],
    ['ratio: units without data are left out', [{ value: null }, ratioValue(3, 4)], 'ratio', { value: 75, numerator: 3, denominator: 4 }],
    ['sum', [{ value: 11 }, { value: 19 }], 'sum', { value: 30 }],
    ['sum: no data stays no data', [{ value: null }, { value: null }], 'sum', { value: null }],
    ['sum: some without data', [{ value: null }, { value: 2273 }], 'sum', { value: 2273 }],
    ['average when the indicator says so', [{ value: 80 }, { value: 91 }], 'average', { value: 85.5 }],
    ['average of thirds, two decimals', [{ value: 1 }, { value: 1 }, { value: 2 }], 'average', { value: 1.33 }],
  ] as const)('%s', (_name, parts, agg, expected) => {
    expect(combine(agg, [...parts])).toEqual(expected);
  });

  it('a province’s rate is the ratio of its units’ sums on generated data', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let k = 0; k < 200; k++) {
      const parts = Array.from({ length: 1 + Math.floor(rnd() * 30) }, () => {
        const d = Math.floor(rnd() * 5000);
        return ratioValue(Math.floor(rnd() * (d + 1)), d);
      });
      const n = parts.reduce((a, p) => a + p.numerator!, 0);
      const d = parts.reduce((a, p) => a + p.denominator!, 0);
      expect(combine('ratio', parts).value).toBe(d === 0 ? null : Math.round((n * 10000) / d) / 100);
    }
  });
});

describe('targets', () => {
  it.each([
    ['>=', 85, 85, 'met'],
    ['>=', 85, 84.99, 'not_met'],
    ['>', 45, 45, 'not_met'],
    ['>', 45, 45.01, 'met'],
    ['<', 2, 1.99, 'met'],
    ['<=', 2, 2, 'met'],
    ['=', 100, 100, 'met'],
    ['=', 100, 99.99, 'not_met'],
    ['>=', 60, null, 'no_data'],
  ] as const)('%s %s with %s → %s', (comparator, value, actual, state) => {
    expect(targetState({ comparator, value }, actual)).toBe(state);
  });

  it.each([
    ['>=', 85, '≥ 85 %'],
    ['>', 45.5, '> 45,5 %'],
    ['<=', 2, '≤ 2 %'],
  ] as const)('%s %s reads %s', (comparator, value, text) => {
    expect(targetText({ comparator, value })).toBe(text);
  });
});
