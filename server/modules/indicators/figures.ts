/**
 * An indicator's figure for a unit (its scope) and a window: computed by its module, or combined from the
 * values units entered for the period — a unit's own entered value first, otherwise its units' combined as the
 * indicator says (sum, ratio of sums). A computed figure without data falls back to the value the unit
 * entered for that period (e.g. years before the system held the records), marked as entered.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { indicators, indicatorValues } from '../../db/schema.js';
import { type Aggregation, combine, type IndicatorValue } from '../../../domain/indicators/indicator.js';
import type { UnitType } from '../../../domain/org/history.js';
import { errors } from '../../errors.js';
import type { Scope } from '../org/scope.js';
import './all.js';
import { computedIndicator, computedIndicators, type Figure, type IndicatorDef, type Window } from './registry.js';

const num = (s: string | null) => (s === null ? null : Number(s));

export async function enteredDefinitions(db: Db): Promise<IndicatorDef[]> {
  return (await db.select().from(indicators).orderBy(indicators.code)).map((r) => ({
    code: r.code,
    name: r.name,
    nameEn: r.nameEn ?? r.name,
    measure: r.measure,
    aggregation: r.aggregation as Aggregation,
    unitTypes: (r.unitTypes as UnitType[] | null) ?? null,
    source: 'entered' as const,
    module: 'indicators',
    description: r.description,
  }));
}

export async function listIndicators(db: Db): Promise<IndicatorDef[]> {
  const computed = computedIndicators().map(({ compute: _c, computeEach: _e, ...d }) => d);
  return [...computed, ...(await enteredDefinitions(db))];
}

export async function requireIndicator(db: Db, code: string): Promise<IndicatorDef> {
  const c = computedIndicator(code);
  if (c) return c;
  const entered = (await enteredDefinitions(db)).find((d) => d.code === code);
  if (!entered) throw errors.notFound('indicator');
  return entered;
}

/** The values entered for a period by the given units (all units when null), by unit. */
async function enteredValues(db: Db, code: string, period: string, unitIds: number[] | null): Promise<Map<number, IndicatorValue & { note: string | null }>> {
  const rows = await db
    .select()
    .from(indicatorValues)
    .where(and(eq(indicatorValues.code, code), eq(indicatorValues.period, period), unitIds ? inArray(indicatorValues.unitId, unitIds) : undefined));
  return new Map(rows.map((r) => [r.unitId, { value: num(r.value), numerator: num(r.numerator), denominator: num(r.denominator), note: r.note }]));
}

function combineEntered(def: IndicatorDef, values: Map<number, IndicatorValue>, ownId: number | null): Figure {
  const own = ownId !== null ? values.get(ownId) : undefined;
  if (own) return { ...own, entered: true };
  if (values.size === 0) return { value: null };
  return { ...combine(def.aggregation, [...values.values()]), entered: true };
}

export async function figureOf(db: Db, def: IndicatorDef, scope: Scope, w: Window): Promise<Figure> {
  const c = computedIndicator(def.code);
  if (c) {
    const f = await c.compute(db, scope, w);
    if (f.value !== null || !w.key || !scope.unit) return f;
    const fallback = (await enteredValues(db, def.code, w.key, [scope.unit.id])).get(scope.unit.id);
    return fallback ? { ...fallback, entered: true } : f;
  }
  if (!w.key) return { value: null };
  return combineEntered(def, await enteredValues(db, def.code, w.key, scope.unitIds), scope.unit?.id ?? null);
}

/** The figure of each unit over its own scope (`scopeOf`), read at once where the module can. */
export async function figuresOfUnits(db: Db, def: IndicatorDef, unitIds: number[], scopeOf: (id: number) => number[], makeScope: (id: number) => Scope, w: Window): Promise<Map<number, Figure>> {
  const c = computedIndicator(def.code);
  let out: Map<number, Figure>;
  if (c?.computeEach) out = await c.computeEach(db, unitIds, scopeOf, w);
  else if (c) {
    out = new Map();
    for (const id of unitIds) out.set(id, await c.compute(db, makeScope(id), w));
  } else out = new Map();
  if (!w.key) return c ? out : new Map(unitIds.map((id) => [id, { value: null }]));
  const all = [...new Set(unitIds.flatMap(scopeOf))];
  const entered = await enteredValues(db, def.code, w.key, all);
  for (const id of unitIds) {
    const f = out.get(id);
    if (c && f && f.value !== null) continue;
    const own = entered.get(id);
    if (c) {
      if (own) out.set(id, { ...own, entered: true });
      continue;
    }
    const mine = new Map([...entered].filter(([u]) => scopeOf(id).includes(u)));
    out.set(id, combineEntered(def, mine, id));
  }
  return out;
}
