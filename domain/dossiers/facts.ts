/**
 * The Decision 766 facts of a dossier as the one-stop system reports them (REFERENCE.md §8, groups 1, 3.4, 4):
 * synced to the national portal, financial obligation paid online, result issued electronically, components
 * digitised, digital data re-used. Each is true, false or null (not reported: "no data", never false), and
 * counts per unit and month: synced, payment, digitised and re-used in the month of receipt; the electronic
 * result in the month the dossier was resolved. As the daily counters, a dossier's counted contribution is
 * taken away and its new one added when anything changes.
 */
import type { IsoDate } from '../org/dates.js';
import type { Result } from './summary.js';

export interface DossierFacts {
  syncedToPortal: boolean | null;
  paidOnline: boolean | null;
  electronicResult: boolean | null;
  digitised: boolean | null;
  reusedData: boolean | null;
}

export const NO_FACTS: DossierFacts = { syncedToPortal: null, paidOnline: null, electronicResult: null, digitised: null, reusedData: null };

export const FACT_COUNTERS = ['synced', 'syncReported', 'paidOnline', 'paymentReported', 'electronicResult', 'electronicResultReported', 'digitised', 'digitisedReported', 'reused', 'reusedReported'] as const;
export type FactCounter = (typeof FACT_COUNTERS)[number];
export type FactCounters = Record<FactCounter, number>;
export const zeroFacts = (): FactCounters => Object.fromEntries(FACT_COUNTERS.map((c) => [c, 0])) as FactCounters;

export const monthOf = (day: IsoDate) => `${day.slice(0, 7)}-01`;

export interface FactsPlace {
  receivedOn: IsoDate | null;
  endedOn: IsoDate | null;
  result: Result | null;
}

/** What one dossier adds to the monthly fact counters. */
export function factsContribution(f: DossierFacts, at: FactsPlace): Map<string, Partial<FactCounters>> {
  const out = new Map<string, Partial<FactCounters>>();
  const add = (day: IsoDate | null, c: FactCounter, v: number) => {
    if (!day || v === 0) return;
    const m = monthOf(day);
    const row = out.get(m) ?? {};
    row[c] = (row[c] ?? 0) + v;
    out.set(m, row);
  };
  const pair = (day: IsoDate | null, value: boolean | null, yes: FactCounter, reported: FactCounter) => {
    if (value === null) return;
    add(day, reported, 1);
    add(day, yes, value ? 1 : 0);
  };
  pair(at.receivedOn, f.syncedToPortal, 'synced', 'syncReported');
  pair(at.receivedOn, f.paidOnline, 'paidOnline', 'paymentReported');
  pair(at.receivedOn, f.digitised, 'digitised', 'digitisedReported');
  pair(at.receivedOn, f.reusedData, 'reused', 'reusedReported');
  const resolved = at.result === 'early' || at.result === 'on_time' || at.result === 'late';
  pair(resolved ? at.endedOn : null, f.electronicResult, 'electronicResult', 'electronicResultReported');
  return out;
}

/** New minus counted contribution (null: nothing counted yet). */
export function factsDelta(counted: { facts: DossierFacts; at: FactsPlace } | null, now: { facts: DossierFacts; at: FactsPlace }): Map<string, Partial<FactCounters>> {
  const out = factsContribution(now.facts, now.at);
  if (counted) {
    for (const [m, row] of factsContribution(counted.facts, counted.at)) {
      const acc = out.get(m) ?? {};
      for (const [c, v] of Object.entries(row) as [FactCounter, number][]) acc[c] = (acc[c] ?? 0) - v;
      out.set(m, acc);
    }
  }
  for (const [m, row] of out) {
    for (const c of Object.keys(row) as FactCounter[]) if (row[c] === 0) delete row[c];
    if (Object.keys(row).length === 0) out.delete(m);
  }
  return out;
}
