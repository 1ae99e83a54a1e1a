import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { addDays, isIsoDate, spansOverlap } from './dates.js';
import {
  applyMutations,
  closeUnit,
  createUnit,
  lineage,
  mergeUnits,
  moveUnit,
  type Mutation,
  type OrgHistory,
  renameUnit,
  splitUnit,
  treeAsOf,
  unitsAsOf,
} from './history.js';

const empty: OrgHistory = { units: [], names: [], parents: [], successions: [] };

/** A small province: LA with a department, two districts (one with two communes), then the 2025 reform. */
function build() {
  let h = empty;
  let next = 1;
  const newId = () => next++;
  const run = (muts: Mutation[]) => {
    h = applyMutations(h, muts);
  };
  run(createUnit(h, { code: 'LA', name: 'Tỉnh Long An', type: 'province', parentId: null, validFrom: '1989-01-01', validTo: null }, newId)); // 1
  run(createUnit(h, { code: 'LA.SNV', name: 'Sở Nội vụ', type: 'department', parentId: 1, validFrom: '1989-01-01', validTo: null }, newId)); // 2
  run(createUnit(h, { code: 'LA.TANAN', name: 'Thị xã Tân An', type: 'district', parentId: 1, validFrom: '1989-01-01', validTo: null }, newId)); // 3
  run(createUnit(h, { code: 'LA.P1', name: 'Phường 1', type: 'commune', parentId: 3, validFrom: '1989-01-01', validTo: null }, newId)); // 4
  run(createUnit(h, { code: 'LA.P3', name: 'Phường 3', type: 'commune', parentId: 3, validFrom: '1989-01-01', validTo: null }, newId)); // 5
  run(createUnit(h, { code: 'LA.BL', name: 'Huyện Bến Lức', type: 'district', parentId: 1, validFrom: '1989-01-01', validTo: null }, newId)); // 6
  run(createUnit(h, { code: 'TN', name: 'Tỉnh Tây Ninh', type: 'province', parentId: null, validFrom: '1989-01-01', validTo: null }, newId)); // 7
  // 2009: Tân An becomes a city (renamed).
  run(renameUnit(h, 3, 'Thành phố Tân An', '2009-08-24'));
  // 2025-07-01: the new Tây Ninh is established; Long An and the old Tây Ninh are merged into it below.
  run(createUnit(h, { code: 'TN.2025', name: 'Tỉnh Tây Ninh', type: 'province', parentId: null, validFrom: '2025-07-01', validTo: null }, newId)); // 8
  // Phường 1 + Phường 3 merge into a new Phường Tân An directly under the new province.
  run(mergeUnits(h, { sourceIds: [4, 5], date: '2025-07-01', target: { create: { code: 'LA.PTANAN', name: 'Phường Tân An', type: 'commune', parentId: 8 } } }, newId)); // 9
  // District tier closed: last day 30/6/2025.
  run(closeUnit(h, 3, '2025-07-01'));
  run(closeUnit(h, 6, '2025-07-01'));
  // Long An + old Tây Ninh go into the new Tây Ninh; their live sub-units (SNV) follow.
  run(mergeUnits(h, { sourceIds: [1, 7], date: '2025-07-01', target: { existingId: 8 } }, newId));
  return { h, newId };
}

const ids = (h: OrgHistory, date: string) => unitsAsOf(h, date).map((u) => u.code);

describe('dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2025-13-01', false],
    ['2025-06-31', false],
    ['2025-6-30', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
  ])('isIsoDate(%s) = %s', (s, ok) => expect(isIsoDate(s)).toBe(ok));

  it.each([
    ['2025-07-01', -1, '2025-06-30'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2023-03-01', -1, '2023-02-28'],
    ['2025-12-31', 1, '2026-01-01'],
  ])('addDays(%s, %i) = %s', (d, n, out) => expect(addDays(d, n)).toBe(out));

  it.each([
    [{ validFrom: '2020-01-01', validTo: '2020-12-31' }, { validFrom: '2021-01-01', validTo: null }, false],
    [{ validFrom: '2020-01-01', validTo: '2021-01-01' }, { validFrom: '2021-01-01', validTo: null }, true],
    [{ validFrom: '2020-01-01', validTo: null }, { validFrom: '1990-01-01', validTo: '2019-12-31' }, false],
    [{ validFrom: '2020-01-01', validTo: null }, { validFrom: '2030-01-01', validTo: null }, true],
  ])('spansOverlap %#', (a, b, out) => expect(spansOverlap(a, b)).toBe(out));
});

