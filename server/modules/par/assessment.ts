/**
 * A unit's self-assessment in a round and its appraisal: scores saved item by item as the officer types,
 * evidence files, submission by the unit head (which locks it), the appraiser's accept / adjust / return
 * (once) and the unit's answer. A unit never sees another unit's draft; the appraiser never edits the unit's
 * own score. Every change is audited.
 */
import { createHash } from 'node:crypto';
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { parEvidence, parRoundUnits, parScores } from '../../db/schema.js';
import { getSet } from './criteriaSets.js';
import { can } from '../../../domain/access/policy.js';
import { vietnamDateOf } from '../../../domain/org/dates.js';
import { latestName } from '../../../domain/org/scope.js';
import { type AppraisalState, effectiveRule, type ItemData, itemPoints, nextAppraisal, scoredByUnit } from '../../../domain/par/assessment.js';
import { type CriteriaNode, leaves } from '../../../domain/par/criteriaSet.js';
import { unitTotals } from '../../../domain/par/results.js';
import { appraisalOpen, selfAssessmentOpen, selfProgress, submissionProblems } from '../../../domain/par/round.js';
import { type ItemInput, scoreItem } from '../../../domain/par/scoring.js';
import { errors } from '../../errors.js';
import { type AuditActor, recordAudit } from '../audit/record.js';
import type { SessionUser } from '../auth/sessions.js';
import { loadHistory } from '../org/history.js';
import { evidenceType } from '../plans/progress.js';
import { itemData } from './data.js';
import { presentRound, requireOpen, requireRound, requireRoundUnit, type RoundRow, type RoundUnitRow, windowsOf } from './rounds.js';

type ScoreRow = typeof parScores.$inferSelect;
type Item = CriteriaNode & { area: string };

const num = (s: string | null) => (s === null ? null : Number(s));

const setOf = (db: Db | Tx, ru: RoundUnitRow) => getSet(db, ru.setId);

function requireItem(areas: CriteriaNode[], code: string): Item {
  const item = leaves({ areas }).find((i) => i.code === code);
  if (!item) throw errors.notFound('criterion');
  return item;
}

/** The computed items' figures: stored once the unit has submitted, read live before. */
async function dataFor(db: Db | Tx, round: RoundRow, ru: RoundUnitRow, items: Item[], rows: ScoreRow[], now: Date): Promise<Map<string, ItemData>> {
  const out = new Map<string, ItemData>();
  const cache = new Map<string, ItemData>();
  for (const item of items) {
    if (item.rule?.kind !== 'computed') continue;
    const stored = rows.find((r) => r.itemCode === item.code)?.data as ItemData | null | undefined;
    if (ru.submittedAt && stored) {
      out.set(item.code, stored);
      continue;
    }
    const source = item.rule.source;
    if (!cache.has(source)) cache.set(source, await itemData(db as Db, source, ru.unitId, round.year, now));
    out.set(item.code, cache.get(source)!);
  }
  return out;
}

const selfOpen = (round: RoundRow, ru: RoundUnitRow, now: Date) =>
  round.status === 'open' && selfAssessmentOpen(windowsOf(round), { submitted: ru.submittedAt !== null, reopenedUntil: ru.reopenedUntil }, vietnamDateOf(now));

/** The unit may change an item: its window is open, or the appraiser returned the item and awaits the answer. */
function itemEditable(round: RoundRow, ru: RoundUnitRow, row: ScoreRow | undefined, now: Date) {
  if (selfOpen(round, ru, now)) return true;
  return round.status === 'open' && row?.appraisal === 'returned' && appraisalOpen(windowsOf(round), vietnamDateOf(now));
}

function appraiserMay(user: SessionUser, round: RoundRow, ru: RoundUnitRow, now: Date) {
  return (
    can(user, 'appraisal.write', { unitId: ru.unitId }) &&
    (ru.appraiserId === null || ru.appraiserId === user.id) &&
    round.status === 'open' &&
    ru.submittedAt !== null &&
    appraisalOpen(windowsOf(round), vietnamDateOf(now))
  );
}

