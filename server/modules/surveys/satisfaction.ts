/**
 * The satisfaction index of a unit (its statistics scope), optionally one procedure or field, over a range of
 * days: per element and overall, with the number of answers and the small-sample warning. Read from the
 * counters only (satisfaction_daily), with the elements and formulas of the questionnaire asked for, or of
 * the one in use (counters of other versions count by element key).
 */
import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { procedures, satisfactionDaily, surveyDaily } from '../../db/schema.js';
import { computeSatisfaction, type ElementCounters } from '../../../domain/surveys/questionnaire.js';
import type { IsoDate } from '../../../domain/org/dates.js';
import { errors } from '../../errors.js';
import { activeQuestionnaire, definitionOf, getQuestionnaire } from './questionnaires.js';

export interface SatisfactionFilter {
  procedure?: string;
  field?: string;
  questionnaireId?: number;
}

const procFilter = (f: SatisfactionFilter, col: typeof satisfactionDaily.procedureKey | typeof surveyDaily.procedureKey) =>
  f.procedure || f.field ? inArray(col, sql`(select ${procedures.id} from ${procedures} where ${f.procedure ? eq(procedures.code, f.procedure) : eq(procedures.field, f.field!)})`) : undefined;

export async function satisfactionIndex(db: Db, unitIds: number[] | null, from: IsoDate, to: IsoDate, f: SatisfactionFilter = {}) {
  const q = f.questionnaireId ? await getQuestionnaire(db, f.questionnaireId) : await activeQuestionnaire(db);
  if (!q) throw errors.conflict('NO_QUESTIONNAIRE', 'Chưa có phiếu khảo sát đang dùng.', 'No questionnaire is in use.');
  const s = satisfactionDaily;
  const rows = await db
    .select({ element: s.element, answers: sql<string>`sum(${s.answers})`, satisfied: sql<string>`sum(${s.satisfied})`, weightSum: sql<string>`sum(${s.weightSum})` })
    .from(s)
    .where(and(unitIds ? inArray(s.unitId, unitIds) : undefined, gte(s.day, from), lte(s.day, to), f.questionnaireId ? eq(s.questionnaireId, f.questionnaireId) : undefined, procFilter(f, s.procedureKey)))
    .groupBy(s.element);
  const counters = new Map<string, ElementCounters>(rows.map((r) => [r.element, { answers: Number(r.answers), satisfied: Number(r.satisfied), weightSum: Number(r.weightSum) }]));
  const r = await responseFigures(db, unitIds, from, to, f);
  const def = definitionOf(q);
  return { questionnaire: { id: q.id, code: q.code, version: q.version, name: q.name, isSample: q.isSample }, minSample: def.minSample, responses: r.responses, dissatisfiedResponses: r.dissatisfied, ...computeSatisfaction(def, counters) };
}

/** Responses, those with a "not satisfied" answer, and the dossier-linked ones (Decision 766, 5.4). */
export async function responseFigures(db: Db, unitIds: number[] | null, from: IsoDate, to: IsoDate, f: SatisfactionFilter = {}) {
  const s = surveyDaily;
  const [r] = await db
    .select({ responses: sql<string>`coalesce(sum(${s.responses}), 0)`, dissatisfied: sql<string>`coalesce(sum(${s.dissatisfied}), 0)`, dossierResponses: sql<string>`coalesce(sum(${s.dossierResponses}), 0)`, dossierDissatisfied: sql<string>`coalesce(sum(${s.dossierDissatisfied}), 0)` })
    .from(s)
    .where(and(unitIds ? inArray(s.unitId, unitIds) : undefined, gte(s.day, from), lte(s.day, to), procFilter(f, s.procedureKey)));
  return { responses: Number(r.responses), dissatisfied: Number(r.dissatisfied), dossierResponses: Number(r.dossierResponses), dossierDissatisfied: Number(r.dossierDissatisfied) };
}

/** The survey side of Decision 766 criterion 5.4: null when no dossier was rated in the range (no data). */
export async function surveyFigures766(db: Db, unitIds: number[] | null, from: IsoDate, to: IsoDate) {
  const r = await responseFigures(db, unitIds, from, to);
  return r.dossierResponses ? { answered: r.dossierResponses, dissatisfied: r.dossierDissatisfied } : null;
}

/**
 * The index of each of several units at once (indicators by unit, the overview's worst units and map), each
 * over its own scope: the counters of the range read once, grouped by unit and element, combined per scope.
 */
export async function satisfactionOfUnits(db: Db, unitIds: number[], scopeOf: (id: number) => number[], from: IsoDate, to: IsoDate) {
  const out = new Map<number, { answers: number; index: number | null }>();
  const q = await activeQuestionnaire(db);
  if (!q) {
    for (const id of unitIds) out.set(id, { answers: 0, index: null });
    return out;
  }
  const def = definitionOf(q);
  const s = satisfactionDaily;
  const rows = await db
    .select({ unitId: s.unitId, element: s.element, answers: sql<string>`sum(${s.answers})`, satisfied: sql<string>`sum(${s.satisfied})`, weightSum: sql<string>`sum(${s.weightSum})` })
    .from(s)
    .where(and(gte(s.day, from), lte(s.day, to)))
    .groupBy(s.unitId, s.element);
  const byUnit = new Map<number, typeof rows>();
  for (const r of rows) {
    const list = byUnit.get(r.unitId);
    if (list) list.push(r);
    else byUnit.set(r.unitId, [r]);
  }
  for (const id of unitIds) {
    const counters = new Map<string, ElementCounters>();
    for (const u of scopeOf(id)) {
      for (const r of byUnit.get(u) ?? []) {
        const c = counters.get(r.element) ?? { answers: 0, satisfied: 0, weightSum: 0 };
        counters.set(r.element, { answers: c.answers + Number(r.answers), satisfied: c.satisfied + Number(r.satisfied), weightSum: c.weightSum + Number(r.weightSum) });
      }
    }
    const x = computeSatisfaction(def, counters);
    out.set(id, { answers: x.overall.answers, index: x.overall.index });
  }
  return out;
}
