/**
 * Use cases of citizen feedback (PAKN): intake from the public form and by staff, the steps of Decree 20/2008
 * (classify, transfer, ask for information, information received, answer, approve or return, publish) and the
 * citizen's rating. Each step locks the item, applies the domain transition, writes the item, its event, the
 * counters' change and the audit entry in one transaction.
 */
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { feedbackEvents, feedbackFiles, feedbackItems, feedbackLimits, orgUnits, procedures } from '../../db/schema.js';
import { AppError, errors } from '../../errors.js';
import { recordAudit, type AuditActor } from '../audit/record.js';
import { loadCalendar } from '../calendar/calendar.js';
import { notifyUnit } from '../notifications/notify.js';
import { evidenceType } from '../plans/progress.js';
import { applyContributions } from './counters.js';
import type { SessionUser } from '../auth/sessions.js';
import {
  allowed, applyEvent, type Channel, clock, contribution, type Contribution, DEFAULT_LIMITS, type FeedbackEventKind, type FeedbackState, type FeedbackStateName,
  lateAt, localDay, nextEvents, type Party, type TimeLimits, trackingCode,
} from '../../../domain/feedback/process.js';

export type Item = typeof feedbackItems.$inferSelect;

export const MAX_FILES = 3;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_CONTENT = 10_000;

/** The instants of a stored process state back as Dates. */
const DATE_KEYS = ['receivedAt', 'lastEventAt', 'handleStart', 'pausedSince', 'lateSince', 'closedAt', 'approvedAt', 'publishedAt'] as const;
export function revive(p: unknown): FeedbackState {
  const s = { ...(p as Record<string, unknown>) };
  for (const k of DATE_KEYS) s[k] = s[k] ? new Date(s[k] as string) : null;
  return s as unknown as FeedbackState;
}

/** Who the user is for this item: the desk (Sở Nội vụ, the administrator), an officer or the head of its current unit. */
export function partyOf(user: SessionUser, item: Pick<Item, 'unitId'>): Party | null {
  if (user.role === 'admin') return 'desk';
  if (item.unitId !== null && item.unitId === user.unitId) {
    if (user.role === 'unit_head') return 'head';
    if (user.role === 'unit_officer') return 'officer';
  }
  return null;
}

/** A unit sees its items and those ever assigned or transferred to it; the desk and the province's leaders see all. */
export function canSee(user: SessionUser, item: Pick<Item, 'unitId' | 'unitIds'>): boolean {
  if (user.role === 'admin' || user.role === 'leader') return true;
  if (user.role !== 'unit_officer' && user.role !== 'unit_head') return false;
  return item.unitId === user.unitId || item.unitIds.includes(user.unitId);
}

export async function limitsFor(db: Db | Tx, field: string | null): Promise<TimeLimits> {
  const rows = await db.select().from(feedbackLimits);
  const row = rows.find((r) => field && r.kind === field) ?? rows.find((r) => r.kind === '');
  if (!row) return DEFAULT_LIMITS;
  return { refuseDays: row.refuseDays, forwardDays: row.forwardDays, infoRequestDays: row.infoRequestDays, handleDays: row.handleDays, publishDays: row.publishDays };
}

const bad = (code: string, vi: string, en: string, field?: string) => errors.badRequest(code, vi, en, field ? { field } : {});

/** Markup that would run in a browser: refused (plain "<" or ">" stays text, and all text is shown as text). */
const SCRIPT = /<\s*\/?\s*(script|iframe|object|embed|svg|img|style|link|meta)\b|\bon[a-z]+\s*=|javascript\s*:/i;

