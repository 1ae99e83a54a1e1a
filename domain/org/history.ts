/**
 * Organisation history: units with life spans, names and parent links that change over time, and the
 * succession edges left by merges and splits. Nothing is ever deleted: a change ends the spans that were
 * valid and opens new ones, so the tree "as of" any date can be rebuilt and a unit's lineage followed.
 *
 * Convention: a change takes effect on its date `D` (the first day of the new state). What it ends has
 * `validTo = D - 1`, the last day of the old state. The district tier, abolished from 1/7/2025, has
 * `validTo = 2025-06-30`.
 */
import { DomainError } from '../errors.js';
import { addDays, aliveOn, type DateSpan, type IsoDate, spansOverlap, spanWithin } from './dates.js';
import { historyIndex } from './historyIndex.js';

export const UNIT_TYPES = [
  'province', // tỉnh, thành phố trực thuộc TW (UBND cấp tỉnh)
  'department', // sở, ban, ngành
  'district', // huyện, thị xã, thành phố thuộc tỉnh
  'commune', // xã, phường, thị trấn, đặc khu
  'public_service', // đơn vị sự nghiệp công lập
  'central_agency', // cơ quan ngành dọc TW đóng trên địa bàn
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export interface OrgUnit extends DateSpan {
  id: number;
  code: string;
  type: UnitType;
}
export interface NameSpan extends DateSpan {
  unitId: number;
  name: string;
}
export interface ParentSpan extends DateSpan {
  unitId: number;
  parentId: number;
}
export type SuccessionKind = 'merge' | 'split';
/** A lineage edge: on `date`, `predecessorId` went (wholly or partly) into `successorId`. */
export interface Succession {
  predecessorId: number;
  successorId: number;
  date: IsoDate;
  kind: SuccessionKind;
}
export interface OrgHistory {
  units: OrgUnit[];
  names: NameSpan[];
  parents: ParentSpan[];
  successions: Succession[];
}

export interface UnitAsOf {
  id: number;
  code: string;
  name: string;
  type: UnitType;
  parentId: number | null;
  validFrom: IsoDate;
  validTo: IsoDate | null;
}
export interface TreeNode extends UnitAsOf {
  children: TreeNode[];
}

const TYPE_ORDER: Record<UnitType, number> = {
  province: 0,
  department: 1,
  central_agency: 2,
  district: 3,
  commune: 4,
  public_service: 5,
};

function byTypeThenName(a: UnitAsOf, b: UnitAsOf): number {
  return TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || a.name.localeCompare(b.name, 'vi') || a.id - b.id;
}

/** The units alive on `date`, each with the name and parent it had that day. */
export function unitsAsOf(h: OrgHistory, date: IsoDate): UnitAsOf[] {
  const memo = historyIndex(h).asOf;
  let units = memo.get(date);
  if (!units) {
    units = computeUnitsAsOf(h, date);
    if (memo.size > 500) memo.clear();
    memo.set(date, units);
  }
  // callers may change what they get: each gets its own copies
  return units.map((u) => ({ ...u }));
}

function computeUnitsAsOf(h: OrgHistory, date: IsoDate): UnitAsOf[] {
  const nameOf = new Map<number, string>();
  for (const n of h.names) if (aliveOn(n, date)) nameOf.set(n.unitId, n.name);
  const parentOf = new Map<number, number>();
  for (const p of h.parents) if (aliveOn(p, date)) parentOf.set(p.unitId, p.parentId);
  return h.units
    .filter((u) => aliveOn(u, date))
    .map((u) => ({
      id: u.id,
      code: u.code,
      name: nameOf.get(u.id) ?? u.code,
      type: u.type,
      parentId: parentOf.get(u.id) ?? null,
      validFrom: u.validFrom,
      validTo: u.validTo,
    }))
    .sort(byTypeThenName);
}

/** The tree as it stood on `date`: roots are the units with no parent that day. */
export function treeAsOf(h: OrgHistory, date: IsoDate): TreeNode[] {
  return buildTree(unitsAsOf(h, date));
}

export function buildTree(units: UnitAsOf[]): TreeNode[] {
  const nodes = new Map<number, TreeNode>(units.map((u) => [u.id, { ...u, children: [] }]));
  const roots: TreeNode[] = [];
  for (const u of units) {
    const node = nodes.get(u.id)!;
    const parent = u.parentId === null ? undefined : nodes.get(u.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export interface LineageStep {
  unitId: number;
  /** the unit this step was reached from (one step closer to the unit asked about) */
  viaUnitId: number;
  date: IsoDate;
  kind: SuccessionKind;
  depth: number;
}

/** What a unit came from (predecessors, transitively) and what it went into (successors). */
export function lineage(h: OrgHistory, unitId: number): { cameFrom: LineageStep[]; wentInto: LineageStep[] } {
  const ix = historyIndex(h);
  const walk = (forward: boolean): LineageStep[] => {
    const steps: LineageStep[] = [];
    const seen = new Set([unitId]);
    let frontier = [unitId];
    for (let depth = 1; frontier.length > 0; depth++) {
      const next: number[] = [];
      for (const id of frontier) {
        for (const s of (forward ? ix.successorsOf : ix.predecessorsOf).get(id) ?? []) {
          const to = forward ? s.successorId : s.predecessorId;
          if (seen.has(to)) continue;
          seen.add(to);
          next.push(to);
          steps.push({ unitId: to, viaUnitId: id, date: s.date, kind: s.kind, depth });
        }
      }
      frontier = next;
    }
    return steps.sort((a, b) => a.depth - b.depth || a.date.localeCompare(b.date) || a.unitId - b.unitId);
  };
  return { cameFrom: walk(false), wentInto: walk(true) };
}

// ---------------------------------------------------------------------------------------------
// Changes. Each operation checks the rules against the history and returns the primitive
// mutations that carry it out; `applyMutations` (and the database layer) performs them.

export type Mutation =
  | { op: 'addUnit'; unit: OrgUnit }
  | { op: 'endUnit'; unitId: number; validTo: IsoDate }
  | { op: 'addName'; span: NameSpan }
  | { op: 'endName'; unitId: number; validTo: IsoDate }
  | { op: 'addParent'; span: ParentSpan }
  | { op: 'endParent'; unitId: number; validTo: IsoDate }
  | { op: 'addSuccession'; succession: Succession };

export interface NewUnitSpec {
  code: string;
  name: string;
  type: UnitType;
  parentId: number | null;
}

/** Ids for units that do not exist yet; the database layer replaces them with real ones. */
export type IdAllocator = () => number;

function findUnit(h: OrgHistory, id: number): OrgUnit {
  const u = h.units.find((x) => x.id === id);
  if (!u) throw new DomainError('UNIT_NOT_FOUND', `Unit ${id} does not exist`, { unitId: id });
  return u;
}

function currentName(h: OrgHistory, id: number, date: IsoDate): string | undefined {
  return h.names.find((n) => n.unitId === id && aliveOn(n, date))?.name;
}

function currentParent(h: OrgHistory, id: number, date: IsoDate): number | null {
  return h.parents.find((p) => p.unitId === id && aliveOn(p, date))?.parentId ?? null;
}

/** A unit may change on `date` when it was alive the day before and on that day, and has no later change. */
function requireChangeable(h: OrgHistory, id: number, date: IsoDate): OrgUnit {
  const u = findUnit(h, id);
  if (!aliveOn(u, date) || !aliveOn(u, addDays(date, -1))) {
    throw new DomainError('UNIT_NOT_ALIVE', `Unit ${u.code} is not alive on ${addDays(date, -1)} and ${date}`, {
      unitId: id,
      date,
      validFrom: u.validFrom,
      validTo: u.validTo,
    });
  }
  const later = [...h.names, ...h.parents].some((s) => s.unitId === id && s.validFrom > date);
  if (later) {
    throw new DomainError('LATER_CHANGE_EXISTS', `Unit ${u.code} has changes recorded after ${date}`, {
      unitId: id,
      date,
    });
  }
  return u;
}

function requireCodeFree(h: OrgHistory, code: string, span: DateSpan): void {
  const clash = h.units.find((u) => u.code === code && spansOverlap(u, span));
  if (clash) {
    throw new DomainError('CODE_IN_USE', `Code ${code} is used by another unit in an overlapping period`, {
      code,
      unitId: clash.id,
      validFrom: clash.validFrom,
      validTo: clash.validTo,
    });
  }
}

/** Ancestors of `id` on `date`, nearest first. */
function ancestorsOn(h: OrgHistory, id: number, date: IsoDate): number[] {
  const out: number[] = [];
  let p = currentParent(h, id, date);
  while (p !== null && !out.includes(p)) {
    out.push(p);
    p = currentParent(h, p, date);
  }
  return out;
}

/** `parentId` must be alive for the whole of `span` and must not sit below `childId`. */
function requireParent(h: OrgHistory, parentId: number, span: DateSpan, childId?: number): void {
  const parent = findUnit(h, parentId);
  if (!spanWithin(span, parent)) {
    throw new DomainError('PARENT_NOT_ALIVE', `Parent ${parent.code} is not alive for the whole period`, {
      parentId,
      parentValidFrom: parent.validFrom,
      parentValidTo: parent.validTo,
    });
  }
  if (childId !== undefined && (parentId === childId || ancestorsOn(h, parentId, span.validFrom).includes(childId))) {
    throw new DomainError('PARENT_CYCLE', 'A unit cannot be placed under itself or one of its own sub-units', {
      parentId,
      unitId: childId,
    });
  }
}

/** Children of `id` whose parent link to it is alive on `date`. */
export function liveChildren(h: OrgHistory, id: number, date: IsoDate): number[] {
  return h.parents
    .filter((p) => p.parentId === id && aliveOn(p, date) && aliveOn(findUnit(h, p.unitId), date))
    .map((p) => p.unitId);
}

/** Ending a span that began on `date` the day before would leave it ending before it starts: refused. */
function requireNotBegunOn(spans: { unitId: number; validFrom: IsoDate }[], id: number, date: IsoDate, what: string) {
  if (spans.some((s) => s.unitId === id && s.validFrom === date)) {
    throw new DomainError('SAME_DAY_CHANGE', `The unit's ${what} begins on this date; a change ending it must come later`, { unitId: id, date, what });
  }
}

function endAll(h: OrgHistory, id: number, date: IsoDate): Mutation[] {
  const last = addDays(date, -1);
  requireNotBegunOn(h.units.map((u) => ({ unitId: u.id, validFrom: u.validFrom })), id, date, 'life');
  requireNotBegunOn(h.names, id, date, 'name');
  if (currentParent(h, id, date) !== null) requireNotBegunOn(h.parents, id, date, 'parent');
  const out: Mutation[] = [
    { op: 'endUnit', unitId: id, validTo: last },
    { op: 'endName', unitId: id, validTo: last },
  ];
  if (currentParent(h, id, date) !== null) out.push({ op: 'endParent', unitId: id, validTo: last });
  return out;
}

function reparent(h: OrgHistory, id: number, parentId: number | null, date: IsoDate): Mutation[] {
  const out: Mutation[] = [];
  if (currentParent(h, id, date) !== null) requireNotBegunOn(h.parents, id, date, 'parent');
  if (currentParent(h, id, date) !== null) out.push({ op: 'endParent', unitId: id, validTo: addDays(date, -1) });
  if (parentId !== null) out.push({ op: 'addParent', span: { unitId: id, parentId, validFrom: date, validTo: null } });
  return out;
}

function addNew(h: OrgHistory, spec: NewUnitSpec, validFrom: IsoDate, validTo: IsoDate | null, id: number): Mutation[] {
  if (validTo !== null && validTo < validFrom) {
    throw new DomainError('INVALID_SPAN', 'validTo is before validFrom', { validFrom, validTo });
  }
  const span = { validFrom, validTo };
  requireCodeFree(h, spec.code, span);
  if (spec.parentId !== null) requireParent(h, spec.parentId, span);
  const out: Mutation[] = [
    { op: 'addUnit', unit: { id, code: spec.code, type: spec.type, validFrom, validTo } },
    { op: 'addName', span: { unitId: id, name: spec.name, validFrom, validTo } },
  ];
  if (spec.parentId !== null) {
    out.push({ op: 'addParent', span: { unitId: id, parentId: spec.parentId, validFrom, validTo } });
  }
  return out;
}

export function createUnit(
  h: OrgHistory,
  spec: NewUnitSpec & { validFrom: IsoDate; validTo: IsoDate | null },
  newId: IdAllocator,
): Mutation[] {
  return addNew(h, spec, spec.validFrom, spec.validTo, newId());
}

export function renameUnit(h: OrgHistory, id: number, name: string, date: IsoDate): Mutation[] {
  requireChangeable(h, id, date);
  if (currentName(h, id, date) === name) {
    throw new DomainError('NO_CHANGE', 'The new name is the same as the current one', { unitId: id });
  }
  // the name valid on `date` began that day: ending it the day before would leave a span ending before it starts
  if (h.names.some((n) => n.unitId === id && n.validFrom === date)) {
    throw new DomainError('SAME_DAY_RENAME', 'The unit was already renamed from this date', { unitId: id, date });
  }
  return [
    { op: 'endName', unitId: id, validTo: addDays(date, -1) },
    { op: 'addName', span: { unitId: id, name, validFrom: date, validTo: null } },
  ];
}

export function moveUnit(h: OrgHistory, id: number, parentId: number | null, date: IsoDate): Mutation[] {
  const u = requireChangeable(h, id, date);
  if (currentParent(h, id, date) === parentId) {
    throw new DomainError('NO_CHANGE', 'The unit already has this parent', { unitId: id, parentId });
  }
  if (parentId !== null) requireParent(h, parentId, { validFrom: date, validTo: u.validTo }, id);
  return reparent(h, id, parentId, date);
}

export function closeUnit(h: OrgHistory, id: number, date: IsoDate): Mutation[] {
  requireChangeable(h, id, date);
  const children = liveChildren(h, id, date);
  if (children.length > 0) {
    throw new DomainError('HAS_LIVE_CHILDREN', 'Move, merge or close the sub-units first', {
      unitId: id,
      childIds: children,
    });
  }
  return endAll(h, id, date);
}

export type TargetSpec = { existingId: number } | { create: NewUnitSpec };

function resolveTarget(h: OrgHistory, target: TargetSpec, date: IsoDate, newId: IdAllocator): { id: number; muts: Mutation[] } {
  if ('existingId' in target) {
    const t = findUnit(h, target.existingId);
    if (!aliveOn(t, date) || t.validTo !== null) {
      throw new DomainError('UNIT_NOT_ALIVE', `Target ${t.code} must be alive and open-ended from ${date}`, {
        unitId: t.id,
        date,
      });
    }
    return { id: t.id, muts: [] };
  }
  const id = newId();
  return { id, muts: addNew(h, target.create, date, null, id) };
}

/**
 * Merge (hợp nhất / sáp nhập): the sources end the day before `date` and go into the target, which is
 * either a new unit or an existing one that absorbs them. The sources' live sub-units move to the target.
 */
export function mergeUnits(
  h: OrgHistory,
  cmd: { sourceIds: number[]; date: IsoDate; target: TargetSpec },
  newId: IdAllocator,
): Mutation[] {
  const { sourceIds, date } = cmd;
  if (sourceIds.length === 0 || new Set(sourceIds).size !== sourceIds.length) {
    throw new DomainError('INVALID_SOURCES', 'List each source unit once', { sourceIds });
  }
  for (const s of sourceIds) requireChangeable(h, s, date);
  const target = resolveTarget(h, cmd.target, date, newId);
  if (sourceIds.includes(target.id)) {
    throw new DomainError('INVALID_SOURCES', 'The target cannot also be a source', { unitId: target.id });
  }
  if ('existingId' in cmd.target) {
    const above = ancestorsOn(h, target.id, date);
    const inside = sourceIds.find((s) => above.includes(s));
    if (inside !== undefined) {
      throw new DomainError('PARENT_CYCLE', 'The target lies inside a source unit', { unitId: target.id, sourceId: inside });
    }
  }
  const muts = [...target.muts];
  for (const s of sourceIds) {
    muts.push(...endAll(h, s, date));
    muts.push({ op: 'addSuccession', succession: { predecessorId: s, successorId: target.id, date, kind: 'merge' } });
    for (const child of liveChildren(h, s, date)) {
      requireChangeable(h, child, date);
      muts.push(...reparent(h, child, target.id, date));
    }
  }
  return muts;
}

/**
 * Split (chia tách): the source goes into several targets. Unless `keepSource`, it ends the day before
 * `date`; its live sub-units must each be given to a target (`childIds`), or the split is refused.
 */
export function splitUnit(
  h: OrgHistory,
  cmd: { sourceId: number; date: IsoDate; keepSource: boolean; targets: (TargetSpec & { childIds?: number[] })[] },
  newId: IdAllocator,
): Mutation[] {
  const { sourceId, date, keepSource } = cmd;
  requireChangeable(h, sourceId, date);
  const minTargets = keepSource ? 1 : 2;
  if (cmd.targets.length < minTargets) {
    throw new DomainError('INVALID_TARGETS', `A split needs at least ${minTargets} target unit(s)`, { minTargets });
  }
  const children = liveChildren(h, sourceId, date);
  const given = cmd.targets.flatMap((t) => t.childIds ?? []);
  const stray = given.filter((c) => !children.includes(c));
  if (stray.length > 0 || new Set(given).size !== given.length) {
    throw new DomainError('INVALID_CHILDREN', 'childIds must be distinct sub-units of the source', { childIds: stray });
  }
  const left = children.filter((c) => !given.includes(c));
  if (!keepSource && left.length > 0) {
    throw new DomainError('HAS_LIVE_CHILDREN', 'Give every sub-unit of the source to a target', {
      unitId: sourceId,
      childIds: left,
    });
  }
  const muts: Mutation[] = [];
  const targetIds: number[] = [];
  for (const t of cmd.targets) {
    const target = resolveTarget(h, t, date, newId);
    if (target.id === sourceId || targetIds.includes(target.id)) {
      throw new DomainError('INVALID_TARGETS', 'List each target once, and not the source', { unitId: target.id });
    }
    targetIds.push(target.id);
    muts.push(...target.muts);
    muts.push({ op: 'addSuccession', succession: { predecessorId: sourceId, successorId: target.id, date, kind: 'split' } });
    for (const child of t.childIds ?? []) {
      requireChangeable(h, child, date);
      muts.push(...reparent(h, child, target.id, date));
    }
  }
  if (!keepSource) muts.push(...endAll(h, sourceId, date));
  return muts;
}

/** Ends, on `validTo`, the span of `unitId` that is alive the day after. */
function endSpan<T extends DateSpan & { unitId?: number; id?: number }>(
  spans: T[],
  match: (s: T) => boolean,
  validTo: IsoDate,
): T[] {
  const day = addDays(validTo, 1);
  return spans.map((s) => (match(s) && aliveOn(s, day) ? { ...s, validTo } : s));
}

/** The history after the mutations (the in-memory twin of what the database layer writes). */
export function applyMutations(h: OrgHistory, muts: Mutation[]): OrgHistory {
  let { units, names, parents, successions } = h;
  for (const m of muts) {
    switch (m.op) {
      case 'addUnit':
        units = [...units, m.unit];
        break;
      case 'endUnit':
        units = endSpan(units, (u) => u.id === m.unitId, m.validTo);
        break;
      case 'addName':
        names = [...names, m.span];
        break;
      case 'endName':
        names = endSpan(names, (n) => n.unitId === m.unitId, m.validTo);
        break;
      case 'addParent':
        parents = [...parents, m.span];
        break;
      case 'endParent':
        parents = endSpan(parents, (p) => p.unitId === m.unitId, m.validTo);
        break;
      case 'addSuccession':
        successions = [...successions, m.succession];
        break;
    }
  }
  return { units, names, parents, successions };
}

/** The whole life of one unit: names, parents, and lineage. */
export function unitHistory(h: OrgHistory, id: number) {
  const unit = findUnit(h, id);
  const byFrom = (a: DateSpan, b: DateSpan) => a.validFrom.localeCompare(b.validFrom);
  return {
    unit,
    names: h.names.filter((n) => n.unitId === id).sort(byFrom),
    parents: h.parents.filter((p) => p.unitId === id).sort(byFrom),
    ...lineage(h, id),
  };
}