/** The whole self-assessment as the screen shows it, to the people who may see it. */
export async function getAssessment(db: Db, user: SessionUser, roundId: number, unitId: number, now: Date) {
  const round = await requireRound(db, roundId);
  const ru = await requireRoundUnit(db, roundId, unitId);
  const own = user.unitId === unitId;
  if (!can(user, 'unitData.read', { unitId })) throw errors.notFound('unit in round');
  // others see a unit's scores only once it has submitted: before that they are a draft
  const showScores = own || ru.submittedAt !== null;
  const set = await setOf(db, ru);
  const items = leaves(set);
  const rows = await db.select().from(parScores).where(eq(parScores.roundUnitId, ru.id));
  const files = showScores && rows.length
    ? await db
        .select({ id: parEvidence.id, scoreId: parEvidence.scoreId, fileName: parEvidence.fileName, size: parEvidence.size, mimeType: parEvidence.mimeType })
        .from(parEvidence)
        .where(inArray(parEvidence.scoreId, rows.map((r) => r.id)))
    : [];
  const data = showScores ? await dataFor(db, round, ru, items, rows, now) : new Map<string, ItemData>();
  // hidden drafts: the progress from what is stored, without reading the figures live
  const noData = new Set(
    showScores ? [...data].filter(([, d]) => d.percent === null).map(([c]) => c) : rows.filter((r) => (r.data as ItemData | null)?.percent === null).map((r) => r.itemCode),
  );
  const scored = items.map((item) => {
    const r = rows.find((x) => x.itemCode === item.code);
    const d = data.get(item.code) ?? null;
    const computedScore = item.rule?.kind === 'computed' && d?.percent != null ? itemPoints(item, null, d) : null;
    return {
      code: item.code,
      area: item.area,
      name: item.name,
      max: item.max,
      guidance: item.guidance ?? null,
      evidenceRequired: item.evidenceRequired ?? false,
      rule: item.rule!,
      /** the rule the unit types under (a computed item without data is scored by hand) */
      inputRule: effectiveRule(item.rule!, d).kind,
      data: d,
      input: (r?.selfInput as ItemInput | null) ?? null,
      selfScore: computedScore ?? num(r?.selfScore ?? null),
      explanation: r?.explanation ?? null,
      refs: r?.refs ?? null,
      evidence: files.filter((f) => f.scoreId === r?.id).map(({ scoreId: _s, ...f }) => f),
      appraisal: (r?.appraisal as AppraisalState | null) ?? null,
      appraisedScore: num(r?.appraisedScore ?? null),
      appraisalReason: r?.appraisalReason ?? null,
      returnedAt: r?.returnedAt ?? null,
      returnNote: r?.returnNote ?? null,
      editable: own && can(user, 'unitData.edit', { unitId }) && itemEditable(round, ru, r, now),
    };
  });
  const progressScores = scored.map((s) => ({ itemCode: s.code, score: s.selfScore, evidenceCount: s.evidence.length, explanation: s.explanation }));
  const problems = showScores ? submissionProblems(set.areas, progressScores, noData) : [];
  const totals = showScores ? unitTotals(set, scored.map((s) => ({ itemCode: s.code, selfScore: s.selfScore, appraisedScore: s.appraisedScore, appraisal: s.appraisal })), num(ru.surveyScore)) : null;
  const h = await loadHistory(db);
  return {
    round: presentRound(round),
    unit: { id: unitId, name: latestName(h, unitId), type: set.unitType },
    set: { id: set.id, name: set.name, surveyShare: set.surveyShare, areas: set.areas.map((a) => ({ code: a.code, name: a.name, max: a.max })) },
    submittedAt: ru.submittedAt,
    reopenedUntil: ru.reopenedUntil,
    surveyScore: num(ru.surveyScore),
    draftHidden: !showScores,
    items: showScores ? scored : [],
    progress: selfProgress(set.areas, showScores ? progressScores : rows.map((r) => ({ itemCode: r.itemCode, score: num(r.selfScore) })), noData),
    problems,
    totals,
    can: {
      edit: own && can(user, 'unitData.edit', { unitId }) && selfOpen(round, ru, now),
      submit: own && can(user, 'unitData.submit', { unitId }) && selfOpen(round, ru, now),
      appraise: appraiserMay(user, round, ru, now),
    },
  };
}

