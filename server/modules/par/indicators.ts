/** The PAR index as an indicator: each unit's index in the latest round published by the window's end. */
import { and, desc, eq, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { parRounds } from '../../db/schema.js';
import { combine } from '../../../domain/indicators/indicator.js';
import { registerIndicator, type Window } from '../indicators/registry.js';
import { roundResults } from './results.js';

export async function latestPublished(db: Db, w: Window) {
  const [r] = await db
    .select({ id: parRounds.id })
    .from(parRounds)
    .where(and(eq(parRounds.status, 'published'), lte(parRounds.publishedAt, new Date(`${w.to}T23:59:59.999+07:00`))))
    .orderBy(desc(parRounds.publishedAt))
    .limit(1);
  return r ? roundResults(db, r.id) : null;
}

registerIndicator({
  code: 'par.index',
  name: 'Chỉ số CCHC',
  nameEn: 'PAR index',
  measure: '%',
  aggregation: 'average',
  unitTypes: ['department', 'commune', 'district'],
  source: 'computed',
  module: 'par',
  description: 'Chỉ số CCHC của đơn vị trong đợt đánh giá công bố gần nhất trước cuối kỳ; của tỉnh: trung bình chỉ số của các đơn vị được đánh giá.',
  compute: async (db, scope, w) => {
    const results = await latestPublished(db, w);
    if (!results) return { value: null };
    const link = `/par/rounds/${results.round.id}/results`;
    if (!scope.unit) return { ...combine('average', results.units.map((u) => ({ value: u.index }))), link };
    const mine = results.units.find((u) => u.unitId === scope.unit!.id);
    if (mine) return { value: mine.index, link };
    // a province (or any parent): the mean over the units of the round within its scope
    const within = results.units.filter((u) => scope.unitIds!.includes(u.unitId));
    return { ...combine('average', within.map((u) => ({ value: u.index }))), link };
  },
  computeEach: async (db, unitIds, _scopeOf, w) => {
    const results = await latestPublished(db, w);
    const out = new Map<number, { value: number | null; link?: string }>();
    for (const id of unitIds) out.set(id, { value: results?.units.find((u) => u.unitId === id)?.index ?? null, link: results ? `/par/rounds/${results.round.id}/results` : undefined });
    return out;
  },
});