export function checkText(field: string, value: string | null | undefined, max: number, required = false): string | null {
  const v = (value ?? '').trim();
  if (!v) {
    if (required) throw bad('REQUIRED', `Chưa nhập "${LABELS[field] ?? field}".`, `"${field}" is required.`, field);
    return null;
  }
  if (v.length > max) throw bad('TOO_LONG', `"${LABELS[field] ?? field}" dài quá ${max.toLocaleString('vi-VN')} ký tự.`, `"${field}" is longer than ${max} characters.`, field);
  if (SCRIPT.test(v)) throw bad('SCRIPT_NOT_ALLOWED', `"${LABELS[field] ?? field}" có đoạn mã (thẻ HTML hoặc script); hãy chỉ nhập văn bản.`, `"${field}" contains markup or script; send plain text.`, field);
  return v;
}
const LABELS: Record<string, string> = { name: 'Họ và tên', phone: 'Số điện thoại', email: 'Thư điện tử', address: 'Địa chỉ', content: 'Nội dung', reason: 'Lý do', question: 'Nội dung yêu cầu bổ sung', answer: 'Nội dung trả lời', text: 'Thông tin bổ sung', dossierCode: 'Mã hồ sơ', procedureCode: 'Mã thủ tục', field: 'Lĩnh vực' };

const PHONE = /^\+?[0-9][0-9 .-]{7,18}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;
const digits = (s: string) => s.replace(/\D/g, '').replace(/^84/, '0');

export interface IntakeInput {
  channel: Channel;
  name: string;
  phone?: string | null;
  email?: string | null;
  address: string;
  content: string;
  unitId?: number | null;
  procedureCode?: string | null;
  dossierCode?: string | null;
  field?: string | null;
  /** staff: when it was received (by phone, letter…); default now */
  receivedAt?: Date;
}

export interface UploadedFile {
  name: string;
  data: Buffer;
}

/** Every check of an intake before anything is written (Decree 20/2008 art. 7: name, address, a way to reply). */
export async function checkIntake(db: Db | Tx, input: IntakeInput, files: UploadedFile[]) {
  const name = checkText('name', input.name, 200, true)!;
  const address = checkText('address', input.address, 500, true)!;
  const content = checkText('content', input.content, MAX_CONTENT, true)!;
  const phone = checkText('phone', input.phone, 30);
  const email = checkText('email', input.email, 254);
  if (!phone && !email) throw bad('CONTACT_REQUIRED', 'Cần số điện thoại hoặc thư điện tử để cơ quan trả lời.', 'A phone number or an e-mail address is required.', 'phone');
  if (phone && !PHONE.test(phone)) throw bad('INVALID_PHONE', 'Số điện thoại không hợp lệ.', 'The phone number is not valid.', 'phone');
  if (email && !EMAIL.test(email)) throw bad('INVALID_EMAIL', 'Thư điện tử không hợp lệ.', 'The e-mail address is not valid.', 'email');
  const dossierCode = checkText('dossierCode', input.dossierCode, 100);
  const procedureCode = checkText('procedureCode', input.procedureCode, 50);
  let field = checkText('field', input.field, 200);
  if (procedureCode) {
    const [p] = await db.select({ field: procedures.field }).from(procedures).where(eq(procedures.code, procedureCode)).limit(1);
    if (!p) throw bad('UNKNOWN_PROCEDURE', 'Không có thủ tục hành chính với mã này.', 'No procedure has this code.', 'procedureCode');
    field = field ?? p.field;
  }
  if (input.unitId) {
    const [u] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, input.unitId));
    if (!u) throw bad('UNKNOWN_UNIT', 'Không có đơn vị này.', 'No such unit.', 'unitId');
  }
  if (files.length > MAX_FILES) throw errors.tooLarge('TOO_MANY_FILES', `Gửi tối đa ${MAX_FILES} tệp.`, `At most ${MAX_FILES} files.`);
  const checked = files.map((f) => {
    if (f.data.length > MAX_FILE_BYTES) throw errors.tooLarge('FILE_TOO_LARGE', 'Mỗi tệp tối đa 5 MB.', 'Each file may be at most 5 MB.', { fileName: f.name });
    return { ...f, mimeType: evidenceType(f.name, f.data), fileName: f.name.normalize('NFC').replace(/[\\/]/g, '_').slice(0, 200) };
  });
  return { name, address, content, phone, email, dossierCode, procedureCode, field, files: checked };
}

