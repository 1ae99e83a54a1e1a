/**
 * The daily counters of feedback (table feedback_daily), written at each change of an item in the same
 * transaction: the item's old contribution taken away and its new one added in one set-based upsert.
 * Figures of any unit and period read these rows, never the items (apart from the few open items whose
 * deadline falls later on the current day, judged at the instant).
 */
import { and, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { feedbackDaily, feedbackItems } from '../../db/schema.js';
import type { Contribution } from '../../../domain/feedback/process.js';
import { localDay, onTimeRate } from '../../../domain/feedback/process.js';

type Delta = { unitId: number; day: string; channel: string; field: string; received: number; onTime: number; late: number; lateStart: number; lateEnd: number };

/** Adds `next` and takes away `prev` (contributions of one or more items). */
export async function applyContributions(tx: Tx | Db, prev: Contribution[], next: Contribution[]) {
  const rows = new Map<string, Delta>();
  const add = (c: Contribution, n: number) => {
    const key = `${c.unitId}|${c.day}|${c.channel}|${c.field}`;
    const r = rows.get(key) ?? { unitId: c.unitId, day: c.day, channel: c.channel, field: c.field, received: 0, onTime: 0, late: 0, lateStart: 0, lateEnd: 0 };
    r[c.counter] += n;
    rows.set(key, r);
  };
  for (const c of prev) add(c, -1);
  for (const c of next) add(c, 1);
  const values = [...rows.values()].filter((r) => r.received || r.onTime || r.late || r.lateStart || r.lateEnd);
  if (values.length === 0) return;
  const inc = (c: string) => sql.raw(`feedback_daily.${c} + excluded.${c}`);
  for (let i = 0; i < values.length; i += 500) {
    await tx
      .insert(feedbackDaily)
      .values(values.slice(i, i + 500))
      .onConflictDoUpdate({
        target: [feedbackDaily.unitId, feedbackDaily.day, feedbackDaily.channel, feedbackDaily.field],
        set: { received: inc('received'), onTime: inc('on_time'), late: inc('late'), lateStart: inc('late_start'), lateEnd: inc('late_end') },
      });
  }
}

export interface Figures {
  received: number;
  onTime: number;
  late: number;
  openOnTime: number;
  openLate: number;
  /** on time ÷ (on time + late + open past the deadline); null when there is nothing to judge */
  onTimeRate: number | null;
}

/**
 * Figures of the period [from, to] (local days) for the units (all when null; 0 is the desk): received and
 * closed within it; open ones at the end of `to`, or at `now` when the period has not ended.
 */
export async function figuresOf(db: Db | Tx, unitIds: number[] | null, from: string, to: string, now = new Date()): Promise<Figures> {
  const today = localDay(now);
  const end = to > today ? today : to;
  const f = feedbackDaily;
  const units = unitIds ? inArray(f.unitId, unitIds) : undefined;
  const n = (x: unknown) => Number(x ?? 0);
  const [row] = await db
    .select({
      received: sql<string>`coalesce(sum(${f.received}) filter (where ${f.day} >= ${from} and ${f.day} <= ${to}), 0)`,
      onTime: sql<string>`coalesce(sum(${f.onTime}) filter (where ${f.day} >= ${from} and ${f.day} <= ${to}), 0)`,
      late: sql<string>`coalesce(sum(${f.late}) filter (where ${f.day} >= ${from} and ${f.day} <= ${to}), 0)`,
      receivedUpTo: sql<string>`coalesce(sum(${f.received}) filter (where ${f.day} <= ${end}), 0)`,
      closedUpTo: sql<string>`coalesce(sum(${f.onTime} + ${f.late}) filter (where ${f.day} <= ${end}), 0)`,
      lateUpTo: sql<string>`coalesce(sum(${f.lateStart} - ${f.lateEnd}) filter (where ${f.day} <= ${end}), 0)`,
    })
    .from(f)
    .where(units);
  let openLate = n(row?.lateUpTo);
  if (end === today) {
    // open items whose deadline falls later today are not late yet
    const i = feedbackItems;
    const [p] = await db
      .select({ n: sql<string>`count(*)` })
      .from(i)
      .where(and(unitIds ? inArray(sql`coalesce(${i.unitId}, 0)`, unitIds) : undefined, isNull(i.closedAt), gt(i.lateAt, now), lte(i.lateAt, new Date(`${today}T23:59:59.999+07:00`))));
    openLate -= n(p?.n);
  }
  const open = n(row?.receivedUpTo) - n(row?.closedUpTo);
  const out = { received: n(row?.received), onTime: n(row?.onTime), late: n(row?.late), openOnTime: open - openLate, openLate };
  return { ...out, onTimeRate: onTimeRate(out) };
}

/** Received in the period by channel, by field and by unit. */
export async function receivedBy(db: Db, unitIds: number[] | null, from: string, to: string) {
  const f = feedbackDaily;
  const where = and(unitIds ? inArray(f.unitId, unitIds) : undefined, sql`${f.day} >= ${from} and ${f.day} <= ${to}`);
  const by = async (col: typeof f.channel | typeof f.field | typeof f.unitId) =>
    (await db.select({ key: col, n: sql<string>`sum(${f.received})` }).from(f).where(where).groupBy(col)).map((r) => ({ key: r.key, n: Number(r.n) })).filter((r) => r.n > 0);
  return { byChannel: await by(f.channel), byField: await by(f.field), byUnit: await by(f.unitId) };
}

/** The counters rebuilt from the items' stored contributions (recovery; and the replay check of the tests). */
export async function rebuildFeedbackCounters(tx: Tx | Db) {
  await tx.execute(sql`delete from feedback_daily`);
  const items = await tx.select({ counted: feedbackItems.counted }).from(feedbackItems);
  await applyContributions(tx, [], items.flatMap((i) => i.counted as Contribution[]));
}
