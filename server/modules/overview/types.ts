/**
 * The overview's tiles: one small file per figure (tiles/*.ts), each with its key, how its value is read
 * (through the same functions as the page its link opens, from counters), the target where one is set, and
 * the units worst on it. Adding a figure (feedback, satisfaction) is one file and one line in tiles/index.ts.
 */
import type { Db } from '../../db/client.js';
import type { OrgHistory, UnitAsOf } from '../../../domain/org/history.js';
import type { IsoDate } from '../../../domain/org/dates.js';
import type { SessionUser } from '../auth/sessions.js';
import type { Window } from '../indicators/registry.js';
import type { Scope } from '../org/scope.js';

export interface OverviewContext {
  db: Db;
  user: SessionUser;
  /** the unit the overview is of (the province by default) and the units its figures count */
  scope: Scope & { unit: { id: number; name: string } };
  /** periodTo: the period's last day (`to` stops at today while it runs) */
  w: Window & { calendar: boolean; periodTo: IsoDate };
  h: OrgHistory;
  /** the units ranked for "worst units": those alive at the window's end (or today, re-aggregated) inside the scope */
  units: UnitAsOf[];
  scopeOf: (id: number) => number[];
  now: Date;
  /** one read shared by the tiles that need it (e.g. the one-stop report behind three tiles) */
  memo<T>(key: string, read: () => Promise<T>): Promise<T>;
}

export interface WorstUnit {
  unitId: number;
  unitName: string;
  value: number;
  link: string | null;
}

export interface TileValue {
  value: number | null;
  /** the target set for the year (indicator targets), when there is one */
  target?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  link: string | null;
  /** a few words of what the value counts (e.g. the calendar period of the 766 index) */
  note?: string | null;
  /** "no_data": the module is not installed or holds nothing for the window */
  state?: 'ok' | 'no_data';
  /** the value was entered by the unit (years before the system held the records) */
  entered?: boolean;
}

export interface TileDef {
  key: string;
  name: string;
  nameEn: string;
  measure: string;
  better: 'higher' | 'lower';
  /** the indicator it reads (targets are looked up by this code) */
  indicator?: string;
  compute(ctx: OverviewContext): Promise<TileValue>;
  /** each ranked unit's value (null: none), for the worst-units list */
  each?(ctx: OverviewContext): Promise<Map<number, { value: number | null; link: string | null }>>;
}

export const q = (o: Record<string, string | number | null | undefined>) =>
  new URLSearchParams(Object.entries(o).filter((e): e is [string, string | number] => e[1] !== null && e[1] !== undefined).map(([k, v]) => [k, String(v)])).toString();