/** The next tracking code of the day: one row per day, incremented under its row lock (safe under concurrency). */
async function nextCode(tx: Tx, day: string): Promise<string> {
  const r = await tx.execute(sql`insert into feedback_code_seq (day, last) values (${day}, 1) on conflict (day) do update set last = feedback_code_seq.last + 1 returning last`);
  const n = Number((r as unknown as { rows: { last: number }[] }).rows[0].last);
  return trackingCode(day, n);
}

export interface Actor {
  /** null: the citizen */
  user: SessionUser | null;
}
const auditOf = (user: SessionUser | null): AuditActor => (user ? { id: user.id, name: user.username } : { id: null, name: 'công dân' });

/** Intake: the public form (user null, channel web) or staff entering an item received by phone, letter, e-mail or the portal. */
export async function receiveFeedback(db: Db, user: SessionUser | null, input: IntakeInput, files: UploadedFile[] = [], now = new Date()) {
  const c = await checkIntake(db, input, files);
  const at = user && input.receivedAt ? input.receivedAt : now;
  if (at > now) throw bad('FUTURE', 'Thời điểm tiếp nhận ở tương lai.', 'The receipt time is in the future.', 'receivedAt');
  if (user && !(user.role === 'admin' || user.role === 'unit_officer' || user.role === 'unit_head')) throw errors.forbidden();
  // staff of a unit receive for their own unit; the desk and the public form leave it at the desk
  const unitId = user && user.role !== 'admin' ? user.unitId : null;
  const cal = await loadCalendar(db);
  const limits = await limitsFor(db, c.field);
  const state = applyEvent(null, { kind: 'received', at, unitId }, limits, cal);
  const meta = { channel: input.channel, field: c.field };
  const counted = contribution(state, meta, limits, cal);
  return db.transaction(async (tx) => {
    const code = await nextCode(tx, localDay(at));
    const [row] = await tx
      .insert(feedbackItems)
      .values({
        code, channel: input.channel, name: c.name, phone: c.phone, email: c.email, address: c.address, content: c.content,
        suggestedUnitId: input.unitId ?? null, unitId, unitIds: unitId ? [unitId] : [], procedureCode: c.procedureCode, dossierCode: c.dossierCode, field: c.field,
        state: state.state, process: state, limits, receivedAt: at, dueAt: clock(state, limits, cal, at).deadline, lateAt: lateAt(state, limits, cal), counted, updatedAt: at,
      })
      .returning({ id: feedbackItems.id });
    await tx.insert(feedbackEvents).values({ feedbackId: row.id, kind: 'received', at, actorId: user?.id ?? null, actorName: user?.fullName ?? 'Công dân', toUnitId: unitId, note: `Kênh: ${input.channel}` });
    for (const f of c.files) {
      await tx.insert(feedbackFiles).values({ feedbackId: row.id, fileName: f.fileName, mimeType: f.mimeType, size: f.data.length, sha256: createHash('sha256').update(f.data).digest('hex'), content: f.data, createdAt: at });
    }
    await applyContributions(tx, [], counted);
    // the trail keeps who sent it and through which channel, not the citizen's personal data
    await recordAudit(tx, auditOf(user), { action: 'feedback.receive', entityType: 'feedback', entityId: row.id, unitId, after: { code, channel: input.channel, field: c.field, files: c.files.length } }, at);
    return { id: row.id, code, receivedAt: at };
  });
}

export interface StepInput {
  kind: FeedbackEventKind;
  unitId?: number | null;
  note?: string | null;
  /** columns set with the step */
  patch?: Partial<Pick<Item, 'classification' | 'field' | 'question' | 'answer' | 'answeredAt' | 'publishedAt'>>;
}