export interface ItemChange {
  input?: ItemInput | null;
  explanation?: string | null;
  refs?: string | null;
}

/** The round, the unit's place in it and its set, read once for the items a change touches. */
async function unitContext(tx: Tx, user: SessionUser, roundId: number, unitId: number) {
  if (!can(user, 'unitData.edit', { unitId })) throw errors.forbidden();
  const round = await requireRound(tx, roundId);
  const ru = await requireRoundUnit(tx, roundId, unitId, true);
  requireOpen(round);
  const set = await setOf(tx, ru);
  return { round, ru, set };
}

function requireEditable(round: RoundRow, ru: RoundUnitRow, row: ScoreRow | undefined, now: Date) {
  if (!itemEditable(round, ru, row, now)) {
    throw errors.conflict('LOCKED', 'Bản tự đánh giá đang khóa (ngoài thời gian tự đánh giá, hoặc đã gửi).', 'The self-assessment is locked (outside its window, or submitted).');
  }
}

async function editContext(tx: Tx, user: SessionUser, roundId: number, unitId: number, code: string, now: Date) {
  const { round, ru, set } = await unitContext(tx, user, roundId, unitId);
  const item = requireItem(set.areas, code);
  const [row] = await tx.select().from(parScores).where(and(eq(parScores.roundUnitId, ru.id), eq(parScores.itemCode, code)));
  requireEditable(round, ru, row, now);
  return { round, ru, item, row };
}

/**
 * Items saved as the officer types (one, usually; several when a unit's scores are entered at once): each
 * score is checked against its item's rule and maximum; one audit event lists them all. The round, the set,
 * the unit's scores and each computed figure are read once for the whole change.
 */
export async function saveItems(db: Db, user: SessionUser, actor: AuditActor, roundId: number, unitId: number, changes: { code: string; change: ItemChange }[], now: Date) {
  return db.transaction(async (tx) => {
    const { round, ru, set } = await unitContext(tx, user, roundId, unitId);
    const rows = new Map((await tx.select().from(parScores).where(eq(parScores.roundUnitId, ru.id))).map((r) => [r.itemCode, r]));
    const figures = new Map<string, ItemData>();
    const saved = [];
    const inserts = new Map<string, typeof parScores.$inferInsert>();
    // an item named twice in one change: the later fields win
    const merged = new Map<string, ItemChange>();
    for (const { code, change } of changes) merged.set(code, { ...merged.get(code), ...change });
    for (const [code, change] of merged) {
      const item = requireItem(set.areas, code);
      const row = rows.get(code);
      requireEditable(round, ru, row, now);
      let data: ItemData | null = null;
      if (item.rule?.kind === 'computed') {
        const source = item.rule.source;
        if (!figures.has(source)) figures.set(source, await itemData(tx as unknown as Db, source, unitId, round.year, now));
        data = figures.get(source)!;
      }
      const input = change.input === undefined ? ((row?.selfInput as ItemInput | null) ?? null) : change.input;
      const byUnit = scoredByUnit(item.rule!, data);
      const selfScore = itemPoints(item, byUnit ? input : null, data);
      const values = {
        selfInput: byUnit ? input : null,
        selfScore: selfScore === null ? null : String(selfScore),
        explanation: change.explanation === undefined ? (row?.explanation ?? null) : change.explanation?.trim() || null,
        refs: change.refs === undefined ? (row?.refs ?? null) : change.refs?.trim() || null,
        data,
        updatedBy: user.id,
        updatedAt: now,
      };
      if (row) await tx.update(parScores).set(values).where(eq(parScores.id, row.id));
      else inserts.set(code, { roundUnitId: ru.id, itemCode: code, ...values });
      saved.push({
        before: row ? { itemCode: code, selfScore: num(row.selfScore), explanation: row.explanation, refs: row.refs } : null,
        after: { code, selfScore, explanation: values.explanation, refs: values.refs, data },
      });
    }
    if (inserts.size) {
      // an item first saved by two officers at once: the later write wins, as if one came after the other
      const take = (c: string) => sql.raw(`excluded."${c}"`);
      await tx
        .insert(parScores)
        .values([...inserts.values()])
        .onConflictDoUpdate({
          target: [parScores.roundUnitId, parScores.itemCode],
          set: { selfInput: take('self_input'), selfScore: take('self_score'), explanation: take('explanation'), refs: take('refs'), data: take('data'), updatedBy: take('updated_by'), updatedAt: take('updated_at') },
        });
    }
    await recordAudit(tx, actor, {
      action: 'par.self.save',
      entityType: 'par_round',
      entityId: roundId,
      unitId,
      before: saved.map((s) => s.before),
      after: saved.map(({ after: { data: _d, code, ...a } }) => ({ itemCode: code, ...a })),
    }, now);
    return saved.map((s) => s.after);
  });
}

