/**
 * The leaders' overview: every tile of tiles/index.ts for one unit (the province by default) and one window
 * (a calendar or reporting period, a range of days, or the year up to a past date), with the target of the
 * year where one is set and the units worst on each figure. Each tile is read through the function of the
 * page its link opens, from counters; reads shared by several tiles are done once (`memo`).
 */
import { atOnce } from '../../db/atOnce.js';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { indicatorTargets } from '../../db/schema.js';
import { unitsAsOf, type UnitType } from '../../../domain/org/history.js';
import { type IsoDate, vietnamDateOf } from '../../../domain/org/dates.js';
import { statisticsScope } from '../../../domain/org/scope.js';
import { errors } from '../../errors.js';
import type { SessionUser } from '../auth/sessions.js';
import { windowOf, windowOfRange } from '../indicators/window.js';
import { loadHistory } from '../org/history.js';
import { provincesOn, resolveScope } from '../org/scope.js';
import { TILES } from './tiles/index.js';
import type { OverviewContext, TileDef, TileValue, WorstUnit } from './types.js';

export interface OverviewQuery {
  unit?: number;
  period?: string;
  /** the period as the calendar has it (default) or the reporting window of Decree 09 (15/… – 14/…) */
  window?: 'calendar' | 'reporting';
  from?: IsoDate;
  to?: IsoDate;
  /** the year up to this day, with the units of that day */
  asOf?: IsoDate;
  /** 'today': rank today's units, each counting the units it came from (re-aggregated onto today's units) */
  onto?: 'period' | 'today';
  /** only these tiles (keys) */
  only?: string[];
}

const RANKED: ReadonlySet<UnitType> = new Set(['department', 'district', 'commune']);
const WORST = 5;

export function overviewWindow(q: OverviewQuery, now: Date) {
  if (q.period) {
    const calendar = q.window !== 'reporting';
    const w = windowOf(q.period, { calendar }, now);
    return { ...w, calendar, periodTo: w.periodTo };
  }
  if (q.from || q.to) {
    if (!q.from || !q.to) throw errors.badRequest('INVALID_RANGE', 'Cần cả ngày bắt đầu và ngày kết thúc.', 'Both from and to are needed.');
    return { ...windowOfRange(q.from, q.to, now), calendar: true, periodTo: q.to };
  }
  const day = q.asOf ?? vietnamDateOf(now);
  return { ...windowOfRange(`${day.slice(0, 4)}-01-01` as IsoDate, day, now), calendar: true, periodTo: day };
}

/** The scope a user may read: scoped staff (unit officer, unit head) their own unit only. */
async function contextOf(db: Db, user: SessionUser, unit: number | undefined, q: OverviewQuery, now: Date): Promise<OverviewContext> {
  const w = overviewWindow(q, now);
  const h = await loadHistory(db);
  const day = q.onto === 'today' ? vietnamDateOf(now) : w.periodTo < w.to ? w.periodTo : w.to;
  const unitId = unit ?? provincesOn(h, day)[0]?.id;
  if (unitId === undefined) throw errors.notFound('unit');
  const scope = await resolveScope(db, unitId);
  const within = new Set(scope.unitIds);
  const units = unitsAsOf(h, day).filter((u) => RANKED.has(u.type) && u.id !== unitId && within.has(u.id));
  const reads = new Map<string, Promise<unknown>>();
  return {
    db,
    user,
    scope: { ...scope, unit: scope.unit!, history: async () => h },
    w,
    h,
    units,
    scopeOf: (id) => statisticsScope(h, id),
    now,
    memo: <T>(key: string, read: () => Promise<T>) => {
      if (!reads.has(key)) reads.set(key, read());
      return reads.get(key) as Promise<T>;
    },
  };
}