async function lockItem(tx: Tx, where: ReturnType<typeof eq>): Promise<Item> {
  const [item] = await tx.select().from(feedbackItems).where(where).for('update');
  if (!item) throw errors.notFound('feedback');
  return item;
}

/**
 * One step of the process on item `id` by `user` (null: the citizen, already identified by code and contact).
 * Refused with 404 when the user cannot see the item, 403 when they may not make this step, 409 when the
 * state does not allow it.
 */
export async function step(db: Db, user: SessionUser | null, id: number, input: StepInput, now = new Date()) {
  const cal = await loadCalendar(db);
  return db.transaction(async (tx) => {
    const item = await lockItem(tx, eq(feedbackItems.id, id));
    if (user && !canSee(user, item)) throw errors.notFound('feedback');
    const party: Party | null = user ? partyOf(user, item) : 'citizen';
    const prev = revive(item.process);
    if (!party || !allowed(prev.state, input.kind, party)) {
      if (party && !allowed(prev.state, input.kind, 'desk') && !allowed(prev.state, input.kind, 'head') && !allowed(prev.state, input.kind, 'officer') && !allowed(prev.state, input.kind, 'citizen')) {
        throw new AppError(409, 'INVALID_TRANSITION', `Phản ánh đang ở trạng thái "${STATE_VI[prev.state]}", không thể thực hiện thao tác này.`, `Not possible in state ${prev.state}.`, { state: prev.state, kind: input.kind });
      }
      throw errors.forbidden();
    }
    if (input.unitId) {
      const [u] = await tx.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, input.unitId));
      if (!u) throw bad('UNKNOWN_UNIT', 'Không có đơn vị này.', 'No such unit.', 'unitId');
    }
    const at = now < prev.lastEventAt ? prev.lastEventAt : now;
    const limits = item.limits as TimeLimits;
    const next = applyEvent(prev, { kind: input.kind, at, unitId: input.unitId }, limits, cal);
    const field = input.patch?.field ?? item.field;
    const counted = contribution(next, { channel: item.channel, field }, limits, cal);
    const unitIds = next.unitId && !item.unitIds.includes(next.unitId) ? [...item.unitIds, next.unitId] : item.unitIds;
    await tx
      .update(feedbackItems)
      .set({
        ...input.patch, state: next.state, process: next, unitId: next.unitId, unitIds, dueAt: clock(next, limits, cal, at).deadline, lateAt: lateAt(next, limits, cal),
        closedAt: next.closedAt, closedLate: next.closedLate, counted, updatedAt: at,
        ...(input.kind === 'info_received' ? { question: null } : {}),
      })
      .where(eq(feedbackItems.id, id));
    await tx.insert(feedbackEvents).values({ feedbackId: id, kind: input.kind, at, actorId: user?.id ?? null, actorName: user?.fullName ?? 'Công dân', fromUnitId: prev.unitId, toUnitId: next.unitId, note: input.note ?? null });
    await applyContributions(tx, item.counted as Contribution[], counted);
    await recordAudit(tx, auditOf(user), {
      action: `feedback.${input.kind}`, entityType: 'feedback', entityId: id, unitId: next.unitId,
      before: { state: prev.state, unitId: prev.unitId }, after: { state: next.state, unitId: next.unitId, reason: input.note ?? null, closedLate: next.closedLate },
    }, at);
    const link = `/feedback/${id}`;
    if ((input.kind === 'accepted' || input.kind === 'transferred') && next.unitId) await notifyUnit(tx, next.unitId, { kind: 'feedback', title: `Được giao xử lý phản ánh ${item.code}`, body: input.note ?? undefined, link, at });
    if (input.kind === 'info_received' && next.unitId) await notifyUnit(tx, next.unitId, { kind: 'feedback', title: `Đã có thông tin bổ sung cho phản ánh ${item.code}`, link, at });
    if (input.kind === 'answered' && next.unitId) await notifyUnit(tx, next.unitId, { kind: 'feedback', title: `Dự thảo trả lời phản ánh ${item.code} chờ duyệt`, link, at });
    return { id, code: item.code, state: next.state };
  });
}

