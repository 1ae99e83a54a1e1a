import { describe, expect, it } from 'vitest';
import type { OrgHistory } from './history.js';
import { latestName, representativeOn, statisticsScope } from './scope.js';

// province 1 (Long An) and 2 (old Tây Ninh) merged into 3 on 1/7/2025; 10, 11 under 1 (10 moved to 2 in 2020);
// department 20 of 3 formed on 1/3/2025 by merging 21 and 22 (under 1)
const h: OrgHistory = {
  units: [
    { id: 1, code: 'LA', type: 'province', validFrom: '2015-01-01', validTo: '2025-06-30' },
    { id: 3, code: 'TN', type: 'province', validFrom: '2025-07-01', validTo: null },
    { id: 21, code: 'LA.A', type: 'department', validFrom: '2015-01-01', validTo: '2025-02-28' },
    { id: 20, code: 'LA.AB', type: 'department', validFrom: '2025-03-01', validTo: null },
  ],
  names: [
    { unitId: 3, name: 'UBND tỉnh Tây Ninh', validFrom: '2025-07-01', validTo: null },
    { unitId: 21, name: 'Sở A', validFrom: '2015-01-01', validTo: '2020-12-31' },
    { unitId: 21, name: 'Sở A mới', validFrom: '2021-01-01', validTo: '2025-02-28' },
  ],
  parents: [
    { unitId: 10, parentId: 1, validFrom: '2015-01-01', validTo: '2019-12-31' },
    { unitId: 10, parentId: 2, validFrom: '2020-01-01', validTo: '2025-06-30' },
    { unitId: 11, parentId: 1, validFrom: '2015-01-01', validTo: '2025-06-30' },
    { unitId: 21, parentId: 1, validFrom: '2015-01-01', validTo: '2025-02-28' },
    { unitId: 22, parentId: 1, validFrom: '2015-01-01', validTo: '2025-02-28' },
    { unitId: 20, parentId: 1, validFrom: '2025-03-01', validTo: '2025-06-30' },
    { unitId: 20, parentId: 3, validFrom: '2025-07-01', validTo: null },
    { unitId: 30, parentId: 20, validFrom: '2025-03-01', validTo: null },
  ],
  successions: [
    { predecessorId: 1, successorId: 3, date: '2025-07-01', kind: 'merge' },
    { predecessorId: 2, successorId: 3, date: '2025-07-01', kind: 'merge' },
    { predecessorId: 21, successorId: 20, date: '2025-03-01', kind: 'merge' },
    { predecessorId: 22, successorId: 20, date: '2025-03-01', kind: 'merge' },
  ],
};

describe('statistics scope over merges and moves', () => {
  const cases: [string, number, number[]][] = [
    ['the new province: both old provinces and all they ever held', 3, [1, 2, 3, 10, 11, 20, 21, 22, 30]],
    ['an old province: what was ever below it, also a unit that moved away later', 1, [1, 10, 11, 20, 21, 22, 30]],
    ['a merged department: the departments it absorbed and its own sub-unit', 20, [20, 21, 22, 30]],
    ['a unit with nothing below it', 11, [11]],
  ];
  it.each(cases)('%s', (_n, id, expected) => expect(statisticsScope(h, id)).toEqual(expected));
  it('names a unit by its latest name', () => {
    expect(latestName(h, 21)).toBe('Sở A mới');
    expect(latestName(h, 99)).toBe('#99');
  });
});

describe('the unit that stands for a closed one in a ranking', () => {
  const cases: [number, string, number][] = [
    [21, '2025-02-28', 21], // still open that day
    [21, '2025-03-01', 20], // merged into 20
    [1, '2026-01-01', 3],
    [3, '2026-01-01', 3],
    [99, '2026-01-01', 99], // unknown: itself
  ];
  it.each(cases)('unit %i on %s → %i', (id, date, expected) => expect(representativeOn(h, id, date)).toBe(expected));
});
