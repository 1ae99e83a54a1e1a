/**
 * The units a figure of a unit counts (domain/org/scope.ts `statisticsScope`: itself, the units it came from,
 * everything ever below them), resolved once per request from the kept organisation history.
 */
import type { Db } from '../../db/client.js';
import { latestName, statisticsScope } from '../../../domain/org/scope.js';
import { type OrgHistory, unitsAsOf } from '../../../domain/org/history.js';
import type { IsoDate } from '../../../domain/org/dates.js';
import { errors } from '../../errors.js';
import { loadHistory } from './history.js';

export interface Scope {
  unit: { id: number; name: string } | null;
  /** null: the whole province (every unit) */
  unitIds: number[] | null;
  /** the organisation history, read at most once per request */
  history: () => Promise<OrgHistory>;
}

/** `predecessors: false` leaves out the units it came from (they count by default). */
export async function resolveScope(db: Db, unitId: number | undefined, opts: { predecessors?: boolean } = {}): Promise<Scope> {
  let read: Promise<OrgHistory> | undefined;
  const history = () => (read ??= loadHistory(db));
  if (unitId === undefined) return { unit: null, unitIds: null, history };
  const h = await history();
  if (!h.units.some((u) => u.id === unitId)) throw errors.notFound('unit');
  return { unit: { id: unitId, name: latestName(h, unitId) }, unitIds: statisticsScope(h, unitId, opts), history };
}


/** Whether the scope stands for the whole province (no unit, or a province-level unit). */
export async function isProvinceScope(scope: Scope): Promise<boolean> {
  if (!scope.unit) return true;
  const h = await scope.history();
  return h.units.find((u) => u.id === scope.unit!.id)?.type === 'province';
}

/** The provinces alive on a day; the default is the one with the most units below it. */
export function provincesOn(h: OrgHistory, day: IsoDate) {
  const alive = unitsAsOf(h, day);
  const below = (id: number): number => alive.filter((u) => u.parentId === id).reduce((n, u) => n + 1 + below(u.id), 0);
  return alive
    .filter((u) => u.type === 'province' && u.parentId === null)
    .map((u) => ({ ...u, size: below(u.id) }))
    .sort((a, b) => b.size - a.size || a.id - b.id);
}