export async function saveItem(db: Db, user: SessionUser, actor: AuditActor, roundId: number, unitId: number, code: string, change: ItemChange, now: Date) {
  return (await saveItems(db, user, actor, roundId, unitId, [{ code, change }], now))[0];
}

export const MAX_PAR_EVIDENCE_BYTES = 10 * 1024 * 1024;

export async function addItemEvidence(db: Db, user: SessionUser, actor: AuditActor, roundId: number, unitId: number, code: string, file: { name: string; data: Buffer }, now: Date) {
  const mimeType = evidenceType(file.name, file.data);
  return db.transaction(async (tx) => {
    const { ru, row } = await editContext(tx, user, roundId, unitId, code, now);
    const scoreRow = row ?? (await tx.insert(parScores).values({ roundUnitId: ru.id, itemCode: code, updatedBy: user.id }).returning())[0];
    const sha256 = createHash('sha256').update(file.data).digest('hex');
    const fileName = file.name.normalize('NFC').replace(/[\\/]/g, '_').slice(0, 200);
    const [e] = await tx
      .insert(parEvidence)
      .values({ scoreId: scoreRow.id, fileName, mimeType, size: file.data.length, sha256, content: file.data, uploadedBy: user.id, createdAt: now })
      .returning({ id: parEvidence.id, fileName: parEvidence.fileName, size: parEvidence.size, mimeType: parEvidence.mimeType });
    await recordAudit(tx, actor, { action: 'par.self.evidence', entityType: 'par_score', entityId: scoreRow.id, unitId, after: { roundId, itemCode: code, evidenceId: e.id, fileName, size: file.data.length, sha256 } }, now);
    return e;
  });
}

async function evidenceRow(db: Db | Tx, id: number) {
  const [row] = await db
    .select({ e: parEvidence, unitId: parRoundUnits.unitId, roundId: parRoundUnits.roundId, itemCode: parScores.itemCode, submittedAt: parRoundUnits.submittedAt })
    .from(parEvidence)
    .innerJoin(parScores, eq(parScores.id, parEvidence.scoreId))
    .innerJoin(parRoundUnits, eq(parRoundUnits.id, parScores.roundUnitId))
    .where(eq(parEvidence.id, id));
  if (!row) throw errors.notFound('evidence');
  return row;
}

export async function removeItemEvidence(db: Db, user: SessionUser, actor: AuditActor, id: number, now: Date) {
  return db.transaction(async (tx) => {
    const row = await evidenceRow(tx, id);
    await editContext(tx, user, row.roundId, row.unitId, row.itemCode, now);
    await tx.delete(parEvidence).where(eq(parEvidence.id, id));
    await recordAudit(tx, actor, { action: 'par.self.evidence_remove', entityType: 'par_score', entityId: row.e.scoreId, unitId: row.unitId, before: { evidenceId: id, fileName: row.e.fileName, sha256: row.e.sha256 } }, now);
  });
}

/** A file is seen by its unit, and by those who may read the unit's data once the unit has submitted. */
export async function getItemEvidence(db: Db, user: SessionUser, id: number) {
  const row = await evidenceRow(db, id);
  const own = row.unitId === user.unitId;
  if (!own && (row.submittedAt === null || !can(user, 'unitData.read', { unitId: row.unitId }))) throw errors.notFound('evidence');
  return row.e;
}

/**
 * The unit head submits: every item scored, evidence or a written reason where required; the computed items'
 * figures are kept as they are that day. The self-assessment is locked afterwards.
 */
