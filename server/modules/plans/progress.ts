/**
 * Progress reports on plan tasks, their evidence files, review by Sở Nội vụ, and urging (đôn đốc).
 * Every change is audited and notifies the people who act next.
 */
import { createHash } from 'node:crypto';
import { and, desc, eq, inArray, ne, or } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { planAreas, plans, planTaskProducts, planTasks, planTaskUnits, progressEvidence, taskProgress, users } from '../../db/schema.js';
import { can } from '../../../domain/access/policy.js';
import { formatMilli, parseBudget, taskSortKey } from '../../../domain/plans/planTable.js';
import { checkReport, nextState, PERIOD, type ProgressAction, type ReportState, type TaskStatus } from '../../../domain/plans/progress.js';
import { parseTimeframe } from '../../../domain/plans/timeframe.js';
import { parseReportingPeriod, reportingLabel } from '../../../domain/periods/reporting.js';
import { AppError, errors } from '../../errors.js';
import { recordAudit } from '../audit/record.js';
import type { SessionUser } from '../auth/sessions.js';
import { notifyUnit, notifyUsers } from '../notifications/notify.js';

const actorOf = (u: SessionUser) => ({ id: u.id, name: u.username });

/** "2026-Q3" → "Quý III/2026" */
const quarterLabel = (period: string) => {
  const p = parseReportingPeriod(period, { calendar: true });
  return p ? reportingLabel(p) : period;
};

async function requireTask(tx: Db | Tx, taskId: number) {
  const [row] = await tx
    .select({ id: planTasks.id, number: planTasks.number, planId: planTasks.planId, ownerUnitId: planTasks.ownerUnitId, year: plans.year })
    .from(planTasks)
    .innerJoin(plans, eq(plans.id, planTasks.planId))
    .where(eq(planTasks.id, taskId));
  if (!row) throw errors.notFound('task');
  return row;
}

async function requireReport(tx: Db | Tx, id: number) {
  const [row] = await tx.select().from(taskProgress).where(eq(taskProgress.id, id));
  if (!row) throw errors.notFound('progress report');
  return row;
}

/** The unit must be named on the task (lead or coordinating, directly or through a group). */
async function requireTaskUnit(tx: Tx, taskId: number, unitId: number, ownerUnitId: number | null) {
  if (ownerUnitId === unitId) return;
  const [link] = await tx
    .select({ role: planTaskUnits.role })
    .from(planTaskUnits)
    .where(and(eq(planTaskUnits.taskId, taskId), eq(planTaskUnits.unitId, unitId)));
  if (!link) throw errors.conflict('NOT_ASSIGNED', 'Đơn vị không được giao nhiệm vụ này (chủ trì hoặc phối hợp).', 'The unit is not assigned to this task.');
}

function transition(state: ReportState | null, action: ProgressAction): ReportState {
  try {
    return nextState(state, action);
  } catch {
    const vi: Record<ProgressAction, string> = {
      save: 'Báo cáo đã gửi hoặc đã được chấp nhận; không sửa được nữa.',
      submit: 'Chỉ gửi được báo cáo đang soạn hoặc bị trả lại.',
      accept: 'Chỉ chấp nhận được báo cáo đã gửi.',
      return: 'Chỉ trả lại được báo cáo đã gửi.',
    };
    throw errors.conflict('INVALID_STATE', vi[action], `The report cannot be ${action}ed in state ${state ?? 'none'}.`, { state });
  }
}

function checkContent(r: { status: TaskStatus; percent: number; report: string }) {
  try {
    checkReport(r);
  } catch {
    throw errors.badRequest(
      'INVALID_PERCENT',
      'Tỷ lệ không khớp trạng thái: hoàn thành = 100%, chưa thực hiện = 0%, đang thực hiện từ 1 đến 99%.',
      'Percent does not match the status: done = 100, not started = 0, in progress 1–99.',
      { field: 'percent' },
    );
  }
}

export interface ReportInput {
  taskId: number;
  unitId: number;
  period: string;
  status: TaskStatus;
  percent: number;
  report: string;
}

