/**
 * The indicator registry (DESIGN.md, "How modules feed each other"): every module registers the figures it
 * keeps — code, name, unit of measure, how a parent's value combines its units', and a function that reads
 * that module's counters for a unit's scope and a window. The periodic report, the overview, targets, computed
 * PAR items and the 766 components read figures here by code; adding a module adds registrations, nothing
 * else changes. Entered indicators (table `indicators`) sit beside them with the same shape.
 */
import type { Db } from '../../db/client.js';
import type { Aggregation, IndicatorValue } from '../../../domain/indicators/indicator.js';
import type { UnitType } from '../../../domain/org/history.js';
import type { IsoDate } from '../../../domain/org/dates.js';
import type { Scope } from '../org/scope.js';

/** The window a figure covers: a reporting window or a calendar period, judged at `at` when it runs to today. */
export interface Window {
  /** the period key it came from (2026-Q3, 2026-6M, 2026, 2026-03), if any */
  key: string | null;
  from: IsoDate;
  to: IsoDate;
  at: Date | null;
  year: number;
}

export interface Figure extends IndicatorValue {
  /** where the records behind the figure are listed (a path of the web app) */
  link?: string | null;
  /** whether the value was entered by the unit rather than computed */
  entered?: boolean;
}

export interface IndicatorDef {
  code: string;
  name: string;
  nameEn: string;
  /** unit of measure */
  measure: string;
  aggregation: Aggregation;
  /** the unit types it applies to; null: all */
  unitTypes: UnitType[] | null;
  source: 'computed' | 'entered';
  /** the capability it comes from (dossiers, plans, par…) */
  module: string;
  description?: string | null;
  /** higher is better (default) or lower */
  better?: 'higher' | 'lower';
}

export interface ComputedIndicator extends IndicatorDef {
  source: 'computed';
  compute(db: Db, scope: Scope, w: Window): Promise<Figure>;
  /** the same for many units at once (one read of the counters), when the module can; else `compute` per unit */
  computeEach?(db: Db, unitIds: number[], scopeOf: (id: number) => number[], w: Window): Promise<Map<number, Figure>>;
}

const registry = new Map<string, ComputedIndicator>();

export function registerIndicator(i: ComputedIndicator) {
  if (registry.has(i.code)) throw new Error(`indicator ${i.code} registered twice`);
  registry.set(i.code, i);
}

export const computedIndicator = (code: string) => registry.get(code);
export const computedIndicators = () => [...registry.values()];

/** The query string of a link for a scope and window (the web pages read `unit`, `from`, `to`). */
export function linkQuery(scope: Scope, w: Window, extra: Record<string, string> = {}) {
  const q = new URLSearchParams({ ...(scope.unit ? { unit: String(scope.unit.id) } : {}), from: w.from, to: w.to, ...extra });
  return q.toString();
}