export async function submitAssessment(db: Db, user: SessionUser, actor: AuditActor, roundId: number, unitId: number, now: Date) {
  if (!can(user, 'unitData.submit', { unitId })) throw errors.forbidden();
  return db.transaction(async (tx) => {
    const round = await requireRound(tx, roundId);
    const ru = await requireRoundUnit(tx, roundId, unitId, true);
    if (!selfOpen(round, ru, now)) throw errors.conflict('LOCKED', 'Không gửi được: ngoài thời gian tự đánh giá hoặc đã gửi.', 'Cannot submit: outside the window or already submitted.');
    const set = await setOf(tx, ru);
    const items = leaves(set);
    let rows = await tx.select().from(parScores).where(eq(parScores.roundUnitId, ru.id));
    const data = await dataFor(tx, round, ru, items, rows, now);
    for (const [code, d] of data) {
      const item = items.find((i) => i.code === code)!;
      const row = rows.find((r) => r.itemCode === code);
      const score = d.percent === null ? (row?.selfScore ?? null) : String(itemPoints(item, null, d));
      if (row) await tx.update(parScores).set({ data: d, selfScore: score }).where(eq(parScores.id, row.id));
      else await tx.insert(parScores).values({ roundUnitId: ru.id, itemCode: code, data: d, selfScore: score, updatedBy: user.id });
    }
    rows = await tx.select().from(parScores).where(eq(parScores.roundUnitId, ru.id));
    const counts = rows.length
      ? await tx.select({ scoreId: parEvidence.scoreId }).from(parEvidence).where(inArray(parEvidence.scoreId, rows.map((r) => r.id)))
      : [];
    const noData = new Set([...data].filter(([, d]) => d.percent === null).map(([c]) => c));
    const problems = submissionProblems(
      set.areas,
      rows.map((r) => ({ itemCode: r.itemCode, score: num(r.selfScore), evidenceCount: counts.filter((c) => c.scoreId === r.id).length, explanation: r.explanation })),
      noData,
    );
    if (problems.length) {
      throw errors.conflict('INCOMPLETE', `Chưa gửi được: ${problems.length} tiêu chí chưa chấm điểm hoặc thiếu tài liệu kiểm chứng (hay lý do).`, `Cannot submit: ${problems.length} items are not scored or lack evidence.`, { problems });
    }
    const [saved] = await tx.update(parRoundUnits).set({ submittedAt: now, submittedBy: user.id, reopenedUntil: null }).where(eq(parRoundUnits.id, ru.id)).returning();
    const totals = unitTotals(set, rows.map((r) => ({ itemCode: r.itemCode, selfScore: num(r.selfScore), appraisedScore: null, appraisal: null })), null);
    await recordAudit(tx, actor, { action: 'par.self.submit', entityType: 'par_round', entityId: roundId, unitId, after: { selfScore: totals.selfScore, items: rows.length } }, now);
    return { submittedAt: saved.submittedAt };
  });
}

export type AppraiserAction = { action: 'accept' } | { action: 'adjust'; input: ItemInput; reason: string } | { action: 'return'; note: string };

/** The checks before any appraisal: the appraiser's role and assignment, the round, the unit's submission, the window. */
async function appraisalContext(tx: Tx, user: SessionUser, roundId: number, unitId: number, now: Date) {
  const round = await requireRound(tx, roundId);
  const ru = await requireRoundUnit(tx, roundId, unitId, true);
  if (!can(user, 'appraisal.write', { unitId })) throw errors.forbidden();
  if (ru.appraiserId !== null && ru.appraiserId !== user.id) throw errors.conflict('NOT_ASSIGNED', 'Đơn vị này được phân công cho thành viên khác của tổ thẩm định.', 'Another appraiser is assigned to this unit.');
  requireOpen(round);
  if (!ru.submittedAt) throw errors.conflict('NOT_SUBMITTED', 'Đơn vị chưa gửi bản tự đánh giá.', 'The unit has not submitted.');
  if (!appraisalOpen(windowsOf(round), vietnamDateOf(now))) throw errors.conflict('LOCKED', 'Ngoài thời gian thẩm định.', 'Outside the appraisal window.');
  return { round, ru, set: await setOf(tx, ru) };
}