/** The unit officer (or head) drafts or edits the unit's report for a quarter. */
export function saveReport(db: Db, user: SessionUser, input: ReportInput, now = new Date()) {
  if (!can(user, 'unitData.edit', { unitId: input.unitId })) throw errors.forbidden();
  return db.transaction(async (tx) => {
    const task = await requireTask(tx, input.taskId);
    await requireTaskUnit(tx, task.id, input.unitId, task.ownerUnitId);
    const m = PERIOD.exec(input.period);
    if (!m || Number(m[1]) < task.year - 1 || Number(m[1]) > task.year) {
      throw errors.badRequest('INVALID_PERIOD', `Kỳ báo cáo phải là một quý của năm ${task.year} (ví dụ ${task.year}-Q1).`, `The period must be a quarter of ${task.year}.`, { field: 'period' });
    }
    checkContent(input);
    const [existing] = await tx
      .select()
      .from(taskProgress)
      .where(and(eq(taskProgress.taskId, input.taskId), eq(taskProgress.unitId, input.unitId), eq(taskProgress.period, input.period)));
    const state = transition((existing?.state as ReportState) ?? null, 'save');
    const values = { status: input.status, percent: input.percent, report: input.report.trim(), state, updatedBy: user.id, updatedAt: now };
    const [row] = existing
      ? await tx.update(taskProgress).set(values).where(eq(taskProgress.id, existing.id)).returning()
      : await tx.insert(taskProgress).values({ ...values, taskId: input.taskId, unitId: input.unitId, period: input.period }).returning();
    await recordAudit(tx, actorOf(user), { action: 'progress.save', entityType: 'task_progress', entityId: row.id, unitId: row.unitId, before: existing ?? null, after: row }, now);
    return row;
  });
}

/** The unit head submits; Sở Nội vụ's administrators are told. */
export function submitReport(db: Db, user: SessionUser, id: number, now = new Date()) {
  return db.transaction(async (tx) => {
    const before = await requireReport(tx, id);
    if (!can(user, 'unitData.submit', { unitId: before.unitId })) throw errors.forbidden();
    const state = transition(before.state as ReportState, 'submit');
    const [after] = await tx.update(taskProgress).set({ state, submittedBy: user.id, submittedAt: now }).where(eq(taskProgress.id, id)).returning();
    await recordAudit(tx, actorOf(user), { action: 'progress.submit', entityType: 'task_progress', entityId: id, unitId: after.unitId, before, after }, now);
    const task = await requireTask(tx, after.taskId);
    const admins = await tx.select({ id: users.id }).from(users).where(and(eq(users.role, 'admin'), eq(users.active, true)));
    await notifyUsers(tx, admins.map((a) => a.id), {
      kind: 'progress.submitted',
      title: `Báo cáo tiến độ nhiệm vụ ${task.number} (${quarterLabel(after.period)}) đã được gửi`,
      link: `/plans/${task.planId}/tasks/${task.id}`,
      at: now,
    });
    return after;
  });
}

/** Sở Nội vụ accepts, or returns the report with a comment; the unit is told. */
export function reviewReport(db: Db, user: SessionUser, id: number, action: 'accept' | 'return', comment?: string, now = new Date()) {
  if (!can(user, 'plan.manage')) throw errors.forbidden();
  if (action === 'return' && !comment?.trim()) {
    throw errors.badRequest('COMMENT_REQUIRED', 'Khi trả lại báo cáo phải ghi rõ lý do.', 'A returned report needs a comment.', { field: 'comment' });
  }
  return db.transaction(async (tx) => {
    const before = await requireReport(tx, id);
    const state = transition(before.state as ReportState, action);
    const [after] = await tx
      .update(taskProgress)
      .set({ state, reviewComment: comment?.trim() || null, reviewedBy: user.id, reviewedAt: now })
      .where(eq(taskProgress.id, id))
      .returning();
    await recordAudit(tx, actorOf(user), { action: `progress.${action}`, entityType: 'task_progress', entityId: id, unitId: after.unitId, before, after }, now);
    const task = await requireTask(tx, after.taskId);
    await notifyUnit(tx, after.unitId, {
      kind: `progress.${action}`,
      title: action === 'accept' ? `Báo cáo nhiệm vụ ${task.number} (${quarterLabel(after.period)}) đã được chấp nhận` : `Báo cáo nhiệm vụ ${task.number} (${quarterLabel(after.period)}) bị trả lại`,
      body: comment?.trim() || undefined,
      link: `/plans/${task.planId}/tasks/${task.id}`,
      at: now,
    });
    return after;
  });
}

