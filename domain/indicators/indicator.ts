/**
 * Indicators (chỉ số, chỉ tiêu): a figure per unit and window, computed by the system or entered by units,
 * and how a parent's figure is made from its units' — a sum, or a ratio of sums (never an average of
 * percentages unless the indicator says so). Targets compare a figure with a threshold.
 */
import { ratePercent } from '../numbers/rate.js';
import type { Comparator } from '../plans/targets.js';

export type { Comparator };

/** sum: Σ values; ratio: Σ numerators ÷ Σ denominators (in %); average: the mean of the units' values. */
export type Aggregation = 'sum' | 'ratio' | 'average';

export interface IndicatorValue {
  /** null: no data for that unit and window */
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A value from a numerator and denominator (percent, two decimals, half up; null over nothing). */
export function ratioValue(numerator: number, denominator: number): IndicatorValue {
  return { value: ratePercent(numerator, denominator), numerator, denominator };
}

/** The parent's value from its units' values; units without data are left out (no data from none). */
export function combine(aggregation: Aggregation, parts: IndicatorValue[]): IndicatorValue {
  if (aggregation === 'ratio') {
    const withData = parts.filter((p) => p.numerator != null && p.denominator != null);
    if (withData.length === 0) return { value: null, numerator: null, denominator: null };
    const n = withData.reduce((a, p) => a + p.numerator!, 0);
    const d = withData.reduce((a, p) => a + p.denominator!, 0);
    return ratioValue(n, d);
  }
  const values = parts.map((p) => p.value).filter((v): v is number => v !== null && v !== undefined);
  if (values.length === 0) return { value: null };
  const sum = values.reduce((a, b) => a + b, 0);
  return { value: aggregation === 'sum' ? round2(sum) : round2(sum / values.length) };
}

export interface Target {
  comparator: Comparator;
  value: number;
}

export type TargetState = 'met' | 'not_met' | 'no_data';

export function targetState(t: Target, actual: number | null | undefined): TargetState {
  if (actual === null || actual === undefined) return 'no_data';
  const ok = { '>': actual > t.value, '>=': actual >= t.value, '<': actual < t.value, '<=': actual <= t.value, '=': actual === t.value }[t.comparator];
  return ok ? 'met' : 'not_met';
}

/** "≥ 85 %", "> 45 %" */
export function targetText(t: Target, unit = '%'): string {
  const sym = { '>': '>', '>=': '≥', '<': '<', '<=': '≤', '=': '=' }[t.comparator];
  return `${sym} ${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(t.value)}${unit ? ` ${unit}` : ''}`;
}

/** Unit levels a target may be set for (the plan says e.g. 86 / 70 / 60 % at province / district / commune). */
export const TARGET_LEVELS = ['province', 'department', 'district', 'commune'] as const;
export type TargetLevel = (typeof TARGET_LEVELS)[number];
