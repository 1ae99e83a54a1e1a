/**
 * Feedback figures for other capabilities: the Decision 766 index (criterion 5.2 = 6 × on-time rate, 6 when
 * there was none; the dossier side of 5.4), the PAR index's computed items and the periodic report.
 */
import { and, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { feedbackItems } from '../../db/schema.js';
import { localDay } from '../../../domain/feedback/process.js';
import { type Figures, figuresOf } from './counters.js';

export interface FeedbackFigures extends Figures {
  /** distinct dossier codes named by feedback received in the period */
  dossiersWithFeedback: number;
}

/**
 * Figures of the units (an empty list: the whole province, the desk included) for [from, to] (instants; their
 * Vietnamese days are used): received, closed on time and late in the period; open within and past the
 * deadline at its end (or now); the on-time rate counting open overdue items as late.
 */
export async function feedbackFigures(db: Db, unitIds: ReadonlyArray<string | number>, from: Date, to: Date, now = new Date()): Promise<FeedbackFigures> {
  const ids = unitIds.length ? unitIds.map(Number).filter((n) => Number.isInteger(n)) : null;
  const f = await figuresOf(db, ids, localDay(from), localDay(to), now);
  const i = feedbackItems;
  const [d] = await db
    .select({ n: sql<string>`count(distinct ${i.dossierCode})` })
    .from(i)
    .where(and(ids ? inArray(sql`coalesce(${i.unitId}, 0)`, ids) : undefined, isNotNull(i.dossierCode), gte(i.receivedAt, from), lte(i.receivedAt, to)));
  return { ...f, dossiersWithFeedback: Number(d?.n ?? 0) };
}

/** Decision 766 criterion 5.2: 6 points × the on-time rate; 6 when there was no feedback to judge. */
export const criterion52 = (f: Pick<Figures, 'onTimeRate'>) => (f.onTimeRate === null ? 6 : Math.round(6 * f.onTimeRate * 100) / 100);