/** Sở Nội vụ urges a unit about a task (đôn đốc): the unit's users are notified; the urge is recorded. */
export function urgeUnit(db: Db, user: SessionUser, taskId: number, unitId: number, message: string, now = new Date()) {
  if (!can(user, 'plan.manage')) throw errors.forbidden();
  return db.transaction(async (tx) => {
    const task = await requireTask(tx, taskId);
    await requireTaskUnit(tx, taskId, unitId, task.ownerUnitId);
    const notified = await notifyUnit(tx, unitId, {
      kind: 'plan.urge',
      title: `Sở Nội vụ đôn đốc thực hiện nhiệm vụ ${task.number}`,
      body: message.trim() || undefined,
      link: `/plans/${task.planId}/tasks/${task.id}`,
      at: now,
    });
    await recordAudit(tx, actorOf(user), { action: 'plan.urge', entityType: 'plan_task', entityId: taskId, unitId, after: { unitId, message: message.trim(), notified } }, now);
    return { notified };
  });
}

/** The reports on a task the user may see: every unit's submitted ones, and drafts of their own unit only. */
export async function listTaskReports(db: Db, user: SessionUser, taskId: number) {
  await requireTask(db, taskId);
  const rows = await db
    .select()
    .from(taskProgress)
    .where(and(eq(taskProgress.taskId, taskId), or(ne(taskProgress.state, 'draft'), eq(taskProgress.unitId, user.unitId))))
    .orderBy(desc(taskProgress.period), desc(taskProgress.updatedAt));
  const visible = rows.filter((r) => r.unitId === user.unitId || can(user, 'unitData.read', { unitId: r.unitId }) || can(user, 'report.read', { unitId: r.unitId }));
  const files = visible.length
    ? await db
        .select({ id: progressEvidence.id, progressId: progressEvidence.progressId, fileName: progressEvidence.fileName, size: progressEvidence.size, mimeType: progressEvidence.mimeType, createdAt: progressEvidence.createdAt })
        .from(progressEvidence)
        .where(inArray(progressEvidence.progressId, visible.map((r) => r.id)))
    : [];
  return visible.map((r) => ({ ...r, status: r.status as TaskStatus, state: r.state as ReportState, evidence: files.filter((f) => f.progressId === r.id) }));
}

// ---- evidence files ------------------------------------------------------------------------------

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

