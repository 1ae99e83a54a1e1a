/** The PAR part of the periodic report: the unit's (or the province's mean) index in the latest published round. */
import { and, desc, eq, lte } from 'drizzle-orm';
import { parRounds } from '../../db/schema.js';
import { combine } from '../../../domain/indicators/indicator.js';
import { parLines } from '../../../domain/reports/sentences.js';
import { registerReportBlock } from '../reports/blocks.js';
import { roundResults } from './results.js';

registerReportBlock({
  key: 'par',
  title: 'Chỉ số CCHC',
  async compute({ db, scope, w }) {
    const [r] = await db
      .select({ id: parRounds.id, year: parRounds.year })
      .from(parRounds)
      .where(and(eq(parRounds.status, 'published'), lte(parRounds.publishedAt, new Date(`${w.to}T23:59:59.999+07:00`))))
      .orderBy(desc(parRounds.publishedAt))
      .limit(1);
    if (!r) return { figures: { year: null, index: null, rank: null, of: null }, lines: parLines(null).map((text) => ({ text })) };
    const results = await roundResults(db, r.id);
    const mine = scope.unit ? results.units.find((u) => u.unitId === scope.unit!.id) : undefined;
    const of = mine ? results.units.filter((u) => u.unitType === mine.unitType).length : null;
    const within = scope.unitIds ? results.units.filter((u) => scope.unitIds!.includes(u.unitId)) : results.units;
    const index = mine ? mine.index : combine('average', within.map((u) => ({ value: u.index }))).value;
    const p = { year: r.year, index, rank: mine?.rank ?? null, of };
    return { figures: p, lines: parLines(p).map((text) => ({ text, link: `/par/rounds/${r.id}/results` })) };
  },
});
