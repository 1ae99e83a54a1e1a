import { describe, expect, it } from 'vitest';
import { splitIntoMonths } from './months.js';

describe('splitIntoMonths: whole months from the monthly counters, the edges from the daily ones', () => {
  it.each([
    ['a calendar year', '2026-01-01', '2026-12-31', { from: '2026-01-01', to: '2026-12-01' }, []],
    ['a reporting window 15/12 – 14/3', '2025-12-15', '2026-03-14', { from: '2026-01-01', to: '2026-02-01' }, [{ from: '2025-12-15', to: '2025-12-31' }, { from: '2026-03-01', to: '2026-03-14' }]],
    ['inside one month', '2026-07-10', '2026-07-20', null, [{ from: '2026-07-10', to: '2026-07-20' }]],
    ['the start of a month only', '2026-07-01', '2026-07-20', null, [{ from: '2026-07-01', to: '2026-07-20' }]],
    ['one whole month', '2026-07-01', '2026-07-31', { from: '2026-07-01', to: '2026-07-01' }, []],
    ['February of a leap year', '2024-02-01', '2024-02-29', { from: '2024-02-01', to: '2024-02-01' }, []],
    ['to 28/02 of a leap year: not whole', '2024-02-01', '2024-02-28', null, [{ from: '2024-02-01', to: '2024-02-28' }]],
    ['across a new year, edges on both sides', '2025-11-20', '2026-02-10', { from: '2025-12-01', to: '2026-01-01' }, [{ from: '2025-11-20', to: '2025-11-30' }, { from: '2026-02-01', to: '2026-02-10' }]],
    ['one day', '2026-12-31', '2026-12-31', null, [{ from: '2026-12-31', to: '2026-12-31' }]],
  ])('%s', (_n, from, to, months, days) => {
    expect(splitIntoMonths(from, to)).toEqual({ months, days });
  });
});
