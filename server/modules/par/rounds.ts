/**
 * PAR rounds: creation (year, sets, units in scope, windows), windows changed, a unit reopened, appraisers
 * assigned, survey points imported, results approved and published. Every change is audited.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { auditHead, parCriteriaSets, parRoundUnits, parRounds, parScores, users } from '../../db/schema.js';
import { setsOf } from './criteriaSets.js';
import { can } from '../../../domain/access/policy.js';
import { type IsoDate, vietnamDateOf } from '../../../domain/org/dates.js';
import { unitsAsOf } from '../../../domain/org/history.js';
import { latestName } from '../../../domain/org/scope.js';
import { DEFAULT_GROUPS, type GroupThreshold } from '../../../domain/par/results.js';
import { checkWindows, type RoundWindows, selfProgress } from '../../../domain/par/round.js';
import { scaleSurvey } from '../../../domain/par/scoring.js';
import { parseSurveyRows, SURVEY_COLUMNS } from '../../../domain/par/surveyTable.js';
import ExcelJS from 'exceljs';
import { AppError, errors } from '../../errors.js';
import { type AuditActor, recordAudit, recordAudits } from '../audit/record.js';
import type { SessionUser } from '../auth/sessions.js';
import { readTable } from '../files/tables.js';
import { loadHistory } from '../org/history.js';
import { setupPrint } from '../files/xlsxPrint.js';
import { storeResults } from './results.js';
import { publicVersion } from '../public/version.js';

export type RoundRow = typeof parRounds.$inferSelect;
export type RoundUnitRow = typeof parRoundUnits.$inferSelect;
export type RoundStatus = 'open' | 'approved' | 'published';

export const windowsOf = (r: RoundRow): RoundWindows => ({ selfFrom: r.selfFrom, selfTo: r.selfTo, appraisalFrom: r.appraisalFrom, appraisalTo: r.appraisalTo });

export function presentRound(r: RoundRow) {
  return { id: r.id, year: r.year, name: r.name, ...windowsOf(r), groups: r.groups as GroupThreshold[], status: r.status as RoundStatus, approvedAt: r.approvedAt, publishedAt: r.publishedAt, auditHead: (r.auditHead as { lastId: number; lastHash: string; count: number } | null) ?? null };
}

export async function requireRound(db: Db | Tx, id: number): Promise<RoundRow> {
  const [r] = await db.select().from(parRounds).where(eq(parRounds.id, id));
  if (!r) throw errors.notFound('round');
  return r;
}

/** `lock`: writes to one unit's assessment wait for each other (row lock until the transaction ends). */
export async function requireRoundUnit(db: Db | Tx, roundId: number, unitId: number, lock = false): Promise<RoundUnitRow> {
  const q = db
    .select()
    .from(parRoundUnits)
    .where(and(eq(parRoundUnits.roundId, roundId), eq(parRoundUnits.unitId, unitId)));
  const [ru] = lock ? await q.for('update') : await q;
  if (!ru) throw errors.notFound('unit in round');
  return ru;
}

export function requireOpen(r: RoundRow) {
  if (r.status !== 'open') throw errors.conflict('ROUND_CLOSED', 'Kết quả đợt đánh giá đã được phê duyệt; không thay đổi được nữa.', 'The round has been approved; nothing can change.');
}

export interface RoundInput extends RoundWindows {
  year: number;
  name: string;
  /** the criteria set of each unit type in the round */
  setIds: number[];
  /** units in scope; by default every unit alive on `asOf` whose type has a set */
  unitIds?: number[];
  asOf?: IsoDate;
  groups?: GroupThreshold[];
}

function checkGroups(groups: GroupThreshold[]) {
  const names = new Set(groups.map((g) => g.name));
  if (groups.length === 0 || names.size !== groups.length || !groups.some((g) => g.atLeast === 0)) {
    throw errors.badRequest('INVALID_GROUPS', 'Các nhóm xếp loại phải có tên khác nhau và có một nhóm từ 0 %.', 'Groups need distinct names and one from 0 %.');
  }
}