export const STATE_VI: Record<FeedbackStateName, string> = {
  received: 'Đã tiếp nhận, chờ phân loại',
  refused: 'Từ chối tiếp nhận',
  forwarded_conduct: 'Đã chuyển cơ quan quản lý cán bộ',
  forwarded_outside: 'Đã chuyển cơ quan có thẩm quyền',
  assigned: 'Đang xử lý',
  info_requested: 'Chờ bổ sung thông tin',
  answered: 'Đã dự thảo trả lời, chờ duyệt',
  approved: 'Đã duyệt trả lời, chờ công khai',
  published: 'Đã công khai trả lời',
};

export type Classification = 'refused' | 'conduct' | 'within' | 'outside';
const CLASSIFY: Record<Classification, FeedbackEventKind> = { refused: 'refused', conduct: 'forwarded_conduct', within: 'accepted', outside: 'forwarded_outside' };

export function classify(db: Db, user: SessionUser, id: number, body: { kind: Classification; unitId?: number; reason?: string; forwardedTo?: string; field?: string }, now = new Date()) {
  const reason = checkText('reason', body.reason, 2000, body.kind !== 'within');
  const forwardedTo = checkText('reason', body.forwardedTo, 300);
  const field = checkText('field', body.field, 200);
  if (body.kind === 'within' && !body.unitId) throw bad('UNIT_REQUIRED', 'Chọn đơn vị được giao xử lý.', 'Choose the unit to handle it.', 'unitId');
  const note = [reason, forwardedTo ? `Chuyển đến: ${forwardedTo}` : null].filter(Boolean).join(' — ') || null;
  return step(db, user, id, { kind: CLASSIFY[body.kind], unitId: body.kind === 'within' ? body.unitId : undefined, note, patch: { classification: body.kind, ...(field ? { field } : {}) } }, now);
}

export function transfer(db: Db, user: SessionUser, id: number, body: { unitId: number; reason: string }, now = new Date()) {
  const reason = checkText('reason', body.reason, 2000, true);
  return step(db, user, id, { kind: 'transferred', unitId: body.unitId, note: reason }, now);
}

export function requestInfo(db: Db, user: SessionUser, id: number, body: { question: string }, now = new Date()) {
  const question = checkText('question', body.question, 2000, true);
  return step(db, user, id, { kind: 'info_requested', note: question, patch: { question } }, now);
}

export function infoReceived(db: Db, user: SessionUser | null, id: number, body: { text: string }, now = new Date()) {
  const text = checkText('text', body.text, MAX_CONTENT, true);
  return step(db, user, id, { kind: 'info_received', note: text }, now);
}

export function answer(db: Db, user: SessionUser, id: number, body: { answer: string }, now = new Date()) {
  const text = checkText('answer', body.answer, MAX_CONTENT, true);
  return step(db, user, id, { kind: 'answered', note: null, patch: { answer: text, answeredAt: now } }, now);
}

export function approve(db: Db, user: SessionUser, id: number, body: { decision?: 'approve' | 'return'; reason?: string }, now = new Date()) {
  if (body.decision === 'return') return step(db, user, id, { kind: 'answer_returned', note: checkText('reason', body.reason, 2000, true) }, now);
  return step(db, user, id, { kind: 'approved', note: checkText('reason', body.reason, 2000) }, now);
}

export function publish(db: Db, user: SessionUser, id: number, now = new Date()) {
  return step(db, user, id, { kind: 'published', patch: { publishedAt: now } }, now);
}

/** The citizen, by code and the phone or e-mail given at intake (codes are sequential, so the code alone is not enough). */
export async function citizenItem(db: Db | Tx, code: string, contact: string): Promise<Item> {
  const [item] = await db.select().from(feedbackItems).where(eq(feedbackItems.code, code));
  const c = (contact ?? '').trim();
  const matches = item && c && ((item.phone && digits(item.phone) === digits(c) && digits(c).length >= 8) || (item.email && item.email.toLowerCase() === c.toLowerCase()));
  if (!item || !matches) throw new AppError(404, 'NOT_FOUND', 'Không tìm thấy phản ánh với mã và số điện thoại/thư điện tử này.', 'No feedback with this code and contact.');
  return item;
}

