/**
 * Statistics of one-stop dossiers, read from the daily counters only: the standard report per unit and
 * period, the same by procedure / field / level / receiving unit / month, the Decision 766 index, and
 * the drill-down list (the one place that reads dossiers, a page at a time).
 */
import { atOnce } from '../../db/atOnce.js';
import { and, asc, count, countDistinct, eq, gt, gte, inArray, isNull, lt, lte, not, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { dossierDaily, dossierProcedureMonthly, dossiers, orgUnitNames, procedures } from '../../db/schema.js';
import { type Category, composeReport, type OneStopReport } from '../../../domain/dossiers/report.js';
import { computeIndex766 } from '../../../domain/dossiers/index766.js';
import { type Counters, zeroCounters } from '../../../domain/dossiers/summary.js';
import { addDays, type IsoDate, vietnamDateOf } from '../../../domain/org/dates.js';
import { latestName, representativeOn, statisticsScope } from '../../../domain/org/scope.js';
import type { OrgHistory } from '../../../domain/org/history.js';
import { monthsBetween, type Period } from '../../../domain/periods/period.js';
import { splitIntoMonths } from '../../../domain/periods/months.js';
import { toVietnamIso } from '../../../domain/calendar/workingCalendar.js';
import { errors } from '../../errors.js';
import { loadHistory } from '../org/history.js';
import { index766Extras } from './index766Inputs.js';
import { periodSums, plus, splitSums, sumBefore, sumCounters, sumsByMonth, sumsByUnit } from './counters.js';

export { resolveScope, type Scope } from '../org/scope.js';
import type { Scope } from '../org/scope.js';

/**
 * The period's end, no later than today: dossiers still open are judged at the end of the period, or — when
 * the period runs to today — at `now` (`at`), so that a dossier due later today is not counted late yet.
 */
export function checkRange(from: IsoDate, to: IsoDate, now: Date) {
  if (from > to) throw errors.badRequest('INVALID_RANGE', 'Ngày bắt đầu phải trước ngày kết thúc.', 'The start date must not be after the end date.');
  const today = vietnamDateOf(now);
  const end = to > today ? (from > today ? to : today) : to;
  return { from, to: end, at: end === today ? now : null };
}

/** Open dossiers whose deadline falls later on `day` than `at`: counted late from that day, not late yet. */
async function notLateYet(db: Db, unitIds: number[] | null, day: IsoDate, at: Date | null | undefined) {
  if (!at) return [];
  const d = dossiers;
  return db
    .select({ unitId: d.unitId, procedureId: d.procedureId, code: procedures.code, field: procedures.field, level: procedures.level, n: count() })
    .from(d)
    .innerJoin(procedures, eq(procedures.id, d.procedureId))
    .where(and(unitIds ? inArray(d.unitId, unitIds) : undefined, eq(d.lateFrom, day), gt(d.lateAt, at), isNull(d.endedOn)))
    .groupBy(d.unitId, d.procedureId, procedures.code, procedures.field, procedures.level);
}

/** `upTo` without the late starts of dossiers not late yet. */
const withoutPending = (upTo: Counters, n: number): Counters => (n ? { ...upTo, lateStart: upTo.lateStart - n } : upTo);

const inScope = (s: Scope) => (s.unitIds ? inArray(dossierDaily.unitId, s.unitIds) : undefined);

export async function oneStopReport(db: Db, scope: Scope, from: IsoDate, to: IsoDate, at?: Date | null): Promise<OneStopReport> {
  const { before, upTo, within } = await sumCounters(db, scope.unitIds, from, to);
  const pending = (await notLateYet(db, scope.unitIds, to, at)).reduce((a, r) => a + Number(r.n), 0);
  return composeReport(before, withoutPending(upTo, pending), within);
}

/**
 * The report of each of several units at once, each over its own scope (`scopeOf`: the unit, the units it came
 * from and those below): one read of the counters for all of them.
 */
export async function reportsOfUnits(db: Db, unitIds: number[], scopeOf: (id: number) => number[], from: IsoDate, to: IsoDate, at?: Date | null) {
  const scopes = new Map(unitIds.map((id) => [id, scopeOf(id)]));
  const all = [...new Set([...scopes.values()].flat())];
  const sums = all.length ? await sumsByUnit(db, all, from, to) : new Map();
  const pending = new Map<number, number>();
  for (const p of await notLateYet(db, all, to, at)) pending.set(p.unitId, (pending.get(p.unitId) ?? 0) + Number(p.n));
  const out = new Map<number, OneStopReport>();
  for (const [id, ids] of scopes) {
    let before = zeroCounters();
    let upTo = zeroCounters();
    let within = zeroCounters();
    let late = 0;
    for (const u of ids) {
      const x = sums.get(u);
      if (x) {
        before = plus(before, x.before);
        upTo = plus(upTo, x.upTo);
        within = plus(within, x.within);
      }
      late += pending.get(u) ?? 0;
    }
    out.set(id, composeReport(before, withoutPending(upTo, late), within));
  }
  return out;
}

export type GroupBy = 'procedure' | 'field' | 'level' | 'unit';

/** The report for each procedure, field, level or receiving unit that has any dossier up to `to`. */
export async function groupedReport(db: Db, scope: Scope, from: IsoDate, to: IsoDate, by: GroupBy, at?: Date | null) {
  const pending = await notLateYet(db, scope.unitIds, to, at);
  const pendingBy = new Map<string, number>();
  for (const p of pending) {
    const k = by === 'unit' ? String(p.unitId) : by === 'procedure' ? p.code : by === 'field' ? p.field : p.level;
    pendingBy.set(k, (pendingBy.get(k) ?? 0) + Number(p.n));
  }
  let rows: { key: string; name: string; before: Counters; upTo: Counters; within: Counters }[];
  if (by === 'unit') {
    const h = await scope.history();
    // units closed by `to` count under the unit they were merged into: the ranking lists the units of that day
    const merged = new Map<number, { before: Counters; upTo: Counters; within: Counters }>();
    for (const [id, raw] of await sumsByUnit(db, scope.unitIds, from, to)) {
      const sums = { ...raw, upTo: withoutPending(raw.upTo, pendingBy.get(String(id)) ?? 0) };
      const rep = representativeOn(h, id, to);
      const acc = merged.get(rep);
      merged.set(rep, acc ? { before: plus(acc.before, sums.before), upTo: plus(acc.upTo, sums.upTo), within: plus(acc.within, sums.within) } : sums);
    }
    rows = [...merged].map(([id, sums]) => ({ key: String(id), name: latestName(h, id), ...sums }));
  } else {
    const key: SQL = by === 'procedure' ? sql`${procedures.code}` : by === 'field' ? sql`${procedures.field}` : sql`${procedures.level}`;
    const found = await db
      .select({ key: sql<string>`${key}`, name: sql<string>`min(${by === 'procedure' ? procedures.name : key})`, ...periodSums(from) })
      .from(dossierDaily)
      .innerJoin(procedures, eq(procedures.id, dossierDaily.procedureId))
      .where(and(inScope(scope), lte(dossierDaily.day, to)))
      .groupBy(key);
    rows = found.map((r) => {
      const sums = splitSums(r as unknown as Record<string, unknown>);
      return { key: r.key, name: r.name, ...sums, upTo: withoutPending(sums.upTo, pendingBy.get(r.key) ?? 0) };
    });
  }
  return rows
    .map(({ key, name, before, upTo, within }) => ({ key, name, ...composeReport(before, upTo, within) }))
    .filter((r) => r.carriedOver + r.received + r.resolved + r.refused + r.withdrawn + r.inProgress + r.notAccepted > 0)
    .sort((a, b) => (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) || b.resolved - a.resolved || a.name.localeCompare(b.name, 'vi'));
}

/** Month by month: received, resolved and rates, with what was open at each month's end. */
export async function monthlyTrend(db: Db, scope: Scope, from: IsoDate, to: IsoDate, at?: Date | null) {
  let running = await sumBefore(db, scope.unitIds, from);
  const byMonth = await sumsByMonth(db, scope.unitIds, from, to);
  const pending = (await notLateYet(db, scope.unitIds, to, at)).reduce((a, r) => a + Number(r.n), 0);
  const months = monthsBetween(from, to);
  // every month of the range, also the empty ones; the last one judged at `at` when it runs to today
  return months.map((m, i) => {
    const within = byMonth.get(m) ?? zeroCounters();
    const before = running;
    running = plus(before, within);
    return { month: m, ...composeReport(before, i === months.length - 1 ? withoutPending(running, pending) : running, within) };
  });
}

/**
 * Procedures of the scope's units (their agency), those offered online, and those of them that had online
 * dossiers in the window, in one statement: whole months from the monthly rows, the days at the edges (a
 * reporting window 15/12–14/3) from the daily ones — a row per procedure and month, whatever the number of
 * dossiers. The subqueries are not correlated (a semi-join PostgreSQL hashes or probes through the index on
 * procedure and month; Citus plans them as subqueries of the distributed tables).
 */
export async function onlineServices(db: Db, scope: Scope, from: IsoDate, to: IsoDate) {
  const p = procedures;
  const procScope = scope.unitIds ? inArray(p.agencyUnitId, scope.unitIds) : undefined;
  const { months, days } = splitIntoMonths(from, to);
  const m = dossierProcedureMonthly;
  const d = dossierDaily;
  const had: SQL[] = [];
  if (months)
    had.push(sql`${p.id} in (select ${m.procedureId} from ${m} where ${and(gte(m.month, months.from), lte(m.month, months.to), scope.unitIds ? inArray(m.unitId, scope.unitIds) : undefined, gt(m.receivedOnline, 0))})`);
  if (days.length)
    had.push(sql`${p.id} in (select ${d.procedureId} from ${d} where ${and(inScope(scope), or(...days.map((x) => and(gte(d.day, x.from), lte(d.day, x.to)))), gt(d.receivedOnline, 0))})`);
  const online = sql`${p.onlineLevel} <> 'none'`;
  const [r] = await db
    .select({
      total: count(),
      online: sql<number>`count(*) filter (where ${online})`,
      used: had.length ? sql<number>`count(*) filter (where ${online} and (${sql.join(had, sql` or `)}))` : sql<number>`0`,
    })
    .from(p)
    .where(procScope);
  return { total: Number(r.total), online: Number(r.online), onlineWithDossiers: Number(r.used) };
}

/** The index of [from, to] on a one-stop report being read (the overview reads it once for several tiles); the reads go at once. */
export async function index766Of(db: Db, scope: Scope, from: IsoDate, to: IsoDate, at: Date | null, report: OneStopReport | Promise<OneStopReport>) {
  const [r, procedures, extras] = await atOnce(db, [async () => report, () => onlineServices(db, scope, from, to), () => index766Extras(db, scope, from, to, at)]);
  return computeIndex766({ procedures, report: r, ...extras });
}

export async function index766(db: Db, scope: Scope, period: Period, now: Date) {
  const { from, to, at } = checkRange(period.from, period.to, now);
  const reading = oneStopReport(db, scope, from, to, at);
  const idx = await index766Of(db, scope, from, to, at, reading);
  const report = await reading;
  return { unit: scope.unit, period: period.key, from, to: period.to, judgedAt: to, ...idx, report };
}


/** Whether an open dossier is past its deadline at `now` (its late day and instant as stored). */
export function isLateAt(lateFrom: IsoDate | null, lateAt: Date | null, today: IsoDate, now: Date): boolean {
  if (!lateFrom || lateFrom > today) return false;
  return lateFrom < today || !lateAt || lateAt <= now;
}

/** The dossiers behind one figure of the report. */
export async function listDossiers(
  db: Db,
  scope: Scope,
  q: { from: IsoDate; to: IsoDate; at?: Date | null; category: Category; procedure?: string; field?: string; level?: string; limit: number; offset: number },
  now = new Date(),
) {
  const d = dossiers;
  // past the deadline at the end of `to`, or at `at` when the period runs to today
  const lateBy = (day: IsoDate, at: Date | null | undefined) => (at ? or(lt(d.lateFrom, day), and(eq(d.lateFrom, day), or(isNull(d.lateAt), lte(d.lateAt, at)))) : lte(d.lateFrom, day));
  const endedIn = and(gte(d.endedOn, q.from), lte(d.endedOn, q.to));
  const openAt = (day: IsoDate) => and(lte(d.receivedOn, day), or(isNull(d.endedOn), gt(d.endedOn, day)));
  const byCategory: Record<Category, SQL | undefined> = {
    received: and(gte(d.receivedOn, q.from), lte(d.receivedOn, q.to)),
    resolved: and(endedIn, inArray(d.result, ['early', 'on_time', 'late'])),
    early: and(endedIn, eq(d.result, 'early')),
    on_time: and(endedIn, eq(d.result, 'on_time')),
    late: and(endedIn, eq(d.result, 'late')),
    refused: and(endedIn, inArray(d.result, ['refused', 'refused_late'])),
    withdrawn: and(endedIn, eq(d.result, 'withdrawn')),
    not_accepted: and(endedIn, eq(d.result, 'not_accepted')),
    in_progress: openAt(q.to),
    in_progress_on_time: and(openAt(q.to), or(isNull(d.lateFrom), not(lateBy(q.to, q.at)!))),
    in_progress_late: and(openAt(q.to), lateBy(q.to, q.at)),
    carried_over: openAt(addDays(q.from, -1)),
  };
  const where = and(
    scope.unitIds ? inArray(d.unitId, scope.unitIds) : undefined,
    byCategory[q.category],
    q.procedure ? eq(procedures.code, q.procedure) : undefined,
    q.field ? eq(procedures.field, q.field) : undefined,
    q.level ? eq(procedures.level, q.level) : undefined,
  );
  const [{ total }] = await db.select({ total: count() }).from(d).innerJoin(procedures, eq(procedures.id, d.procedureId)).where(where);
  const rows = await db
    .select({ id: d.id, code: d.code, sourceSystem: d.sourceSystem, unitId: d.unitId, unitName: sql<string | null>`(select ${orgUnitNames.name} from ${orgUnitNames} where ${orgUnitNames.unitId} = ${d.unitId} order by ${orgUnitNames.validFrom} <= coalesce(${d.receivedOn}, current_date) desc, ${orgUnitNames.validFrom} desc limit 1)`, status: d.status, channel: d.channel, receivedAt: d.receivedAt, appointment: d.appointment, endAt: d.endAt, result: d.result, lateFrom: d.lateFrom, lateAt: d.lateAt, procedureCode: procedures.code, procedureName: procedures.name, field: procedures.field })
    .from(d)
    .innerJoin(procedures, eq(procedures.id, d.procedureId))
    .where(where)
    .orderBy(sql`${d.receivedAt} desc nulls last`, asc(d.id))
    .limit(q.limit)
    .offset(q.offset);
  const today = vietnamDateOf(now);
  const iso = (x: Date | null) => (x ? toVietnamIso(x) : null);
  return {
    total: Number(total),
    items: rows.map(({ lateAt, ...r }) => ({
      ...r,
      receivedAt: iso(r.receivedAt),
      appointment: iso(r.appointment),
      endAt: iso(r.endAt),
      // open dossiers: within or past the deadline now (as the detail judges them)
      state: r.result ?? (isLateAt(r.lateFrom, lateAt, today, now) ? 'in_progress_late' : r.receivedAt ? 'in_progress_on_time' : 'registered'),
    })),
  };
}