function windowsError(w: RoundWindows) {
  try {
    checkWindows(w);
  } catch {
    throw errors.badRequest('INVALID_WINDOW', 'Thời gian tự đánh giá và thẩm định không hợp lệ (ngày kết thúc trước ngày bắt đầu, hoặc thẩm định bắt đầu trước tự đánh giá).', 'The windows are not valid.');
  }
}

export async function createRound(db: Db, actor: AuditActor, input: RoundInput, now: Date) {
  const today = vietnamDateOf(now);
  windowsError(input);
  const groups = input.groups ?? DEFAULT_GROUPS;
  checkGroups(groups);
  const sets = input.setIds.length ? await db.select().from(parCriteriaSets).where(inArray(parCriteriaSets.id, input.setIds)) : [];
  if (sets.length !== new Set(input.setIds).size || sets.length === 0) throw errors.badRequest('UNKNOWN_SET', 'Có bộ tiêu chí không tồn tại.', 'A criteria set does not exist.');
  const byType = new Map<string, number>();
  for (const s of sets) {
    if (byType.has(s.unitType)) throw errors.badRequest('TWO_SETS_FOR_TYPE', 'Mỗi loại đơn vị chỉ dùng một bộ tiêu chí trong một đợt.', 'One set per unit type.', { unitType: s.unitType });
    byType.set(s.unitType, s.id);
  }
  const h = await loadHistory(db);
  const alive = unitsAsOf(h, input.asOf ?? today);
  // a unit named twice is in scope once
  const scope = input.unitIds ? [...new Set(input.unitIds)].map((id) => alive.find((u) => u.id === id) ?? id) : alive.filter((u) => byType.has(u.type));
  const problems = scope.filter((u) => typeof u === 'number' || !byType.has(u.type));
  if (problems.length || scope.length === 0) {
    throw errors.badRequest('INVALID_SCOPE', 'Có đơn vị không hoạt động vào ngày xác định phạm vi, hoặc không có bộ tiêu chí cho loại của đơn vị.', 'A unit is not alive or has no set for its type.', { unitIds: problems.map((u) => (typeof u === 'number' ? u : u.id)) });
  }
  return db.transaction(async (tx) => {
    const [round] = await tx
      .insert(parRounds)
      .values({ year: input.year, name: input.name, selfFrom: input.selfFrom, selfTo: input.selfTo, appraisalFrom: input.appraisalFrom, appraisalTo: input.appraisalTo, groups, status: 'open', createdAt: now })
      .returning();
    const units = scope as Exclude<(typeof scope)[number], number>[];
    await tx.insert(parRoundUnits).values(units.map((u) => ({ roundId: round.id, unitId: u.id, setId: byType.get(u.type)! })));
    await recordAudit(tx, actor, { action: 'par.round.create', entityType: 'par_round', entityId: round.id, after: { ...presentRound(round), setIds: input.setIds, units: units.length } }, now);
    return presentRound(round);
  });
}

export async function updateRound(db: Db, actor: AuditActor, id: number, change: Partial<RoundWindows> & { name?: string; groups?: GroupThreshold[] }, now = new Date()) {
  return db.transaction(async (tx) => {
    const r = await requireRound(tx, id);
    requireOpen(r);
    const next = { ...windowsOf(r), ...change };
    windowsError(next);
    if (change.groups) checkGroups(change.groups);
    const [row] = await tx
      .update(parRounds)
      .set({ ...next, name: change.name ?? r.name, groups: change.groups ?? r.groups })
      .where(eq(parRounds.id, id))
      .returning();
    await recordAudit(tx, actor, { action: 'par.round.update', entityType: 'par_round', entityId: id, before: presentRound(r), after: presentRound(row) }, now);
    return presentRound(row);
  });
}

export async function listRounds(db: Db) {
  const rounds = await db.select().from(parRounds).orderBy(parRounds.year, parRounds.id);
  const units = await db.select({ roundId: parRoundUnits.roundId, submittedAt: parRoundUnits.submittedAt }).from(parRoundUnits);
  return rounds.reverse().map((r) => {
    const mine = units.filter((u) => u.roundId === r.id);
    return { ...presentRound(r), units: mine.length, submitted: mine.filter((u) => u.submittedAt).length };
  });
}

