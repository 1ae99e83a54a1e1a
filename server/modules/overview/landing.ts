/**
 * What the user lands on after login, by role: leaders, Sở Nội vụ (admin) and HĐND supervisors the overview;
 * a unit's officer or head what is theirs to do now (tasks to report this quarter, their report of the
 * period, their PAR self-assessment, feedback near its deadline), with counts, of their own unit only; an appraiser the units waiting for appraisal.
 */
import { and, count, eq, inArray, isNotNull, isNull, lte, gte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { cchcReports, parRounds, parRoundUnits, parScores } from '../../db/schema.js';
import { lineage } from '../../../domain/org/history.js';
import { vietnamDateOf } from '../../../domain/org/dates.js';
import { latestName } from '../../../domain/org/scope.js';
import { parseReportingPeriod, reportDueDate } from '../../../domain/periods/reporting.js';
import type { SessionUser } from '../auth/sessions.js';
import { loadHistory } from '../org/history.js';
import { unitTasks } from '../plans/queries.js';
import { followUpLists } from '../feedback/queries.js';

/** The report due now: the Ministry's period (Q1, 6M, Q3, year) whose window holds today, else the next one. */
export function currentReportPeriod(today: string): string {
  const y = Number(today.slice(0, 4));
  for (const key of [`${y}-Q1`, `${y}-6M`, `${y}-Q3`, `${y}`, `${y + 1}-Q1`]) {
    const p = parseReportingPeriod(key)!;
    // a report is written from the window's last month until its due date
    if (today <= reportDueDate(p)) return key;
  }
  return `${y + 1}-Q1`;
}

export async function landing(db: Db, user: SessionUser, now: Date) {
  const today = vietnamDateOf(now);
  if (user.role === 'leader' || user.role === 'admin' || user.role === 'supervisor') return { kind: 'overview' as const, path: '/overview' };
  const h = await loadHistory(db);
  if (user.role === 'appraiser') {
    const waiting = await db
      .select({ roundId: parRounds.id, roundName: parRounds.name, unitId: parRoundUnits.unitId, appraisalTo: parRounds.appraisalTo, open: sql<number>`count(${parScores.id}) filter (where ${parScores.appraisal} is null or ${parScores.appraisal} = 'answered')` })
      .from(parRoundUnits)
      .innerJoin(parRounds, eq(parRounds.id, parRoundUnits.roundId))
      .leftJoin(parScores, eq(parScores.roundUnitId, parRoundUnits.id))
      .where(and(eq(parRounds.status, 'open'), isNotNull(parRoundUnits.submittedAt), ne(parRoundUnits.unitId, user.unitId), or(eq(parRoundUnits.appraiserId, user.id), isNull(parRoundUnits.appraiserId)), lte(parRounds.appraisalFrom, today), gte(parRounds.appraisalTo, today)))
      .groupBy(parRounds.id, parRounds.name, parRoundUnits.unitId, parRounds.appraisalTo);
    const items = waiting.map((w) => ({ ...w, open: Number(w.open), unitName: latestName(h, w.unitId), path: `/par/rounds/${w.roundId}/units/${w.unitId}` })).filter((w) => w.open > 0);
    return { kind: 'appraiser' as const, appraisal: { units: items.length, items: items.reduce((a, w) => a + w.open, 0), list: items } };
  }
  // a unit's officer or head: their own unit only (and the units it came from, for its tasks)
  const unitId = user.unitId;
  const ids = [unitId, ...lineage(h, unitId).cameFrom.map((s) => s.unitId)];
  const tasks = await unitTasks(db, ids, today);
  const toReport = tasks.filter((t) => t.toReport);
  const period = currentReportPeriod(today);
  const [report] = await db.select({ state: cchcReports.state, submittedAt: cchcReports.submittedAt }).from(cchcReports).where(and(eq(cchcReports.unitId, unitId), eq(cchcReports.period, period)));
  const rounds = await db
    .select({ roundId: parRounds.id, name: parRounds.name, selfTo: parRounds.selfTo, submittedAt: parRoundUnits.submittedAt, roundUnitId: parRoundUnits.id })
    .from(parRoundUnits)
    .innerJoin(parRounds, eq(parRounds.id, parRoundUnits.roundId))
    .where(and(eq(parRoundUnits.unitId, unitId), eq(parRounds.status, 'open')));
  const scored = rounds.length
    ? await db.select({ id: parScores.roundUnitId, n: count() }).from(parScores).where(and(inArray(parScores.roundUnitId, rounds.map((r) => r.roundUnitId)), isNotNull(parScores.selfScore))).groupBy(parScores.roundUnitId)
    : [];
  const p = parseReportingPeriod(period)!;
  const fu = await followUpLists(db, user, now);
  return {
    kind: 'unit' as const,
    unit: { id: unitId, name: latestName(h, unitId) },
    today,
    tasks: {
      toReport: toReport.length,
      overdue: tasks.filter((t) => t.overdue).length,
      period: toReport[0]?.period ?? null,
      list: toReport.slice(0, 10).map((t) => ({ taskId: t.taskId, planId: t.planId, number: t.number, text: t.text, due: t.due, reportState: t.reportState, path: `/plans/${t.planId}/tasks/${t.taskId}` })),
      path: '/my',
    },
    report: { period, due: reportDueDate(p), window: { from: p.from, to: p.to }, state: report?.state ?? null, submittedAt: report?.submittedAt ?? null, path: `/reports/${period}/units/${unitId}` },
    selfAssessment: rounds.map((r) => ({ roundId: r.roundId, name: r.name, selfTo: r.selfTo, submitted: r.submittedAt !== null, scored: Number(scored.find((s) => s.id === r.roundUnitId)?.n ?? 0), path: `/par/rounds/${r.roundId}/units/${unitId}` })),
    // the unit's open feedback items past or within three working days of their step's deadline, and those waiting for the citizen
    feedback: { count: fu.overdue.length + fu.due1.length + fu.due3.length, overdue: fu.overdue.length, due1: fu.due1.length, due3: fu.due3.length, waiting: fu.waiting.length, path: '/feedback' },
  };
}