/** The year's target of each indicator for the unit: set for the unit itself, else for its level, else the province's. */
async function targetsOf(ctx: OverviewContext, codes: string[]) {
  if (!codes.length) return new Map<string, number>();
  const rows = await ctx.db.select().from(indicatorTargets).where(and(eq(indicatorTargets.year, ctx.w.year), inArray(indicatorTargets.code, codes)));
  const type = ctx.h.units.find((u) => u.id === ctx.scope.unit.id)?.type;
  const out = new Map<string, number>();
  for (const code of codes) {
    const mine = rows.filter((r) => r.code === code);
    const pick = mine.find((r) => r.unitId === ctx.scope.unit.id) ?? mine.find((r) => !r.unitId && r.level === type) ?? (type === 'province' ? mine.find((r) => !r.unitId && !r.level) : undefined);
    if (pick) out.set(code, Number(pick.value));
  }
  return out;
}

async function worstOf(ctx: OverviewContext, tile: TileDef): Promise<WorstUnit[]> {
  if (!tile.each || !ctx.units.length) return [];
  const name = new Map(ctx.units.map((u) => [u.id, u.name]));
  const rows: WorstUnit[] = [];
  for (const [id, f] of await tile.each(ctx)) {
    if (f.value === null || !name.has(id)) continue;
    if (tile.better === 'lower' && f.value <= 0) continue;
    rows.push({ unitId: id, unitName: name.get(id)!, value: f.value, link: f.link });
  }
  rows.sort((a, b) => (tile.better === 'higher' ? a.value - b.value : b.value - a.value) || a.unitName.localeCompare(b.unitName, 'vi'));
  return rows.slice(0, WORST);
}

export interface OverviewTile extends TileValue {
  key: string;
  name: string;
  nameEn: string;
  measure: string;
  better: 'higher' | 'lower';
  worst: WorstUnit[];
}

export async function overview(db: Db, user: SessionUser, unit: number | undefined, q: OverviewQuery, now = new Date()) {
  const ctx = await contextOf(db, user, unit, q, now);
  const tiles = TILES.filter((t) => !q.only || q.only.includes(t.key));
  const targets = await targetsOf(ctx, tiles.flatMap((t) => (t.indicator ? [t.indicator] : [])));
  // all at once (PostgreSQL answers them on several connections); reads shared by tiles are made once (memo)
  const out: OverviewTile[] = await atOnce(
    db,
    tiles.map((t) => async () => {
      const [v, worst] = await atOnce(db, [() => t.compute(ctx), () => worstOf(ctx, t)]);
      const target = v.target ?? (t.indicator ? (targets.get(t.indicator) ?? null) : null);
      return { key: t.key, name: t.name, nameEn: t.nameEn, measure: t.measure, better: t.better, state: v.value === null ? ('no_data' as const) : ('ok' as const), ...v, target, worst };
    }),
  );
  const type = ctx.h.units.find((u) => u.id === ctx.scope.unit.id)?.type ?? null;
  return {
    unit: { ...ctx.scope.unit, type },
    period: ctx.w.key,
    calendar: ctx.w.calendar,
    from: ctx.w.from,
    to: ctx.w.periodTo,
    judgedAt: ctx.w.to,
    onto: q.onto ?? 'period',
    units: ctx.units.map((u) => ({ id: u.id, name: u.name, type: u.type, parentId: u.parentId })),
    tiles: out,
  };
}

/** One tile's value for each ranked unit (the map colours units by it), with the context it was read in. */
export async function tileByUnit(db: Db, user: SessionUser, unit: number | undefined, q: OverviewQuery, key: string, now = new Date()) {
  const tile = TILES.find((t) => t.key === key);
  if (!tile) throw errors.badRequest('UNKNOWN_FIGURE', `Không có số liệu ${key}.`, `No figure ${key}.`, { field: 'figure' });
  const ctx = await contextOf(db, user, unit, q, now);
  const values = tile.each ? await tile.each(ctx) : new Map<number, { value: number | null; link: string | null }>();
  return { tile, ctx, values };
}
