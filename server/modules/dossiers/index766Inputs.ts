/**
 * The inputs of the Decision 766 index beyond the one-stop report, all from counters or the catalogue:
 * publicity from the procedures' dates (a few thousand rows at most), the 766 facts from their monthly
 * counters, the survey side of 5.4 from the survey counters; the criteria that do not apply to communes from
 * an administrator-edited setting (defaults unverified).
 */
import { atOnce } from '../../db/atOnce.js';
import { and, eq, inArray, isNotNull, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { procedures, settings } from '../../db/schema.js';
import type { Index766Input } from '../../../domain/dossiers/index766.js';
import { announcedOnTime, publishedOnTime } from '../../../domain/procedures/publicity.js';
import type { IsoDate } from '../../../domain/org/dates.js';
import { loadCalendar } from '../calendar/calendar.js';
import { type AuditActor, recordAudit } from '../audit/record.js';
import { sumFacts } from './counters.js';
import { surveyFigures766 } from '../surveys/satisfaction.js';
import { feedbackFigures } from '../feedback/figures.js';
import type { Scope } from '../org/scope.js';

export const COMMUNE_NA_KEY = 'index766.commune_not_applicable';
/** UNVERIFIED default: procedures are announced and published by the province, so 1.1 and 1.2 do not apply to communes. */
export const COMMUNE_NA_DEFAULT = ['1.1', '1.2'];

export async function communeNotApplicable(db: Db): Promise<{ keys: string[]; isDefault: boolean }> {
  const [row] = await db.select().from(settings).where(eq(settings.key, COMMUNE_NA_KEY));
  return row ? { keys: row.value as string[], isDefault: false } : { keys: COMMUNE_NA_DEFAULT, isDefault: true };
}

export async function setCommuneNotApplicable(db: Db, actor: AuditActor, keys: string[]) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(settings).where(eq(settings.key, COMMUNE_NA_KEY));
    await tx.insert(settings).values({ key: COMMUNE_NA_KEY, value: keys, updatedBy: actor.id }).onConflictDoUpdate({ target: settings.key, set: { value: keys, updatedBy: actor.id, updatedAt: new Date() } });
    await recordAudit(tx, actor, { action: 'index766.commune_not_applicable', entityType: 'setting', entityId: COMMUNE_NA_KEY, before: before?.value ?? COMMUNE_NA_DEFAULT, after: keys });
    return { keys, isDefault: false };
  });
}

/** Procedures of the scope's units (their agency) announced up to `to`: on time / published on time. */
export async function publicityFigures(db: Db, scope: Scope, to: IsoDate) {
  const rows = await db
    .select({ announcedOn: procedures.announcedOn, effectiveOn: procedures.effectiveOn, publishedOn: procedures.publishedOn })
    .from(procedures)
    .where(and(scope.unitIds ? inArray(procedures.agencyUnitId, scope.unitIds) : undefined, isNotNull(procedures.announcedOn), lte(procedures.announcedOn, to)));
  const cal = await loadCalendar(db);
  let aOn = 0, aAll = 0, pOn = 0, pAll = 0;
  for (const r of rows) {
    const dates = { decisionDate: r.announcedOn, effectiveDate: r.effectiveOn, publishedDate: r.publishedOn };
    const a = announcedOnTime(cal, dates);
    if (a !== null) (aAll++, a && aOn++);
    const p = publishedOnTime(cal, dates);
    if (p !== null) (pAll++, p && pOn++);
  }
  return { announcedOnTime: aAll ? { part: aOn, whole: aAll } : null, publishedOnTime: pAll ? { part: pOn, whole: pAll } : null };
}

/**
 * `at`: the instant open items are judged at (the period's end, or now while it runs), as for the dossiers.
 */
export async function index766Extras(db: Db, scope: Scope, from: IsoDate, to: IsoDate, at: Date | null = null): Promise<Omit<Index766Input, 'procedures' | 'report'>> {
  const share = (part: number, whole: number) => (whole ? { part, whole } : null);
  const isCommune = async () => {
    if (!scope.unit) return false;
    const h = await scope.history();
    return h.units.find((u) => u.id === scope.unit!.id)?.type === 'commune';
  };
  // independent reads, sent at once (in turn inside a transaction: atOnce)
  const [facts, pub, notApplicable, f, surveys] = await atOnce(db, [
    () => sumFacts(db, scope.unitIds, from, to),
    () => publicityFigures(db, scope, to),
    () => isCommune().then(async (c) => (c ? (await communeNotApplicable(db)).keys : [])),
    // 5.2 and the dossier side of 5.4 from the feedback (PAKN) counters: open items past their deadline count as late
    () => feedbackFigures(db, scope.unitIds ?? [], new Date(`${from}T00:00:00+07:00`), new Date(`${to}T23:59:59.999+07:00`), at ?? new Date(`${to}T23:59:59.999+07:00`)),
    () => surveyFigures766(db, scope.unitIds, from, to),
  ]);
  return {
    publicity: { ...pub, synced: share(facts.synced, facts.syncReported) },
    payment: share(facts.paidOnline, facts.paymentReported),
    digitisation: { electronicResult: share(facts.electronicResult, facts.electronicResultReported), digitised: share(facts.digitised, facts.digitisedReported), reused: share(facts.reused, facts.reusedReported) },
    feedback: { onTime: f.onTime, judged: f.onTime + f.late + f.openLate, dossiersWithFeedback: f.dossiersWithFeedback },
    surveys,
    notApplicable,
  };
}
