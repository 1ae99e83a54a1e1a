/**
 * Scoring rules of a PAR-index criteria set (REFERENCE.md §5): each leaf item has a maximum and a rule.
 *
 * - manual: a score within [0, max] typed by the unit, adjusted by the appraiser;
 * - yes / no: max or 0;
 * - tiers on a percentage: the first tier whose threshold the value reaches (≥, edges included) gives its
 *   share of the maximum, e.g. ≥ 98 % → full, ≥ 90 % → half, else 0;
 * - deduction: the maximum less so many points per shortcoming, never below zero;
 * - computed: a percentage taken from the system's own data (plan tasks done on time, dossiers on time,
 *   dossiers online…) and turned into points by tiers, or pro rata when no tiers are given.
 *
 * Points are kept in hundredths (two decimals), rounded half up.
 */
import { DomainError } from '../errors.js';

export interface Tier {
  /** percentage the value must reach (inclusive) */
  atLeast: number;
  /** share of the maximum, 0–1 */
  share: number;
}

export const DATA_SOURCES = ['plan_tasks_on_time', 'dossiers_on_time', 'dossiers_online', 'feedback_on_time', 'satisfaction_index'] as const;
export type DataSource = (typeof DATA_SOURCES)[number];

export type ScoringRule =
  | { kind: 'manual' }
  | { kind: 'yes_no' }
  | { kind: 'tiers'; tiers: Tier[] }
  | { kind: 'deduction'; perItem: number }
  | { kind: 'computed'; source: DataSource; tiers?: Tier[] };

/** What the unit (or the system) gives for an item under each rule. */
export type ItemInput = { value: number } | { yes: boolean } | { percent: number } | { count: number };

export const round2 = (x: number) => Math.round((x + Number.EPSILON * Math.sign(x)) * 100) / 100;

function tierShare(tiers: Tier[], percent: number): number {
  const sorted = [...tiers].sort((a, b) => b.atLeast - a.atLeast);
  return sorted.find((t) => percent >= t.atLeast)?.share ?? 0;
}

export function checkRule(rule: ScoringRule, max: number): void {
  if (!(max >= 0) || !Number.isFinite(max)) throw new DomainError('INVALID_MAX', 'The maximum must be a number ≥ 0', { max });
  const tiers = rule.kind === 'tiers' ? rule.tiers : rule.kind === 'computed' ? rule.tiers : undefined;
  if (rule.kind === 'tiers' && (!tiers || tiers.length === 0)) throw new DomainError('INVALID_RULE', 'Tiers are needed', {});
  for (const t of tiers ?? []) {
    if (!(t.share >= 0 && t.share <= 1) || !(t.atLeast >= 0 && t.atLeast <= 100)) throw new DomainError('INVALID_RULE', 'A tier is a threshold 0–100 % and a share 0–1', { tier: t });
  }
  if (rule.kind === 'deduction' && !(rule.perItem > 0)) throw new DomainError('INVALID_RULE', 'A deduction per shortcoming must be > 0', {});
}

/** The points an item earns; a value the rule cannot take is an error, never silently clamped. */
export function scoreItem(rule: ScoringRule, max: number, input: ItemInput): number {
  switch (rule.kind) {
    case 'manual': {
      if (!('value' in input) || !Number.isFinite(input.value)) throw new DomainError('INVALID_SCORE', 'A score is needed', {});
      if (input.value < 0 || input.value > max) throw new DomainError('SCORE_OUT_OF_RANGE', 'The score must be within 0 and the maximum', { max, value: input.value });
      if (round2(input.value) !== input.value) throw new DomainError('INVALID_SCORE', 'Scores have at most two decimals', { value: input.value });
      return input.value;
    }
    case 'yes_no':
      if (!('yes' in input)) throw new DomainError('INVALID_SCORE', 'Yes or no is needed', {});
      return input.yes ? max : 0;
    case 'tiers':
    case 'computed': {
      if (!('percent' in input) || !Number.isFinite(input.percent) || input.percent < 0 || input.percent > 100) throw new DomainError('INVALID_PERCENT', 'A percentage 0–100 is needed', {});
      if (rule.kind === 'computed' && !rule.tiers?.length) return round2((max * input.percent) / 100);
      return round2(max * tierShare(rule.tiers!, input.percent));
    }
    case 'deduction': {
      if (!('count' in input) || !Number.isInteger(input.count) || input.count < 0) throw new DomainError('INVALID_COUNT', 'A whole number of shortcomings ≥ 0 is needed', {});
      return round2(Math.max(0, max - rule.perItem * input.count));
    }
  }
}

/** Survey points scaled to the set's survey share: raw ÷ raw maximum × share. */
export function scaleSurvey(raw: number, rawMax: number, share: number): number {
  if (!(rawMax > 0)) throw new DomainError('INVALID_SURVEY', 'The survey maximum must be > 0', {});
  if (!(raw >= 0 && raw <= rawMax)) throw new DomainError('SURVEY_OUT_OF_RANGE', 'Survey points must be within 0 and their maximum', { raw, rawMax });
  return round2((raw / rawMax) * share);
}
