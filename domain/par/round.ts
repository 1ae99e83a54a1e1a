/**
 * A PAR round: the year, the criteria sets, the units in scope, and two windows — self-assessment, then
 * appraisal. Outside its window a unit's self-assessment is locked; once the head submits it is locked too;
 * the administrator may reopen one unit until a date (recorded in the audit trail).
 */
import type { IsoDate } from '../org/dates.js';
import { DomainError } from '../errors.js';
import { type CriteriaNode, leaves } from './criteriaSet.js';

export interface RoundWindows {
  selfFrom: IsoDate;
  selfTo: IsoDate;
  appraisalFrom: IsoDate;
  appraisalTo: IsoDate;
}

export function checkWindows(w: RoundWindows): void {
  if (w.selfFrom > w.selfTo) throw new DomainError('INVALID_WINDOW', 'The self-assessment window ends before it starts', {});
  if (w.appraisalFrom > w.appraisalTo) throw new DomainError('INVALID_WINDOW', 'The appraisal window ends before it starts', {});
  if (w.appraisalFrom < w.selfFrom) throw new DomainError('INVALID_WINDOW', 'Appraisal cannot start before self-assessment', {});
}

export interface UnitRoundState {
  submitted: boolean;
  /** reopened by the administrator until this day (inclusive) */
  reopenedUntil: IsoDate | null;
}

/** Whether the unit may still change its self-assessment on `today`. */
export function selfAssessmentOpen(w: RoundWindows, u: UnitRoundState, today: IsoDate): boolean {
  if (u.reopenedUntil && today <= u.reopenedUntil) return true;
  return !u.submitted && today >= w.selfFrom && today <= w.selfTo;
}

export function appraisalOpen(w: RoundWindows, today: IsoDate): boolean {
  return today >= w.appraisalFrom && today <= w.appraisalTo;
}

export interface SelfScore {
  itemCode: string;
  score: number | null;
  evidenceCount: number;
  explanation: string | null;
}

export interface SubmissionProblem {
  itemCode: string;
  problem: 'NOT_SCORED' | 'NO_EVIDENCE';
}

/**
 * What stops a submission: items not scored, and items that require evidence with neither evidence nor a
 * written explanation. Computed items are scored by the system and need nothing from the unit, unless the
 * system has no data for them (`noData`): then the unit scores them like manual items.
 */
export function submissionProblems(areas: CriteriaNode[], scores: SelfScore[], noData: ReadonlySet<string> = new Set()): SubmissionProblem[] {
  const byCode = new Map(scores.map((s) => [s.itemCode, s]));
  const out: SubmissionProblem[] = [];
  for (const item of leaves({ areas })) {
    if (item.rule?.kind === 'computed' && !noData.has(item.code)) continue;
    const s = byCode.get(item.code);
    if (!s || s.score === null) out.push({ itemCode: item.code, problem: 'NOT_SCORED' });
    else if (item.evidenceRequired && s.evidenceCount === 0 && !s.explanation?.trim()) out.push({ itemCode: item.code, problem: 'NO_EVIDENCE' });
  }
  return out;
}

/** Share of the unit's items scored (computed items count as scored), for its progress bar; percent. */
export function selfProgress(areas: CriteriaNode[], scores: { itemCode: string; score: number | null }[], noData: ReadonlySet<string> = new Set()): { scored: number; total: number } {
  const items = leaves({ areas });
  const scored = new Set(scores.filter((s) => s.score !== null).map((s) => s.itemCode));
  return { scored: items.filter((i) => (i.rule?.kind === 'computed' && !noData.has(i.code)) || scored.has(i.code)).length, total: items.length };
}