/** The appraiser's decision on one item. An adjustment is scored under the item's rule (a computed item by hand). */
export async function appraiseItem(db: Db, user: SessionUser, actor: AuditActor, roundId: number, unitId: number, code: string, a: AppraiserAction, now: Date) {
  return db.transaction(async (tx) => {
    const { ru, set } = await appraisalContext(tx, user, roundId, unitId, now);
    const item = requireItem(set.areas, code);
    const [row] = await tx.select().from(parScores).where(and(eq(parScores.roundUnitId, ru.id), eq(parScores.itemCode, code)));
    if (!row) throw errors.notFound('score');
    const state = nextAppraisal(row.appraisal as AppraisalState | null, a.action, row.returnedAt !== null);
    const before = { appraisal: row.appraisal, appraisedScore: num(row.appraisedScore), appraisalReason: row.appraisalReason };
    let change: Partial<ScoreRow>;
    if (a.action === 'accept') change = { appraisal: state, appraisedScore: row.selfScore, appraisalReason: null };
    else if (a.action === 'adjust') {
      const rule = item.rule!.kind === 'computed' ? ({ kind: 'manual' } as const) : item.rule!;
      change = { appraisal: state, appraisedScore: String(scoreItem(rule, item.max, a.input)), appraisalReason: a.reason.trim() };
    } else change = { appraisal: state, returnedAt: now, returnNote: a.note.trim() };
    const [saved] = await tx
      .update(parScores)
      .set({ ...change, appraisedBy: user.id })
      .where(eq(parScores.id, row.id))
      .returning();
    await recordAudit(tx, actor, { action: `par.appraisal.${a.action}`, entityType: 'par_score', entityId: row.id, unitId, before, after: { roundId, itemCode: code, appraisal: saved.appraisal, appraisedScore: num(saved.appraisedScore), appraisalReason: saved.appraisalReason, returnNote: saved.returnNote } }, now);
    return { code, appraisal: saved.appraisal, appraisedScore: num(saved.appraisedScore) };
  });
}

/** Accept every item not yet decided (nor waiting for the unit) at the unit's score: one audit event lists them. */
export async function acceptRemaining(db: Db, user: SessionUser, actor: AuditActor, roundId: number, unitId: number, now: Date) {
  return db.transaction(async (tx) => {
    const { ru } = await appraisalContext(tx, user, roundId, unitId, now);
    // one statement: an appraisal of one item sent meanwhile is either before it (and kept) or after it
    const open = await tx
      .update(parScores)
      .set({ appraisal: 'accepted', appraisedScore: sql`${parScores.selfScore}`, appraisalReason: null, appraisedBy: user.id })
      .where(and(eq(parScores.roundUnitId, ru.id), or(isNull(parScores.appraisal), eq(parScores.appraisal, 'answered'))))
      .returning({ itemCode: parScores.itemCode, selfScore: parScores.selfScore });
    open.sort((a, b) => a.itemCode.localeCompare(b.itemCode, 'vi', { numeric: true }));
    if (open.length) await recordAudit(tx, actor, { action: 'par.appraisal.accept', entityType: 'par_round', entityId: roundId, unitId, after: { items: open.map((r) => ({ itemCode: r.itemCode, appraisedScore: num(r.selfScore) })) } }, now);
    return { accepted: open.length };
  });
}

/** The unit's answer to an item returned for explanation; the item goes back to the appraiser. */
export async function answerItem(db: Db, user: SessionUser, actor: AuditActor, roundId: number, unitId: number, code: string, reply: string, now: Date) {
  return db.transaction(async (tx) => {
    const { row } = await editContext(tx, user, roundId, unitId, code, now);
    const state = nextAppraisal((row?.appraisal as AppraisalState | null) ?? null, 'answer', true);
    const explanation = [row!.explanation, reply.trim()].filter(Boolean).join('\n');
    await tx.update(parScores).set({ appraisal: state, explanation, updatedBy: user.id, updatedAt: now }).where(eq(parScores.id, row!.id));
    await recordAudit(tx, actor, { action: 'par.self.answer', entityType: 'par_score', entityId: row!.id, unitId, after: { roundId, itemCode: code, reply: reply.trim() } }, now);
    return { code, appraisal: state };
  });
}