/**
 * A round with its units: progress and appraisal counts for everyone who may follow the round; a unit's own
 * officers see their own unit only. Counts say nothing of a draft's content.
 */
export async function getRound(db: Db, user: SessionUser, id: number) {
  const r = await requireRound(db, id);
  const seesAll = can(user, 'unitData.read');
  const rus = (await db.select().from(parRoundUnits).where(eq(parRoundUnits.roundId, id))).filter((u) => seesAll || u.unitId === user.unitId);
  const sets = await setsOf(db, rus);
  const scores = rus.length
    ? await db
        .select({ roundUnitId: parScores.roundUnitId, itemCode: parScores.itemCode, score: parScores.selfScore, appraisal: parScores.appraisal, data: parScores.data })
        .from(parScores)
        .where(inArray(parScores.roundUnitId, rus.map((u) => u.id)))
    : [];
  const appraisers = new Map((await db.select({ id: users.id, fullName: users.fullName }).from(users).where(eq(users.role, 'appraiser'))).map((u) => [u.id, u.fullName]));
  const h = await loadHistory(db);
  return {
    ...presentRound(r),
    sets: [...sets.values()].map((s) => ({ id: s.id, unitType: s.unitType, name: s.name, version: s.version })),
    appraisers: [...appraisers].map(([uid, name]) => ({ id: uid, name })),
    units: rus
      .map((u) => {
        const set = sets.get(u.setId)!;
        const mine = scores.filter((s) => s.roundUnitId === u.id);
        const noData = new Set(mine.filter((s) => (s.data as { percent: number | null } | null)?.percent === null).map((s) => s.itemCode));
        return {
          unitId: u.unitId,
          unitName: latestName(h, u.unitId),
          unitType: set.unitType,
          setId: u.setId,
          submittedAt: u.submittedAt,
          reopenedUntil: u.reopenedUntil,
          progress: selfProgress(set.areas, mine.map((s) => ({ itemCode: s.itemCode, score: s.score === null ? null : Number(s.score) })), noData),
          appraised: { done: mine.filter((s) => s.appraisal === 'accepted' || s.appraisal === 'adjusted').length, returned: mine.filter((s) => s.appraisal === 'returned').length, total: set.items },
          surveyScore: u.surveyScore === null ? null : Number(u.surveyScore),
          appraiserId: u.appraiserId,
          appraiserName: u.appraiserId ? (appraisers.get(u.appraiserId) ?? null) : null,
        };
      })
      .sort((a, b) => a.unitType.localeCompare(b.unitType) || a.unitName.localeCompare(b.unitName, 'vi')),
  };
}

/** The administrator lets one unit change its self-assessment again until a day; recorded with the reason. */
export async function reopenUnit(db: Db, actor: AuditActor, roundId: number, unitId: number, until: IsoDate, reason: string, now: Date) {
  const today = vietnamDateOf(now);
  if (until < today) throw errors.badRequest('INVALID_DATE', 'Ngày mở lại phải từ hôm nay trở đi.', 'The date must be today or later.');
  return db.transaction(async (tx) => {
    const r = await requireRound(tx, roundId);
    requireOpen(r);
    const ru = await requireRoundUnit(tx, roundId, unitId);
    await tx.update(parRoundUnits).set({ reopenedUntil: until }).where(eq(parRoundUnits.id, ru.id));
    await recordAudit(tx, actor, { action: 'par.unit.reopen', entityType: 'par_round', entityId: roundId, unitId, before: { reopenedUntil: ru.reopenedUntil, submittedAt: ru.submittedAt }, after: { reopenedUntil: until, reason } }, now);
    return { unitId, reopenedUntil: until };
  });
}