export async function citizenInfo(db: Db, code: string, body: { contact: string; text: string }, now = new Date()) {
  const item = await citizenItem(db, code, body.contact);
  return infoReceived(db, null, item.id, { text: body.text }, now);
}

/** The citizen rates the published answer, once. */
export async function rate(db: Db, code: string, body: { contact: string; satisfied: boolean }, now = new Date()) {
  return db.transaction(async (tx) => {
    const found = await citizenItem(tx, code, body.contact);
    const item = await lockItem(tx, eq(feedbackItems.id, found.id));
    if (item.state !== 'published') throw errors.conflict('NOT_PUBLISHED', 'Chỉ đánh giá được khi câu trả lời đã được công khai.', 'Only a published answer can be rated.');
    if (item.rating) throw errors.conflict('ALREADY_RATED', 'Phản ánh này đã được đánh giá.', 'This answer has already been rated.');
    const rating = body.satisfied ? 'satisfied' : 'unsatisfied';
    await tx.update(feedbackItems).set({ rating, ratedAt: now }).where(and(eq(feedbackItems.id, item.id), sql`${feedbackItems.rating} is null`));
    await tx.insert(feedbackEvents).values({ feedbackId: item.id, kind: 'rated', at: now, actorId: null, actorName: 'Công dân', note: rating });
    await recordAudit(tx, auditOf(null), { action: 'feedback.rate', entityType: 'feedback', entityId: item.id, unitId: item.unitId, after: { rating } }, now);
    return { code, rating };
  });
}

/** The actions this user may take on the item now. */
export function actionsFor(user: SessionUser, item: Item): FeedbackEventKind[] {
  const party = partyOf(user, item);
  return party ? nextEvents(item.state as FeedbackStateName, party) : [];
}

/**
 * Reminders through the notifications: each unit with open items overdue or due within three working days is
 * told how many, once a day (a second call on the same day notifies no one again).
 */
export async function sendReminders(db: Db, actor: SessionUser, now = new Date()) {
  const cal = await loadCalendar(db);
  const day = cal.minutesPerDay();
  const today = localDay(now);
  const open = await db.select().from(feedbackItems).where(sql`${feedbackItems.closedAt} is null and ${feedbackItems.unitId} is not null`);
  const perUnit = new Map<number, { overdue: number; soon: number }>();
  for (const i of open) {
    const c = clock(revive(i.process), i.limits as TimeLimits, cal, now);
    const u = perUnit.get(i.unitId!) ?? { overdue: 0, soon: 0 };
    if (c.overdue) u.overdue += 1;
    else if (!c.stopped && c.leftMinutes !== null && c.leftMinutes <= 3 * day) u.soon += 1;
    perUnit.set(i.unitId!, u);
  }
  return db.transaction(async (tx) => {
    const done = await tx.execute(sql`select 1 from audit_events where action = 'feedback.reminders' and entity_id = ${today} limit 1`);
    if ((done as unknown as { rows: unknown[] }).rows.length) return { units: 0, alreadySent: true };
    let units = 0;
    for (const [unitId, n] of perUnit) {
      if (!n.overdue && !n.soon) continue;
      units += 1;
      await notifyUnit(tx, unitId, { kind: 'feedback', title: `Phản ánh, kiến nghị: ${n.overdue} quá hạn, ${n.soon} sắp đến hạn (trong 3 ngày làm việc)`, link: '/feedback?state=open', at: now });
    }
    await recordAudit(tx, auditOf(actor), { action: 'feedback.reminders', entityType: 'feedback', entityId: today, after: { units } }, now);
    return { units, alreadySent: false };
  });
}