/** Allowed types, told by extension and by the file's first bytes (a renamed .exe is refused). */
const EVIDENCE_TYPES: { ext: string[]; mime: string; magic: (b: Buffer) => boolean }[] = [
  { ext: ['pdf'], mime: 'application/pdf', magic: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  { ext: ['docx'], mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: (b) => b.readUInt32LE(0) === 0x04034b50 },
  { ext: ['xlsx'], mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: (b) => b.readUInt32LE(0) === 0x04034b50 },
  { ext: ['doc', 'xls'], mime: 'application/octet-stream', magic: (b) => b.subarray(0, 4).toString('hex') === 'd0cf11e0' },
  { ext: ['jpg', 'jpeg'], mime: 'image/jpeg', magic: (b) => b.subarray(0, 3).toString('hex') === 'ffd8ff' },
  { ext: ['png'], mime: 'image/png', magic: (b) => b.subarray(0, 4).toString('hex') === '89504e47' },
];

export function evidenceType(fileName: string, data: Buffer): string {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  const type = EVIDENCE_TYPES.find((t) => t.ext.includes(ext));
  if (!type || data.length < 8 || !type.magic(data)) {
    throw new AppError(415, 'FILE_TYPE', 'Chỉ nhận minh chứng dạng PDF, Word, Excel, JPG hoặc PNG (nội dung tệp phải đúng loại).', 'Evidence must be a PDF, Word, Excel, JPG or PNG file.', { fileName });
  }
  return type.mime;
}

export function addEvidence(db: Db, user: SessionUser, progressId: number, file: { name: string; data: Buffer }, now = new Date()) {
  const mimeType = evidenceType(file.name, file.data);
  return db.transaction(async (tx) => {
    const report = await requireReport(tx, progressId);
    if (!can(user, 'unitData.edit', { unitId: report.unitId })) throw errors.forbidden();
    transition(report.state as ReportState, 'save');
    const sha256 = createHash('sha256').update(file.data).digest('hex');
    const fileName = file.name.normalize('NFC').replace(/[\\/]/g, '_').slice(0, 200);
    const [row] = await tx
      .insert(progressEvidence)
      .values({ progressId, fileName, mimeType, size: file.data.length, sha256, content: file.data, uploadedBy: user.id, createdAt: now })
      .returning({ id: progressEvidence.id, fileName: progressEvidence.fileName, size: progressEvidence.size, mimeType: progressEvidence.mimeType });
    await recordAudit(tx, actorOf(user), { action: 'progress.evidence', entityType: 'task_progress', entityId: progressId, unitId: report.unitId, after: { evidenceId: row.id, fileName, size: file.data.length, sha256 } }, now);
    return row;
  });
}

export async function getEvidence(db: Db, user: SessionUser, id: number) {
  const [row] = await db
    .select({ e: progressEvidence, unitId: taskProgress.unitId, state: taskProgress.state })
    .from(progressEvidence)
    .innerJoin(taskProgress, eq(taskProgress.id, progressEvidence.progressId))
    .where(eq(progressEvidence.id, id));
  if (!row) throw errors.notFound('evidence');
  const own = row.unitId === user.unitId;
  if (!own && (row.state === 'draft' || !(can(user, 'unitData.read', { unitId: row.unitId }) || can(user, 'report.read', { unitId: row.unitId })))) {
    throw errors.notFound('evidence');
  }
  return row.e;
}

export interface UnitTaskInput {
  planId: number;
  unitId: number;
  area: number;
  text: string;
  product: string;
  timeframe: string;
  budget: string;
}

/**
 * A department or locality adds a task of its own under the province's plan (nhiệm vụ đơn vị tự đề ra):
 * numbered after the last task of the area, led by the unit, its timeframe read like the plan's.
 */
export function addUnitTask(db: Db, user: SessionUser, input: UnitTaskInput, now = new Date()) {
  if (!can(user, 'unitData.edit', { unitId: input.unitId })) throw errors.forbidden();
  return db.transaction(async (tx) => {
    const [plan] = await tx.select().from(plans).where(eq(plans.id, input.planId));
    if (!plan) throw errors.notFound('plan');
    const [area] = await tx.select().from(planAreas).where(and(eq(planAreas.planId, plan.id), eq(planAreas.number, input.area)));
    if (!area) throw errors.badRequest('UNKNOWN_AREA', `Kế hoạch không có lĩnh vực ${input.area}.`, `The plan has no area ${input.area}.`, { field: 'area' });
    const budget = parseBudget(input.budget);
    if (budget === 'invalid') throw errors.badRequest('INVALID_BUDGET', `Kinh phí "${input.budget}" không hợp lệ.`, 'Invalid budget.', { field: 'budget' });
    const timeframe = parseTimeframe(input.timeframe, plan.year);
    const numbers = await tx.select({ number: planTasks.number }).from(planTasks).where(eq(planTasks.areaId, area.id));
    const next = Math.max(0, ...numbers.map((n) => Number(n.number.split('.')[1]) || 0)) + 1;
    const number = `${input.area}.${next}`;
    const [task] = await tx
      .insert(planTasks)
      .values({
        planId: plan.id,
        areaId: area.id,
        number,
        sortKey: taskSortKey(number),
        text: input.text.trim(),
        leadText: '',
        coordinatingText: '',
        leadGroups: [],
        coordinatingGroups: [],
        due: timeframe.due,
        budgetMillion: budget.milli === null ? null : formatMilli(budget.milli),
        ownerUnitId: input.unitId,
      })
      .returning();
    await tx.insert(planTaskProducts).values({
      taskId: task.id,
      seq: 0,
      text: input.product.trim(),
      timeframeText: input.timeframe.trim(),
      timeframeKind: timeframe.kind,
      windows: timeframe.windows,
      recurring: timeframe.recurring,
      due: timeframe.due,
      budgetMillion: task.budgetMillion,
      budgetNote: budget.note,
    });
    await tx.insert(planTaskUnits).values({ taskId: task.id, unitId: input.unitId, role: 'lead', via: 'named' });
    await recordAudit(tx, actorOf(user), { action: 'plan.unit_task', entityType: 'plan_task', entityId: task.id, unitId: input.unitId, after: { ...task, timeframe: input.timeframe } }, now);
    return { id: task.id, number, due: timeframe.due, timeframeKind: timeframe.kind };
  });
}