describe('as-of trees across renames, merges and closes', () => {
  const { h } = build();
  it.each([
    ['2000-01-01', ['LA', 'TN', 'LA.SNV', 'LA.BL', 'LA.TANAN', 'LA.P1', 'LA.P3']],
    ['2025-06-30', ['LA', 'TN', 'LA.SNV', 'LA.BL', 'LA.TANAN', 'LA.P1', 'LA.P3']],
    ['2025-07-01', ['TN.2025', 'LA.SNV', 'LA.PTANAN']],
    ['2026-01-01', ['TN.2025', 'LA.SNV', 'LA.PTANAN']],
    ['1988-12-31', []],
  ])('units alive on %s', (date, codes) => {
    expect(ids(h, date).sort()).toEqual([...codes].sort());
  });

  it.each([
    ['2009-08-23', 'Thị xã Tân An'],
    ['2009-08-24', 'Thành phố Tân An'],
    ['2025-06-30', 'Thành phố Tân An'],
  ])('Tân An is named as it was on %s', (date, name) => {
    expect(unitsAsOf(h, date).find((u) => u.code === 'LA.TANAN')?.name).toBe(name);
  });

  it('the 2020 tree nests communes under their district', () => {
    const [la] = treeAsOf(h, '2020-01-01');
    expect(la.code).toBe('LA');
    const tanAn = la.children.find((c) => c.code === 'LA.TANAN')!;
    expect(tanAn.children.map((c) => c.name)).toEqual(['Phường 1', 'Phường 3']);
  });

  it('the 2026 tree puts the department and the new ward under the new province', () => {
    const roots = treeAsOf(h, '2026-01-01');
    expect(roots.map((r) => r.code)).toEqual(['TN.2025']);
    expect(roots[0].children.map((c) => c.code)).toEqual(['LA.SNV', 'LA.PTANAN']);
  });

  it('keeps every closed unit: a merge destroys nothing', () => {
    const la = h.units.find((u) => u.code === 'LA')!;
    expect(la.validTo).toBe('2025-06-30');
    expect(h.units).toHaveLength(9);
    const names = h.names.filter((n) => n.unitId === 3).map((n) => [n.name, n.validFrom, n.validTo]);
    expect(names).toEqual([
      ['Thị xã Tân An', '1989-01-01', '2009-08-23'],
      ['Thành phố Tân An', '2009-08-24', '2025-06-30'],
    ]);
  });
});

describe('lineage', () => {
  const { h } = build();
  it.each([
    // unit, came from (codes), went into (codes)
    ['LA.P1', [], ['LA.PTANAN']],
    ['LA.PTANAN', ['LA.P1', 'LA.P3'], []],
    ['LA', [], ['TN.2025']],
    ['TN.2025', ['LA', 'TN'], []],
    ['LA.BL', [], []],
  ])('%s', (code, from, into) => {
    const id = h.units.find((u) => u.code === code)!.id;
    const codeOf = (i: number) => h.units.find((u) => u.id === i)!.code;
    const l = lineage(h, id);
    expect(l.cameFrom.map((s) => codeOf(s.unitId)).sort()).toEqual(from);
    expect(l.wentInto.map((s) => codeOf(s.unitId)).sort()).toEqual(into);
  });

  it('follows several generations and splits', () => {
    let { h: g, newId } = build();
    const ptanan = g.units.find((u) => u.code === 'LA.PTANAN')!.id;
    g = applyMutations(
      g,
      splitUnit(
        g,
        {
          sourceId: ptanan,
          date: '2027-01-01',
          keepSource: false,
          targets: [
            { create: { code: 'X1', name: 'Phường X1', type: 'commune', parentId: 8 } },
            { create: { code: 'X2', name: 'Phường X2', type: 'commune', parentId: 8 } },
          ],
        },
        newId,
      ),
    );
    const p1 = g.units.find((u) => u.code === 'LA.P1')!.id;
    const into = lineage(g, p1).wentInto.map((s) => [g.units.find((u) => u.id === s.unitId)!.code, s.depth, s.kind]);
    expect(into).toEqual([
      ['LA.PTANAN', 1, 'merge'],
      ['X1', 2, 'split'],
      ['X2', 2, 'split'],
    ]);
    expect(ids(g, '2026-12-31')).toContain('LA.PTANAN');
    expect(ids(g, '2027-01-01')).not.toContain('LA.PTANAN');
    expect(ids(g, '2027-01-01')).toEqual(expect.arrayContaining(['X1', 'X2']));
  });

  it('a split that keeps its source leaves it alive', () => {
    let { h: g, newId } = build();
    g = applyMutations(
      g,
      splitUnit(g, { sourceId: 2, date: '2026-01-01', keepSource: true, targets: [{ create: { code: 'BQL', name: 'Ban Quản lý', type: 'department', parentId: 8 } }] }, newId),
    );
    expect(ids(g, '2026-06-01')).toEqual(expect.arrayContaining(['LA.SNV', 'BQL']));
    expect(lineage(g, 2).wentInto.map((s) => s.kind)).toEqual(['split']);
  });
});

describe('moves', () => {
  it('a move keeps the old parent up to the day before', () => {
    let { h } = build();
    h = applyMutations(h, moveUnit(h, 4, 6, '2020-01-01')); // Phường 1 → under Bến Lức (fictional)
    expect(unitsAsOf(h, '2019-12-31').find((u) => u.id === 4)?.parentId).toBe(3);
    expect(unitsAsOf(h, '2020-01-01').find((u) => u.id === 4)?.parentId).toBe(6);
  });
});