export async function assignAppraiser(db: Db, actor: AuditActor, roundId: number, unitId: number, appraiserId: number | null, now = new Date()) {
  return db.transaction(async (tx) => {
    requireOpen(await requireRound(tx, roundId));
    const ru = await requireRoundUnit(tx, roundId, unitId);
    if (appraiserId !== null) {
      const [u] = await tx.select().from(users).where(eq(users.id, appraiserId));
      if (!u || u.role !== 'appraiser') throw errors.badRequest('NOT_APPRAISER', 'Người được phân công không phải thành viên tổ thẩm định.', 'The user is not an appraiser.');
      if (u.unitId === unitId) throw errors.badRequest('OWN_UNIT', 'Không phân công thẩm định đơn vị của chính mình.', 'An appraiser cannot appraise their own unit.');
    }
    await tx.update(parRoundUnits).set({ appraiserId }).where(eq(parRoundUnits.id, ru.id));
    await recordAudit(tx, actor, { action: 'par.unit.assign', entityType: 'par_round', entityId: roundId, unitId, before: { appraiserId: ru.appraiserId }, after: { appraiserId } }, now);
    return { unitId, appraiserId };
  });
}

/**
 * Survey points per unit from a table file, scaled to each unit's set share. Units are named by code; a row
 * naming a unit outside the round, a duplicate or a bad number rejects the file whole.
 */
export async function importSurvey(db: Db, actor: AuditActor, roundId: number, file: { name: string; data: Buffer }, dryRun: boolean, now = new Date()) {
  const { rows, errors: rowErrors } = parseSurveyRows(await readTable(file.name, file.data, 4));
  const r = await requireRound(db, roundId);
  requireOpen(r);
  const rus = await db.select().from(parRoundUnits).where(eq(parRoundUnits.roundId, roundId));
  const sets = await setsOf(db, rus);
  const h = await loadHistory(db);
  const byCode = new Map(rus.map((u) => [h.units.find((x) => x.id === u.unitId)!.code, u]));
  const out: { unitId: number; code: string; unitName: string; raw: number; rawMax: number; score: number }[] = [];
  for (const row of rows) {
    const ru = byCode.get(row.code);
    if (!ru) {
      rowErrors.push({ row: row.row, message: `Đơn vị mã ${row.code} không thuộc đợt đánh giá này.` });
      continue;
    }
    out.push({ unitId: ru.unitId, code: row.code, unitName: latestName(h, ru.unitId), raw: row.raw, rawMax: row.rawMax, score: scaleSurvey(row.raw, row.rawMax, sets.get(ru.setId)!.surveyShare) });
  }
  if (rowErrors.length) throw new AppError(400, 'INVALID_ROWS', `${rowErrors.length} dòng có lỗi; chưa lưu gì.`, `${rowErrors.length} rows have errors; nothing was saved.`, { errors: rowErrors.sort((a, b) => a.row - b.row) });
  if (out.length === 0) throw errors.badRequest('EMPTY', 'Tệp không có dòng điểm nào.', 'The file has no rows.');
  if (dryRun) return { dryRun: true, rows: out };
  return db.transaction(async (tx) => {
    for (const o of out) {
      const ru = byCode.get(o.code)!;
      await tx.update(parRoundUnits).set({ surveyRaw: String(o.raw), surveyRawMax: String(o.rawMax), surveyScore: String(o.score) }).where(eq(parRoundUnits.id, ru.id));
    }
    await recordAudits(
      tx,
      actor,
      out.map((o) => {
        const ru = byCode.get(o.code)!;
        return { action: 'par.survey.import', entityType: 'par_round', entityId: roundId, unitId: o.unitId, before: { surveyScore: ru.surveyScore === null ? null : Number(ru.surveyScore) }, after: { raw: o.raw, rawMax: o.rawMax, surveyScore: o.score, file: file.name } };
      }),
      now,
    );
    return { dryRun: false, rows: out };
  });
}

/**
 * The administrator approves the round's results: every unit has submitted, every item is appraised, every
 * unit has survey points. What is missing is listed, and nothing changes.
 */
