/**
 * Benchmark of a PAR round's results at province scale (issue 15, item 3).
 *
 *   npm run bench:par -- --engine pglite|postgres --units 3321 --items 120
 *
 * The organisation (the real bootstrap without demo data) gets `units` communes and departments; one criteria
 * set per type with `items` items; a round for this year and one for last year, both with every unit
 * submitted and every item scored and appraised, written in the database in the stored shape. Then the
 * results as the screens read them are timed: open round (computed from the scores, last year's through
 * stored results), the round after approval (its stored results), the public ranking, and the domain
 * functions alone on the same scores for reference. Prints a JSON line per figure.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { bootstrap } from '../server/seed/bootstrap.js';
import { touchHistory } from '../server/modules/org/history.js';
import { publicRanking, roundResults, storeResults } from '../server/modules/par/results.js';
import type { CriteriaNode } from '../domain/par/criteriaSet.js';
import { rankWithinType, unitTotals } from '../domain/par/results.js';
import { arg, log, openBenchDatabase, rows } from './setup.js';

const engine = arg('engine', 'pglite');
const UNITS = Number(arg('units', '3321'));
const ITEMS = Number(arg('items', '120'));
const runs = Number(arg('runs', '7'));

/** 8 areas, `items` manual items under them, 1 point each... scaled so that the items sum to 70. */
function areas(items: number): CriteriaNode[] {
  const perArea = Math.ceil(items / 8);
  const out: CriteriaNode[] = [];
  let left = items;
  for (let a = 1; a <= 8 && left > 0; a++) {
    const n = Math.min(perArea, left);
    left -= n;
    out.push({ code: String(a), name: `Lĩnh vực ${a}`, max: n, children: Array.from({ length: n }, (_, i) => ({ code: `${a}.${i + 1}`, name: `Tiêu chí ${a}.${i + 1}`, max: 1, rule: { kind: 'manual' as const } })) });
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(name: string, f: () => Promise<unknown> | unknown) {
  await f();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    ms.push(performance.now() - t0);
  }
  const line = { figure: name, p50_ms: Math.round(median(ms)), max_ms: Math.round(Math.max(...ms)) };
  log(JSON.stringify(line));
  return line;
}

async function main() {
  log(`engine ${engine}, ${UNITS} units × ${ITEMS} items, two rounds`);
  const { database, cleanup } = await openBenchDatabase(engine, 'cchc_bench_par');
  const db = database.db;
  await bootstrap(db, { demoData: false, adminPassword: 'Bench12345' });
  const [{ id: root }] = await rows<{ id: number }>(db, sql`select id from org_units order by id limit 1`);
  await db.execute(sql`insert into org_units (code, type, valid_from) select 'P' || g, case when g <= 21 then 'department' else 'commune' end, '2015-01-01' from generate_series(1, ${UNITS}) g`);
  await db.execute(sql`insert into org_unit_names (unit_id, name, valid_from) select id, 'Đơn vị thử ' || code, '2015-01-01' from org_units where code like 'P%'`);
  await db.execute(sql`insert into org_unit_parents (unit_id, parent_id, valid_from) select id, ${root}, '2015-01-01' from org_units where code like 'P%'`);
  await db.transaction((tx) => touchHistory(tx));
  const tree = JSON.stringify(areas(ITEMS));
  for (const year of [2025, 2026]) {
    for (const type of ['department', 'commune']) {
      await db.execute(sql`insert into par_criteria_sets (year, unit_type, version, name, survey_share, areas, source) values (${year}, ${type}, 1, ${`Bộ thử ${year} ${type}`}, 30, ${tree}::jsonb, 'bench')`);
    }
    const [{ id: roundId }] = await rows<{ id: number }>(
      db,
      sql`insert into par_rounds (year, name, self_from, self_to, appraisal_from, appraisal_to, groups, status)
          values (${year}, ${`Đợt thử ${year}`}, ${`${year + 1}-01-05`}, ${`${year + 1}-02-15`}, ${`${year + 1}-02-16`}, ${`${year + 1}-03-31`}, '[{"code":"A","min":90},{"code":"B","min":80}]'::jsonb, 'open') returning id`,
    );
    await db.execute(sql`insert into par_round_units (round_id, unit_id, set_id, submitted_at, survey_score)
      select ${roundId}, u.id, s.id, now(), (u.id % 30)::numeric from org_units u join par_criteria_sets s on s.year = ${year} and s.unit_type = u.type where u.code like 'P%'`);
    await db.execute(sql`insert into par_scores (round_unit_id, item_code, self_score, appraisal, appraised_score)
      select ru.id, leaf->>'code', case when (ru.id + i) % 7 = 0 then 0.5 else 1 end, case when (ru.id + i) % 11 = 0 then 'adjusted' else 'accepted' end, case when (ru.id + i) % 11 = 0 then 0.25 when (ru.id + i) % 7 = 0 then 0.5 else 1 end
      from par_round_units ru join par_criteria_sets s on s.id = ru.set_id,
           lateral jsonb_array_elements(s.areas) area, lateral jsonb_array_elements(area->'children') with ordinality as c(leaf, i)
      where ru.round_id = ${roundId}`);
    if (year === 2025) {
      await storeResults(db, roundId);
      await db.execute(sql`update par_rounds set status = 'approved', approved_at = now() where id = ${roundId}`);
    }
  }
  const [{ id: open2026 }] = await rows<{ id: number }>(db, sql`select id from par_rounds where year = 2026`);
  const [{ n }] = await rows<{ n: number }>(db, sql`select count(*)::int as n from par_scores`);
  log(`${n.toLocaleString('en')} scores written`);

  const results: Record<string, unknown>[] = [];
  results.push(await time('open round: results with last year (computed)', () => roundResults(db, open2026)));
  // the domain functions alone, on scores already in memory
  const scoreRows = await rows<{ ru: number; code: string; s: string; a: string; st: string }>(db, sql`select round_unit_id as ru, item_code as code, self_score as s, appraised_score as a, appraisal as st from par_scores ps join par_round_units ru on ru.id = ps.round_unit_id where ru.round_id = ${open2026}`);
  const set = { areas: JSON.parse(tree) as CriteriaNode[], surveyShare: 30 };
  results.push(
    await time('domain only: totals and ranks', () => {
      const by = new Map<number, typeof scoreRows>();
      for (const r of scoreRows) (by.get(r.ru) ?? by.set(r.ru, []).get(r.ru)!).push(r);
      const rowsOut = [...by].map(([ru, xs]) => ({ unitId: ru, unitType: ru % 2 ? 'commune' : 'department', ...unitTotals(set, xs.map((x) => ({ itemCode: x.code, selfScore: Number(x.s), appraisedScore: Number(x.a), appraisal: x.st as 'accepted' })), 10) }));
      return rankWithinType(rowsOut.map((r) => ({ ...r, index: r.index })));
    }),
  );
  await storeResults(db, open2026);
  await db.execute(sql`update par_rounds set status = 'published', approved_at = now(), published_at = now() where id = ${open2026}`);
  results.push(await time('approved round: stored results', () => roundResults(db, open2026)));
  results.push(await time('public ranking (stored)', () => publicRanking(db, open2026)));
  console.log(JSON.stringify({ engine, units: UNITS, items: ITEMS, scores: n, results }));
  await database.close();
  cleanup();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
