/** Reads of feedback: the staff's lists and item page, the public lookup by code and the published answers. */
import { atOnce } from '../../db/atOnce.js';
import ExcelJS from 'exceljs';
import { and, arrayContains, asc, desc, eq, ilike, inArray, isNotNull, isNull, lte, gt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { feedbackEvents, feedbackFiles, feedbackItems, orgUnitNames } from '../../db/schema.js';
import { errors } from '../../errors.js';
import { loadCalendar } from '../calendar/calendar.js';
import { setupPrint } from '../files/xlsxPrint.js';
import type { SessionUser } from '../auth/sessions.js';
import { clock, type FeedbackStateName, STATES, type TimeLimits, timeLeftText } from '../../../domain/feedback/process.js';
import { toVietnamIso } from '../../../domain/calendar/workingCalendar.js';
import { actionsFor, canSee, type Item, revive, STATE_VI } from './items.js';

export async function unitNames(db: Db): Promise<Map<number, string>> {
  const rows = await db.select({ unitId: orgUnitNames.unitId, name: orgUnitNames.name, validFrom: orgUnitNames.validFrom }).from(orgUnitNames).orderBy(asc(orgUnitNames.validFrom));
  return new Map(rows.map((r) => [r.unitId, r.name]));
}

export interface ListQuery {
  unit?: number;
  state?: FeedbackStateName | 'open';
  overdue?: boolean;
  q?: string;
  /** received on or after / on or before (Vietnamese local days) */
  from?: string;
  to?: string;
  sort?: 'left' | 'received';
  limit?: number;
  offset?: number;
}

/** What a user may list: everything for the desk and the province's leaders; for a unit, its items and those transferred to it. */
function visibility(user: SessionUser): SQL | undefined {
  if (user.role === 'admin' || user.role === 'leader') return undefined;
  if (user.role !== 'unit_officer' && user.role !== 'unit_head') return sql`false`;
  return or(eq(feedbackItems.unitId, user.unitId), arrayContains(feedbackItems.unitIds, [user.unitId]));
}

export async function listFeedback(db: Db, user: SessionUser, q: ListQuery, now = new Date()) {
  const i = feedbackItems;
  const open = sql`${i.closedAt} is null`;
  const where = and(
    visibility(user),
    q.unit !== undefined ? (q.unit === 0 ? isNull(i.unitId) : eq(i.unitId, q.unit)) : undefined,
    q.state === 'open' ? open : q.state ? eq(i.state, q.state) : undefined,
    q.overdue === true ? and(open, lte(i.lateAt, now)) : q.overdue === false ? and(open, or(isNull(i.lateAt), gt(i.lateAt, now))) : undefined,
    q.q ? or(ilike(i.code, `%${q.q}%`), ilike(i.content, `%${q.q}%`)) : undefined,
    q.from ? sql`${i.receivedAt} >= ${new Date(`${q.from}T00:00:00+07:00`)}` : undefined,
    q.to ? sql`${i.receivedAt} <= ${new Date(`${q.to}T23:59:59.999+07:00`)}` : undefined,
  );
  const order = q.sort === 'received' ? [desc(i.receivedAt)] : [sql`${i.dueAt} asc nulls last`, asc(i.receivedAt)];
  const [rows, [{ n }]] = await atOnce(db, [
    () => db.select().from(i).where(where).orderBy(...order).limit(q.limit ?? 50).offset(q.offset ?? 0),
    () => db.select({ n: sql<string>`count(*)` }).from(i).where(where),
  ]);
  const cal = await loadCalendar(db);
  const names = await unitNames(db);
  return { total: Number(n), items: rows.map((r) => row(r, cal, names, now)) };
}

function row(r: Item, cal: Awaited<ReturnType<typeof loadCalendar>>, names: Map<number, string>, now: Date) {
  const c = clock(revive(r.process), r.limits as TimeLimits, cal, now);
  return {
    id: r.id, code: r.code, channel: r.channel, state: r.state, stateText: STATE_VI[r.state as FeedbackStateName], field: r.field,
    unitId: r.unitId, unit: r.unitId ? (names.get(r.unitId) ?? null) : null, summary: r.content.slice(0, 160),
    receivedAt: toVietnamIso(r.receivedAt), step: c.step, deadline: c.deadline ? toVietnamIso(c.deadline) : null, stopped: c.stopped,
    usedMinutes: c.usedMinutes, leftMinutes: c.leftMinutes, leftText: c.leftMinutes === null ? null : timeLeftText(c.leftMinutes, cal), overdue: c.overdue,
    closedLate: r.closedLate,
  };
}

export async function getFeedback(db: Db, user: SessionUser, id: number, now = new Date()) {
  const [r] = await db.select().from(feedbackItems).where(eq(feedbackItems.id, id));
  if (!r || !canSee(user, r)) throw errors.notFound('feedback');
  const cal = await loadCalendar(db);
  const names = await unitNames(db);
  const events = await db.select().from(feedbackEvents).where(eq(feedbackEvents.feedbackId, id)).orderBy(asc(feedbackEvents.at), asc(feedbackEvents.id));
  const files = await db.select({ id: feedbackFiles.id, fileName: feedbackFiles.fileName, mimeType: feedbackFiles.mimeType, size: feedbackFiles.size }).from(feedbackFiles).where(eq(feedbackFiles.feedbackId, id));
  const s = revive(r.process);
  return {
    ...row(r, cal, names, now),
    name: r.name, phone: r.phone, email: r.email, address: r.address, content: r.content,
    suggestedUnitId: r.suggestedUnitId, suggestedUnit: r.suggestedUnitId ? (names.get(r.suggestedUnitId) ?? null) : null,
    procedureCode: r.procedureCode, dossierCode: r.dossierCode, classification: r.classification, question: r.question, answer: r.answer,
    publishedAt: r.publishedAt ? toVietnamIso(r.publishedAt) : null, rating: r.rating, limits: r.limits, transfers: s.transfers, pausedMinutes: s.pausedMinutes,
    units: r.unitIds.map((u) => ({ id: u, name: names.get(u) ?? String(u) })),
    timeline: events.map((e) => ({ kind: e.kind, at: toVietnamIso(e.at), actor: e.actorName, fromUnit: e.fromUnitId ? (names.get(e.fromUnitId) ?? null) : null, toUnit: e.toUnitId ? (names.get(e.toUnitId) ?? null) : null, note: e.note })),
    files,
    actions: actionsFor(user, r),
  };
}

export async function getFeedbackFile(db: Db, user: SessionUser, id: number, fileId: number) {
  const [r] = await db.select().from(feedbackItems).where(eq(feedbackItems.id, id));
  if (!r || !canSee(user, r)) throw errors.notFound('file');
  const [f] = await db.select().from(feedbackFiles).where(and(eq(feedbackFiles.id, fileId), eq(feedbackFiles.feedbackId, id)));
  if (!f) throw errors.notFound('file');
  return f;
}

/** The public lookup by code: states and dates, the unit, the answer once published; never the sender's data. */
export async function publicFeedback(db: Db, code: string, now = new Date()) {
  const [r] = await db.select().from(feedbackItems).where(eq(feedbackItems.code, code));
  if (!r) throw errors.notFound('feedback');
  const cal = await loadCalendar(db);
  const names = await unitNames(db);
  const events = await db.select({ kind: feedbackEvents.kind, at: feedbackEvents.at }).from(feedbackEvents).where(eq(feedbackEvents.feedbackId, r.id)).orderBy(asc(feedbackEvents.at), asc(feedbackEvents.id));
  const c = clock(revive(r.process), r.limits as TimeLimits, cal, now);
  const published = r.state === 'published';
  return {
    code: r.code, state: r.state, stateText: STATE_VI[r.state as FeedbackStateName], field: r.field, unit: r.unitId ? (names.get(r.unitId) ?? null) : null,
    receivedAt: toVietnamIso(r.receivedAt), deadline: c.deadline ? toVietnamIso(c.deadline) : null, stopped: c.stopped,
    leftText: c.leftMinutes === null ? null : timeLeftText(c.leftMinutes, cal),
    question: r.state === 'info_requested' ? r.question : null,
    answer: published ? r.answer : null, publishedAt: r.publishedAt && published ? toVietnamIso(r.publishedAt) : null,
    rated: r.rating !== null,
    timeline: events.filter((e) => e.kind !== 'rated').map((e) => ({ kind: e.kind, at: toVietnamIso(e.at) })),
  };
}

/** Published answers, searchable, by field and unit (no personal data). */
export async function publishedAnswers(db: Db, q: { q?: string; field?: string; unit?: number; limit?: number; offset?: number }) {
  const i = feedbackItems;
  const where = and(eq(i.state, 'published'), isNotNull(i.publishedAt), q.field ? eq(i.field, q.field) : undefined, q.unit ? eq(i.unitId, q.unit) : undefined, q.q ? or(ilike(i.content, `%${q.q}%`), ilike(i.answer, `%${q.q}%`), ilike(i.code, `%${q.q}%`)) : undefined);
  const [rows, [{ n }], fields] = await atOnce(db, [
    () => db.select({ code: i.code, field: i.field, unitId: i.unitId, content: i.content, answer: i.answer, receivedAt: i.receivedAt, publishedAt: i.publishedAt }).from(i).where(where).orderBy(desc(i.publishedAt)).limit(q.limit ?? 20).offset(q.offset ?? 0),
    () => db.select({ n: sql<string>`count(*)` }).from(i).where(where),
    () => db.selectDistinct({ field: i.field }).from(i).where(and(eq(i.state, 'published'), isNotNull(i.field))),
  ]);
  const names = await unitNames(db);
  return {
    total: Number(n),
    fields: fields.map((f) => f.field!).sort(),
    items: rows.map((r) => ({ code: r.code, field: r.field, unit: r.unitId ? (names.get(r.unitId) ?? null) : null, content: r.content, answer: r.answer, receivedAt: toVietnamIso(r.receivedAt), publishedAt: toVietnamIso(r.publishedAt!) })),
  };
}

const vnDateTime = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 16)}` : '');
export const CHANNEL_VI: Record<string, string> = { web: 'Cổng thông tin (trực tuyến)', hotline: 'Tổng đài 1022', letter: 'Thư, văn bản', email: 'Thư điện tử', portal: 'Cổng Dịch vụ công quốc gia', direct: 'Trực tiếp' };

/** The list as .xlsx with its print setup (the same filters and visibility as the screen; no personal data). */
export async function exportFeedbackXlsx(db: Db, user: SessionUser, q: ListQuery, now = new Date()): Promise<Buffer> {
  const { items } = await listFeedback(db, user, { ...q, limit: 10_000, offset: 0 }, now);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cchc';
  const title = `Danh sách phản ánh, kiến nghị — lập lúc ${vnDateTime(toVietnamIso(now))}`;
  const ws = wb.addWorksheet('Phản ánh, kiến nghị', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.addRow([title]).font = { bold: true, size: 13 };
  const header = ws.addRow(['STT', 'Mã', 'Kênh', 'Lĩnh vực', 'Đơn vị xử lý', 'Trạng thái', 'Tiếp nhận', 'Hạn bước hiện tại', 'Thời gian còn lại', 'Quá hạn', 'Tóm tắt']);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  items.forEach((r, k) => {
    ws.addRow([k + 1, r.code, CHANNEL_VI[r.channel] ?? r.channel, r.field ?? '', r.unit ?? 'Bộ phận tiếp nhận', r.stateText, vnDateTime(r.receivedAt), vnDateTime(r.deadline), r.stopped ? `tạm dừng (${r.leftText})` : (r.leftText ?? ''), r.overdue ? 'Quá hạn' : '', r.summary]).alignment = { wrapText: true, vertical: 'top' };
  });
  [6, 22, 16, 20, 28, 22, 16, 16, 18, 9, 50].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  setupPrint(ws, { headerRows: 2, title: 'Danh sách phản ánh, kiến nghị', landscape: true });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export { STATES };

/**
 * Follow-up lists in working time, as the plans' follow-up: open items past their deadline, due within one
 * working day, within three (the clock of paused items is stopped: they are listed apart).
 */
export async function followUpLists(db: Db, user: SessionUser, now = new Date()) {
  const { items } = await listFeedback(db, user, { state: 'open', limit: 10_000 }, now);
  const day = (await loadCalendar(db)).minutesPerDay();
  const out = { overdue: [] as typeof items, due1: [] as typeof items, due3: [] as typeof items, waiting: [] as typeof items };
  for (const i of items) {
    if (i.overdue) out.overdue.push(i);
    else if (i.stopped) out.waiting.push(i);
    else if (i.leftMinutes !== null && i.leftMinutes <= day) out.due1.push(i);
    else if (i.leftMinutes !== null && i.leftMinutes <= 3 * day) out.due3.push(i);
  }
  return out;
}