export async function approveRound(db: Db, user: SessionUser, actor: AuditActor, roundId: number, now = new Date()) {
  return db.transaction(async (tx) => {
    const r = await requireRound(tx, roundId);
    requireOpen(r);
    const rus = await tx.select().from(parRoundUnits).where(eq(parRoundUnits.roundId, roundId));
    const sets = await setsOf(tx, rus);
    const scores = await tx
      .select({ roundUnitId: parScores.roundUnitId, appraisal: parScores.appraisal })
      .from(parScores)
      .where(inArray(parScores.roundUnitId, [...rus.map((u) => u.id), -1]));
    const h = await loadHistory(tx as unknown as Db);
    const appraised = new Map<number, number>();
    for (const s of scores) if (s.appraisal === 'accepted' || s.appraisal === 'adjusted') appraised.set(s.roundUnitId, (appraised.get(s.roundUnitId) ?? 0) + 1);
    const missing: { unitId: number; unitName: string; problem: string }[] = [];
    for (const u of rus) {
      const p = (problem: string) => missing.push({ unitId: u.unitId, unitName: latestName(h, u.unitId), problem });
      if (!u.submittedAt) p('NOT_SUBMITTED');
      const total = sets.get(u.setId)!.items;
      const done = appraised.get(u.id) ?? 0;
      if (done < total) p('NOT_APPRAISED');
      if (u.surveyScore === null) p('NO_SURVEY');
    }
    if (missing.length) {
      throw errors.conflict('ROUND_INCOMPLETE', `Chưa phê duyệt được: ${missing.length} việc còn thiếu (đơn vị chưa gửi, chưa thẩm định xong hoặc chưa có điểm điều tra).`, `The round cannot be approved: ${missing.length} things are missing.`, { missing });
    }
    // the results as they are now are kept: nothing can change after approval
    await storeResults(tx, roundId);
    const [row] = await tx.update(parRounds).set({ status: 'approved', approvedBy: user.id, approvedAt: now }).where(eq(parRounds.id, roundId)).returning();
    await recordAudit(tx, actor, { action: 'par.round.approve', entityType: 'par_round', entityId: roundId, before: { status: r.status }, after: { status: 'approved' } }, now);
    return presentRound(row);
  });
}

/** Publication makes the ranking public; only approved results are published. */
export async function publishRound(db: Db, user: SessionUser, actor: AuditActor, roundId: number, now = new Date()) {
  return db.transaction(async (tx) => {
    const r = await requireRound(tx, roundId);
    if (r.status !== 'approved') throw errors.conflict('NOT_APPROVED', 'Chỉ công bố được kết quả đã phê duyệt (và chưa công bố).', 'Only approved, unpublished results can be published.', { status: r.status });
    await recordAudit(tx, actor, { action: 'par.round.publish', entityType: 'par_round', entityId: roundId, before: { status: r.status }, after: { status: 'published' } }, now);
    // the ranking carries the audit trail's head at publication (with the publication event in it)
    const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1));
    const [row] = await tx
      .update(parRounds)
      .set({ status: 'published', publishedBy: user.id, publishedAt: now, auditHead: head ? { lastId: head.lastId, lastHash: head.lastHash, count: head.count } : null })
      .where(eq(parRounds.id, roundId))
      .returning();
    await publicVersion.touch(tx);
    return presentRound(row);
  });
}

/** The survey file to fill in: every unit of the round with its code. */
export async function surveyTemplate(db: Db, roundId: number): Promise<Buffer> {
  await requireRound(db, roundId);
  const rus = await db.select().from(parRoundUnits).where(eq(parRoundUnits.roundId, roundId));
  const h = await loadHistory(db);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Điểm điều tra');
  ws.addRow([...SURVEY_COLUMNS]).font = { bold: true };
  for (const u of rus) ws.addRow([h.units.find((x) => x.id === u.unitId)!.code, latestName(h, u.unitId), null, null]);
  ws.columns.forEach((c, i) => (c.width = [18, 40, 10, 12][i]));
  setupPrint(ws, { headerRows: 1, title: 'Điểm điều tra xã hội học' });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