describe('rules refused', () => {
  const { h, newId } = build();
  const cases: [string, () => unknown, string][] = [
    ['code reused in an overlapping life span', () => createUnit(h, { code: 'LA.SNV', name: 'x', type: 'department', parentId: null, validFrom: '2020-01-01', validTo: null }, newId), 'CODE_IN_USE'],
    ['parent closed before the child ends', () => createUnit(h, { code: 'NEW', name: 'x', type: 'commune', parentId: 3, validFrom: '2020-01-01', validTo: null }, newId), 'PARENT_NOT_ALIVE'],
    ['parent not born yet', () => createUnit(h, { code: 'NEW', name: 'x', type: 'commune', parentId: 8, validFrom: '2020-01-01', validTo: null }, newId), 'PARENT_NOT_ALIVE'],
    ['validTo before validFrom', () => createUnit(h, { code: 'NEW', name: 'x', type: 'commune', parentId: null, validFrom: '2020-01-01', validTo: '2019-01-01' }, newId), 'INVALID_SPAN'],
    ['close with live sub-units', () => closeUnit(h, 8, '2027-01-01'), 'HAS_LIVE_CHILDREN'],
    ['rename a closed unit', () => renameUnit(h, 1, 'x', '2026-01-01'), 'UNIT_NOT_ALIVE'],
    ['rename on the day it was founded', () => renameUnit(h, 8, 'x', '2025-07-01'), 'UNIT_NOT_ALIVE'],
    ['rename to the same name', () => renameUnit(h, 2, 'Sở Nội vụ', '2026-01-01'), 'NO_CHANGE'],
    ['change before a later recorded change', () => renameUnit(h, 3, 'y', '2005-01-01'), 'LATER_CHANGE_EXISTS'],
    ['move under its own sub-unit', () => moveUnit(h, 3, 4, '2020-01-01'), 'PARENT_CYCLE'],
    ['merge a unit into itself', () => mergeUnits(h, { sourceIds: [2], date: '2026-01-01', target: { existingId: 2 } }, newId), 'INVALID_SOURCES'],
    ['merge with a source listed twice', () => mergeUnits(h, { sourceIds: [2, 2], date: '2026-01-01', target: { existingId: 8 } }, newId), 'INVALID_SOURCES'],
    ['merge a province into its own department', () => mergeUnits(h, { sourceIds: [8], date: '2026-01-01', target: { existingId: 2 } }, newId), 'PARENT_CYCLE'],
    ['merge into a closed unit', () => mergeUnits(h, { sourceIds: [2], date: '2026-01-01', target: { existingId: 1 } }, newId), 'UNIT_NOT_ALIVE'],
    ['split into one target without keeping the source', () => splitUnit(h, { sourceId: 2, date: '2026-01-01', keepSource: false, targets: [{ existingId: 9 }] }, newId), 'INVALID_TARGETS'],
    ['split leaving sub-units behind', () => splitUnit(h, { sourceId: 8, date: '2026-01-01', keepSource: false, targets: [{ create: { code: 'A', name: 'A', type: 'province', parentId: null } }, { create: { code: 'B', name: 'B', type: 'province', parentId: null } }] }, newId), 'HAS_LIVE_CHILDREN'],
    ['unknown unit', () => closeUnit(h, 999, '2026-01-01'), 'UNIT_NOT_FOUND'],
  ];
  it.each(cases)('%s', (_name, fn, code) => {
    let err: unknown;
    try {
      fn();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe(code);
  });

  describe('a second change on the same date that would end what the first began', () => {
    const renamed = applyMutations(h, renameUnit(h, 2, 'Sở Nội vụ (tên mới)', '2026-06-01'));
    const moved = applyMutations(h, moveUnit(h, 4, 6, '2020-06-01'));
    const same: [string, () => unknown, string][] = [
      ['rename twice', () => renameUnit(renamed, 2, 'Sở Nội vụ (tên khác)', '2026-06-01'), 'SAME_DAY_RENAME'],
      ['close after a rename', () => closeUnit(renamed, 2, '2026-06-01'), 'SAME_DAY_CHANGE'],
      ['merge after a rename', () => mergeUnits(renamed, { sourceIds: [2], date: '2026-06-01', target: { existingId: 9 } }, newId), 'SAME_DAY_CHANGE'],
      ['move after a move', () => moveUnit(moved, 4, 3, '2020-06-01'), 'SAME_DAY_CHANGE'],
    ];
    it.each(same)('%s', (_name, fn, code) => {
      expect(fn).toThrow(DomainError);
      try {
        fn();
      } catch (e) {
        expect((e as DomainError).code).toBe(code);
      }
    });
    it('a rename and a move on the same date are two different spans: both allowed', () => {
      expect(() => moveUnit(renamed, 2, 9, '2026-06-01')).not.toThrow();
    });
  });

  it('a code may be reused once the earlier unit has closed', () => {
    const muts = createUnit(h, { code: 'LA', name: 'Phường Long An', type: 'commune', parentId: 8, validFrom: '2025-07-01', validTo: null }, newId);
    expect(muts[0]).toMatchObject({ op: 'addUnit', unit: { code: 'LA', validFrom: '2025-07-01' } });
  });
});
