/**
 * One unit's assessment of one item, from the unit's score to the appraiser's decision.
 *
 * - The unit scores each item under its rule; a computed item is scored from the system's data, and when the
 *   system holds no data for the unit and year the unit scores it by hand (within [0, max]) like a manual item.
 * - The appraiser accepts the unit's score or adjusts it (same rule, with a reason), or returns the item to the
 *   unit for explanation — once per item. The unit answers (it may change the score, explanation, evidence);
 *   then the appraiser accepts or adjusts.
 */
import { DomainError } from '../errors.js';
import type { CriteriaNode } from './criteriaSet.js';
import { type ItemInput, scoreItem, type ScoringRule } from './scoring.js';

/** Figures a computed item was scored from; `percent` null means the system has no data for it. */
export interface ItemData {
  percent: number | null;
  numerator: number;
  denominator: number;
}

export type AppraisalState = 'returned' | 'answered' | 'accepted' | 'adjusted';

/** The rule the unit (or the appraiser) scores under: a computed item without data becomes manual. */
export function effectiveRule(rule: ScoringRule, data: ItemData | null): ScoringRule {
  return rule.kind === 'computed' && data?.percent == null ? { kind: 'manual' } : rule;
}

/** Whether the unit types the score itself (everything but a computed item with data). */
export function scoredByUnit(rule: ScoringRule, data: ItemData | null): boolean {
  return effectiveRule(rule, data).kind !== 'computed';
}

/** The points of an item: typed by the unit under its rule, or from the data for a computed item. */
export function itemPoints(item: Pick<CriteriaNode, 'max' | 'rule'>, input: ItemInput | null, data: ItemData | null): number | null {
  const rule = effectiveRule(item.rule!, data);
  if (rule.kind === 'computed') return scoreItem(rule, item.max, { percent: data!.percent! });
  return input === null ? null : scoreItem(rule, item.max, input);
}

export type AppraisalAction = 'accept' | 'adjust' | 'return' | 'answer';

/** The item's next appraisal state; the error names what is wrong. */
export function nextAppraisal(current: AppraisalState | null, action: AppraisalAction, returnedBefore: boolean): AppraisalState {
  switch (action) {
    case 'accept':
    case 'adjust':
      if (current === 'returned') throw new DomainError('AWAITING_UNIT', 'The item is with the unit for explanation', {});
      return action === 'accept' ? 'accepted' : 'adjusted';
    case 'return':
      if (returnedBefore) throw new DomainError('RETURNED_ONCE', 'An item may be returned to the unit once', {});
      return 'returned';
    case 'answer':
      if (current !== 'returned') throw new DomainError('NOT_RETURNED', 'Only an item returned for explanation can be answered', {});
      return 'answered';
  }
}

/** The score that counts for an item: the appraiser's when appraised, else the unit's. */
export function finalScore(s: { selfScore: number | null; appraisedScore: number | null; appraisal: AppraisalState | null }): number | null {
  return s.appraisal === 'accepted' || s.appraisal === 'adjusted' ? s.appraisedScore : s.selfScore;
}
