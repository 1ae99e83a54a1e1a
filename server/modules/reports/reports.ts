/**
 * The periodic CCHC report (Q1, 6 months, Q3, year): every department and commune gets its report for the
 * period with its figures filled in from the records of the window, writes its text, and the unit head
 * submits; Sở Nội vụ sees who has submitted, urges the others, drafts the province's report from the
 * province's figures and the units' submitted texts (quoted per unit, editable) and finalises it. A finalised
 * report is frozen — figures, sentences, text and appendices as they were that day, with the audit trail's
 * head — and later changes to the records show as differences.
 */
import { atOnce } from '../../db/atOnce.js';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { DataCache } from '../../db/dataCache.js';
import { auditHead, cchcReports, reportTemplates, users } from '../../db/schema.js';
import { can } from '../../../domain/access/policy.js';
import { unitsAsOf, type OrgHistory } from '../../../domain/org/history.js';
import { vietnamDateOf, type IsoDate } from '../../../domain/org/dates.js';
import { latestName } from '../../../domain/org/scope.js';
import { figureDifferences } from '../../../domain/reports/differences.js';
import { DEFAULT_TEMPLATE, type ReportTemplate, templateProblems } from '../../../domain/reports/template.js';
import { nextReportState, type ReportKind, type ReportState } from '../../../domain/reports/workflow.js';
import { reportDueDate, reportingLabel } from '../../../domain/periods/reporting.js';
import { DomainError } from '../../../domain/errors.js';
import { errors } from '../../errors.js';
import { type AuditActor, recordAudit } from '../audit/record.js';
import type { SessionUser } from '../auth/sessions.js';
import { type PeriodWindow, windowOf } from '../indicators/window.js';
import { notifyUnit, notifyUsers } from '../notifications/notify.js';
import { loadHistory } from '../org/history.js';
import { provincesOn, resolveScope } from '../org/scope.js';
import './allBlocks.js';
import { type BlockAppendix, type BlockLine, type BlockResult, reportBlock, reportBlockKeys } from './blocks.js';

/** The unit types that write a report of their own. */
const REPORTING_TYPES = new Set(['department', 'district', 'commune']);

type ReportRow = typeof cchcReports.$inferSelect;

export interface Signer {
  authority?: string;
  title: string;
  name?: string | null;
}

// ---- templates ---------------------------------------------------------------------------------------

/** The template new reports use: the latest one, the default written the first time it is asked for. */
export async function currentTemplate(db: Db | Tx): Promise<{ id: number; body: ReportTemplate }> {
  const rows = await db.select().from(reportTemplates).orderBy(reportTemplates.id);
  const last = rows.at(-1);
  if (last) return { id: last.id, body: last.body as ReportTemplate };
  const [row] = await db.insert(reportTemplates).values({ name: DEFAULT_TEMPLATE.name, version: DEFAULT_TEMPLATE.version, body: DEFAULT_TEMPLATE }).returning();
  return { id: row.id, body: DEFAULT_TEMPLATE };
}

async function templateById(db: Db, id: number): Promise<ReportTemplate> {
  const [row] = await db.select().from(reportTemplates).where(eq(reportTemplates.id, id));
  return (row?.body as ReportTemplate | undefined) ?? DEFAULT_TEMPLATE;
}

export async function saveTemplate(db: Db, actor: AuditActor, t: ReportTemplate, now: Date) {
  const problems = templateProblems(t, reportBlockKeys());
  if (problems.length) throw errors.badRequest('INVALID_TEMPLATE', `Đề cương không hợp lệ: ${problems.join(' ')}`, 'The template is not valid.', { problems });
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(reportTemplates).values({ name: t.name, version: t.version, body: t, createdBy: actor.id, createdAt: now }).returning({ id: reportTemplates.id });
    await recordAudit(tx, actor, { action: 'report.template', entityType: 'report_template', entityId: row.id, after: t }, now);
    return { id: row.id };
  });
}

export async function listTemplates(db: Db) {
  await currentTemplate(db);
  return (await db.select().from(reportTemplates).orderBy(reportTemplates.id)).map((r) => ({ id: r.id, name: r.name, version: r.version, createdAt: r.createdAt, body: r.body as ReportTemplate }));
}

// ---- who reports ------------------------------------------------------------------------------------------

export function reportingUnits(h: OrgHistory, provinceId: number, day: IsoDate) {
  const alive = unitsAsOf(h, day);
  const out: typeof alive = [];
  const walk = (id: number) => {
    for (const u of alive.filter((x) => x.parentId === id)) {
      if (REPORTING_TYPES.has(u.type)) out.push(u);
      walk(u.id);
    }
  };
  walk(provinceId);
  return out;
}

async function resolveReportUnit(db: Db, unitId: number | undefined, w: PeriodWindow) {
  const h = await loadHistory(db);
  const id = unitId ?? provincesOn(h, w.periodTo)[0]?.id;
  if (id === undefined) throw errors.notFound('province');
  const u = h.units.find((x) => x.id === id);
  if (!u) throw errors.notFound('unit');
  const kind: ReportKind = u.type === 'province' ? 'province' : 'unit';
  if (kind === 'unit' && !REPORTING_TYPES.has(u.type)) throw errors.badRequest('NOT_REPORTING', 'Loại đơn vị này không lập báo cáo CCHC định kỳ.', 'This unit type does not write the periodic report.');
  return { h, unit: { id, name: nameOn(h, id, w.periodTo), type: u.type }, kind };
}

function nameOn(h: OrgHistory, id: number, day: IsoDate): string {
  return unitsAsOf(h, day).find((u) => u.id === id)?.name ?? latestName(h, id);
}

async function reportRow(db: Db | Tx, unitId: number, period: string, lock = false): Promise<ReportRow | undefined> {
  const q = db.select().from(cchcReports).where(and(eq(cchcReports.unitId, unitId), eq(cchcReports.period, period)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

// ---- the report as the screen and the document show it ----------------------------------------------

export interface Section {
  key: string;
  title: string;
  level: 1 | 2;
  hint: string | null;
  lines: BlockLine[];
  text: string;
  /** the province's report: what each unit submitted for this section */
  unitTexts?: { unitId: number; unitName: string; text: string }[];
}

export interface ReportBody {
  window: { from: IsoDate; to: IsoDate; judgedAt: IsoDate; calendar: boolean };
  sections: Section[];
  figures: Record<string, unknown>;
  appendices: (BlockAppendix & { key: string })[];
}

/**
 * The blocks' results of a unit's report for a window, kept while the records stay as they were
 * (server/db/dataCache.ts). They are the same for every reader: the texts (a unit's draft) are not part of
 * them and are added per reader by `composeBody`.
 */
const blockCache = new DataCache<Map<string, BlockResult>>('report blocks', 512);

/** Cached results: the same objects for every reader, who must not change them. */
function blockResults(db: Db, template: ReportTemplate, unitId: number, kind: ReportKind, w: PeriodWindow, now: Date, predecessors: boolean): Promise<Map<string, BlockResult>> {
  const keys = [...new Set([...template.sections.flatMap((s) => s.blocks), ...template.appendices])];
  const key = JSON.stringify([keys, unitId, kind, predecessors, w.key, w.from, w.to, w.periodTo, w.period.calendar, vietnamDateOf(now)]);
  return blockCache.get(
    db,
    key,
    async () => {
      const scope = await resolveScope(db, unitId, { predecessors });
      const province = kind === 'province';
      // independent blocks, sent at once (in turn inside a transaction: atOnce)
      const computed = await atOnce(db, keys.map((k) => async () => [k, await reportBlock(k)?.compute({ db, scope, w, province, now })] as const));
      return new Map(computed.filter((x): x is [string, BlockResult] => x[1] !== undefined));
    },
    { instant: w.at !== null },
  );
}

/** The figures, sentences and appendices of every block the template names, each computed once. */
async function composeBody(db: Db, template: ReportTemplate, unitId: number, kind: ReportKind, w: PeriodWindow, texts: Record<string, string>, now: Date, predecessors = true): Promise<ReportBody> {
  const results = await blockResults(db, template, unitId, kind, w, now, predecessors);
  const blockFigures = Object.fromEntries([...results].map(([k, r]) => [k, r.figures]));
  return {
    window: { from: w.from, to: w.periodTo, judgedAt: w.to, calendar: w.period.calendar },
    sections: template.sections.map((s) => ({ key: s.key, title: s.title, level: s.level, hint: s.hint ?? null, lines: s.blocks.flatMap((b) => results.get(b)?.lines ?? []), text: texts[s.key] ?? '' })),
    figures: { ...summaryFigures(blockFigures), ...blockFigures },
    appendices: template.appendices.flatMap((k) => {
      const a = results.get(k)?.appendix;
      return a ? [{ key: k, ...a }] : [];
    }),
  };
}

const pick = (o: unknown, ...path: string[]) => path.reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as Record<string, unknown>)[k] : undefined), o) ?? null;

/** The headline figures by the names the API documents (the blocks' own figures follow them). */
function summaryFigures(b: Record<string, unknown>) {
  return {
    dossiersReceived: pick(b, 'dossiers', 'received'),
    dossiersResolved: pick(b, 'dossiers', 'resolved'),
    dossiersOnTimeRate: pick(b, 'dossiers', 'onTimeRate'),
    dossiersOnlineRate: pick(b, 'dossiers', 'onlineRate'),
    planTasksDone: pick(b, 'planTasks', 'done'),
    planTasksTotal: pick(b, 'planTasks', 'total'),
    legalDocumentsIssued: pick(b, 'legalDocuments'),
    staffing: pick(b, 'staffing'),
  };
}

function presentRow(r: ReportRow | undefined) {
  if (!r) return null;
  return {
    id: r.id,
    state: r.state as ReportState,
    number: r.number,
    symbol: r.symbol,
    signedOn: r.signedOn,
    signer: (r.signer as Signer | null) ?? null,
    recipients: (r.recipients as string[] | null) ?? null,
    returnComment: r.returnComment,
    updatedAt: r.updatedAt,
    submittedAt: r.submittedAt,
    finalisedAt: r.finalisedAt,
    auditHead: r.auditHead,
  };
}

/**
 * Whom a report's texts are shown to — a unit's own always, another unit's once submitted; the province's
 * draft is Sở Nội vụ's work (those who manage reports), everyone's once finalised — depends only on which of
 * these readers one is: the key of the kept views.
 */
type Reader = 'manager' | 'reader' | 'own' | 'other';

function readerOf(user: SessionUser, unitId: number, kind: ReportKind): Reader {
  if (kind === 'province') return can(user, 'report.manage') ? 'manager' : 'reader';
  return user.unitId === unitId ? 'own' : 'other';
}

function textsVisible(reader: Reader, row: ReportRow | undefined): boolean {
  if (!row || row.state === 'finalised') return true;
  if (reader === 'manager' || reader === 'own') return true;
  if (reader === 'reader') return false;
  return row.state === 'submitted';
}

interface ReportView {
  row: ReportRow | undefined;
  visible: boolean;
  body: ReportBody;
  differences: ReturnType<typeof figureDifferences> | null;
}

/**
 * A report as one kind of reader sees it, kept while the records stay as they were (server/db/dataCache.ts):
 * keyed on the unit, the period, the options and the reader's kind, so that no reader is ever served texts
 * another kind of reader may see (a unit's draft stays with its unit).
 */
const views = new DataCache<ReportView>('report views', 512);

async function reportView(db: Db, h: OrgHistory, unit: { id: number }, kind: ReportKind, period: string, w: PeriodWindow, reader: Reader, now: Date, opts: { calendar?: boolean; predecessors?: boolean }): Promise<ReportView> {
  const row = await reportRow(db, unit.id, period);
  const visible = textsVisible(reader, row);
  const template = row ? await templateById(db, row.templateId) : (await currentTemplate(db)).body;
  let body: ReportBody;
  let differences = null;
  if (row?.state === 'finalised' && row.frozen) {
    body = row.frozen as ReportBody;
    const live = await composeBody(db, template, unit.id, kind, windowOf(period, { calendar: opts.calendar }, now), {}, now, opts.predecessors !== false);
    differences = figureDifferences(body.figures, live.figures);
  } else {
    body = await composeBody(db, template, unit.id, kind, w, visible ? ((row?.texts as Record<string, string>) ?? {}) : {}, now, opts.predecessors !== false);
  }
  if (kind === 'province') {
    const units = reportingUnits(h, unit.id, w.periodTo);
    const submitted = units.length ? await db.select().from(cchcReports).where(and(eq(cchcReports.period, period), inArray(cchcReports.unitId, units.map((u) => u.id)), inArray(cchcReports.state, ['submitted', 'finalised']))) : [];
    const collator = new Intl.Collator('vi');
    for (const s of body.sections) {
      s.unitTexts = submitted
        .map((r) => ({ unitId: r.unitId, unitName: nameOn(h, r.unitId, w.periodTo), text: ((r.texts as Record<string, string>)[s.key] ?? '').trim() }))
        .filter((x) => x.text)
        .sort((a, b) => collator.compare(a.unitName, b.unitName));
    }
  }
  return { row, visible, body, differences };
}

/** `predecessors: false`: a unit's figures without the units it came from (they count by default). */
export async function getReport(db: Db, user: SessionUser, unitId: number | undefined, period: string, now: Date, opts: { calendar?: boolean; predecessors?: boolean } = {}) {
  const w = windowOf(period, { calendar: opts.calendar }, now);
  const { h, unit, kind } = await resolveReportUnit(db, unitId, w);
  if (!can(user, 'report.read', { unitId: unit.id })) throw errors.forbidden();
  const reader = readerOf(user, unit.id, kind);
  const key = JSON.stringify([unit.id, kind, period, opts.calendar === true, opts.predecessors !== false, reader, vietnamDateOf(now)]);
  const { row, visible, body, differences } = await views.get(db, key, () => reportView(db, h, unit, kind, period, w, reader, now, opts), { instant: w.at !== null });
  const state = (row?.state as ReportState | undefined) ?? null;
  const own = user.unitId === unit.id;
  const allowed = (action: 'save' | 'submit' | 'return' | 'finalise') => {
    try {
      nextReportState(kind, state, action);
      return true;
    } catch {
      return false;
    }
  };
  return {
    unit,
    kind,
    period: { key: period, label: reportingLabel(w.period), due: reportDueDate(w.period) },
    report: presentRow(row),
    draftHidden: !visible,
    can: {
      edit: allowed('save') && (kind === 'province' ? can(user, 'report.manage') : own && can(user, 'unitData.edit', { unitId: unit.id })),
      submit: allowed('submit') && own && can(user, 'unitData.submit', { unitId: unit.id }),
      return: allowed('return') && can(user, 'report.manage'),
      finalise: allowed('finalise') && can(user, 'report.manage'),
      draftFromUnits: kind === 'province' && allowed('save') && can(user, 'report.manage'),
    },
    ...body,
    frozen: row?.state === 'finalised',
    differences,
  };
}

// ---- the list of a period -----------------------------------------------------------------------------

export async function listReports(db: Db, user: SessionUser, period: string, provinceId: number | undefined, now: Date) {
  const w = windowOf(period, {}, now);
  const h = await loadHistory(db);
  const provinces = provincesOn(h, w.periodTo);
  const province = provinceId ? provinces.find((p) => p.id === provinceId) : provinces[0];
  if (!province) throw errors.notFound('province');
  const units = reportingUnits(h, province.id, w.periodTo).filter((u) => can(user, 'report.read', { unitId: u.id }));
  const rows = await db.select().from(cchcReports).where(eq(cchcReports.period, period));
  const byUnit = new Map(rows.map((r) => [r.unitId, r]));
  const state = (id: number) => (byUnit.get(id)?.state as ReportState | undefined) ?? null;
  return {
    period: { key: period, label: reportingLabel(w.period), due: reportDueDate(w.period) },
    window: { from: w.from, to: w.periodTo },
    provinces: provinces.map((p) => ({ id: p.id, name: p.name })),
    province: can(user, 'report.read', { unitId: province.id }) ? { unitId: province.id, unitName: province.name, state: state(province.id), finalisedAt: byUnit.get(province.id)?.finalisedAt ?? null } : null,
    units: units.map((u) => ({ unitId: u.id, unitName: u.name, unitType: u.type, state: state(u.id), submittedAt: byUnit.get(u.id)?.submittedAt ?? null })),
    counts: { units: units.length, submitted: units.filter((u) => state(u.id) === 'submitted').length },
  };
}

// ---- writes -------------------------------------------------------------------------------------------

export interface ReportChange {
  texts?: Record<string, string>;
  number?: string | null;
  symbol?: string | null;
  signedOn?: IsoDate | null;
  signer?: Signer | null;
  recipients?: string[] | null;
}

function transition(kind: ReportKind, state: ReportState | null, action: 'save' | 'submit' | 'return' | 'finalise'): ReportState {
  try {
    return nextReportState(kind, state, action);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    const vi = { save: 'Báo cáo đã gửi hoặc đã hoàn thành; không sửa được nữa.', submit: 'Chỉ gửi được báo cáo đang soạn hoặc bị trả lại.', return: 'Chỉ trả lại được báo cáo đã gửi.', finalise: 'Chỉ hoàn thành được báo cáo của tỉnh đang soạn.' }[action];
    throw errors.conflict('INVALID_STATE', vi, `The report cannot be ${action}d in state ${state ?? 'none'}.`, { state });
  }
}

function mayWrite(user: SessionUser, kind: ReportKind, unitId: number) {
  if (kind === 'province' ? !can(user, 'report.manage') : !can(user, 'unitData.edit', { unitId })) throw errors.forbidden();
}

const DEFAULT_RECIPIENTS: Record<ReportKind, string[]> = {
  province: ['Bộ Nội vụ', 'TT. Tỉnh ủy', 'TT. HĐND tỉnh', 'CT, các PCT UBND tỉnh', 'Sở Nội vụ', 'Lưu: VT'],
  unit: ['Sở Nội vụ', 'Lưu: VT'],
};

export async function saveReport(db: Db, user: SessionUser, actor: AuditActor, unitId: number | undefined, period: string, change: ReportChange, now: Date) {
  const w = windowOf(period, {}, now);
  const { unit, kind } = await resolveReportUnit(db, unitId, w);
  mayWrite(user, kind, unit.id);
  const template = await currentTemplate(db);
  const keys = new Set(template.body.sections.map((s) => s.key));
  const unknown = Object.keys(change.texts ?? {}).filter((k) => !keys.has(k));
  if (unknown.length) throw errors.badRequest('UNKNOWN_SECTION', `Không có mục: ${unknown.join(', ')}.`, `No such sections: ${unknown.join(', ')}.`, { sections: unknown });
  return db.transaction(async (tx) => {
    const before = await reportRow(tx, unit.id, period, true);
    const state = transition(kind, (before?.state as ReportState | undefined) ?? null, 'save');
    const texts = { ...((before?.texts as Record<string, string>) ?? {}), ...Object.fromEntries(Object.entries(change.texts ?? {}).map(([k, v]) => [k, v.normalize('NFC')])) };
    const values = {
      state,
      texts,
      number: change.number === undefined ? (before?.number ?? null) : change.number?.trim() || null,
      symbol: change.symbol === undefined ? (before?.symbol ?? null) : change.symbol?.trim() || null,
      signedOn: change.signedOn === undefined ? (before?.signedOn ?? null) : change.signedOn,
      signer: change.signer === undefined ? (before?.signer ?? null) : change.signer,
      recipients: change.recipients === undefined ? (before?.recipients ?? DEFAULT_RECIPIENTS[kind]) : change.recipients,
      updatedBy: user.id,
      updatedAt: now,
    };
    const [row] = before
      ? await tx.update(cchcReports).set(values).where(eq(cchcReports.id, before.id)).returning()
      : await tx.insert(cchcReports).values({ ...values, unitId: unit.id, period, kind, templateId: template.id, createdAt: now }).returning();
    await recordAudit(tx, actor, { action: 'report.save', entityType: 'cchc_report', entityId: row.id, unitId: unit.id, before: before ? { state: before.state, texts: before.texts } : null, after: { period, state, texts } }, now);
    return presentRow(row);
  });
}

export async function submitReport(db: Db, user: SessionUser, actor: AuditActor, unitId: number, period: string, now: Date) {
  const w = windowOf(period, {}, now);
  const { unit, kind } = await resolveReportUnit(db, unitId, w);
  if (!can(user, 'unitData.submit', { unitId: unit.id })) throw errors.forbidden();
  return db.transaction(async (tx) => {
    const before = await reportRow(tx, unit.id, period, true);
    const state = transition(kind, (before?.state as ReportState | undefined) ?? null, 'submit');
    const [row] = await tx.update(cchcReports).set({ state, submittedBy: user.id, submittedAt: now, returnComment: null }).where(eq(cchcReports.id, before!.id)).returning();
    await recordAudit(tx, actor, { action: 'report.submit', entityType: 'cchc_report', entityId: row.id, unitId: unit.id, before: { state: before!.state }, after: { state, period } }, now);
    const admins = await tx.select({ id: users.id }).from(users).where(and(eq(users.role, 'admin'), eq(users.active, true)));
    await notifyUsers(tx, admins.map((a) => a.id), { kind: 'report.submitted', title: `${unit.name} đã gửi báo cáo CCHC ${reportingLabel(w.period)}`, link: `/reports/${period}/units/${unit.id}`, at: now });
    return presentRow(row);
  });
}

export async function returnReport(db: Db, user: SessionUser, actor: AuditActor, unitId: number, period: string, comment: string, now: Date) {
  if (!can(user, 'report.manage')) throw errors.forbidden();
  if (!comment.trim()) throw errors.badRequest('COMMENT_REQUIRED', 'Khi trả lại báo cáo phải ghi rõ lý do.', 'A returned report needs a comment.', { field: 'comment' });
  const w = windowOf(period, {}, now);
  const { unit, kind } = await resolveReportUnit(db, unitId, w);
  return db.transaction(async (tx) => {
    const before = await reportRow(tx, unit.id, period, true);
    const state = transition(kind, (before?.state as ReportState | undefined) ?? null, 'return');
    const [row] = await tx.update(cchcReports).set({ state, returnComment: comment.trim() }).where(eq(cchcReports.id, before!.id)).returning();
    await recordAudit(tx, actor, { action: 'report.return', entityType: 'cchc_report', entityId: row.id, unitId: unit.id, before: { state: before!.state }, after: { state, comment: comment.trim() } }, now);
    await notifyUnit(tx, unit.id, { kind: 'report.returned', title: `Báo cáo CCHC ${reportingLabel(w.period)} bị trả lại`, body: comment.trim(), link: `/reports/${period}/units/${unit.id}`, at: now });
    return presentRow(row);
  });
}

/**
 * Sở Nội vụ drafts the province's report: each section's text quotes what every unit submitted for it
 * ("- Sở Tư pháp: …"), where the draft has nothing yet (or everywhere, with `replace`).
 */
export async function draftProvinceReport(db: Db, user: SessionUser, actor: AuditActor, unitId: number | undefined, period: string, replace: boolean, now: Date) {
  if (!can(user, 'report.manage')) throw errors.forbidden();
  const view = await getReport(db, user, unitId, period, now);
  if (view.kind !== 'province') throw errors.badRequest('NOT_PROVINCE', 'Chỉ báo cáo của tỉnh được tổng hợp từ báo cáo của các đơn vị.', 'Only the province’s report is drafted from the units’.');
  const current = Object.fromEntries(view.sections.map((s) => [s.key, s.text]));
  const texts: Record<string, string> = {};
  for (const s of view.sections) {
    if (!replace && current[s.key]?.trim()) continue;
    const quoted = (s.unitTexts ?? []).map((u) => `- ${u.unitName}: ${u.text}`).join('\n');
    if (quoted) texts[s.key] = quoted;
  }
  return saveReport(db, user, actor, view.unit.id, period, { texts }, now);
}

/** Finalised: the report as it is now is kept whole (and the audit head with it); nothing changes it after. */
export async function finaliseReport(db: Db, user: SessionUser, actor: AuditActor, unitId: number | undefined, period: string, change: ReportChange, now: Date) {
  if (!can(user, 'report.manage')) throw errors.forbidden();
  const w = windowOf(period, {}, now);
  const { unit, kind } = await resolveReportUnit(db, unitId, w);
  if (Object.keys(change).length) await saveReport(db, user, actor, unit.id, period, change, now);
  const before = await reportRow(db, unit.id, period);
  transition(kind, (before?.state as ReportState | undefined) ?? null, 'finalise');
  const template = await templateById(db, before!.templateId);
  const body = await composeBody(db, template, unit.id, kind, w, (before!.texts as Record<string, string>) ?? {}, now);
  if (kind === 'province') {
    const view = await getReport(db, user, unit.id, period, now);
    body.sections.forEach((s, i) => (s.unitTexts = view.sections[i]?.unitTexts));
  }
  return db.transaction(async (tx) => {
    const locked = await reportRow(tx, unit.id, period, true);
    const state = transition(kind, (locked?.state as ReportState | undefined) ?? null, 'finalise');
    const signedOn = locked!.signedOn ?? vietnamDateOf(now);
    await recordAudit(tx, actor, { action: 'report.finalise', entityType: 'cchc_report', entityId: locked!.id, unitId: unit.id, before: { state: locked!.state }, after: { state, period, number: locked!.number, signedOn, figures: body.figures } }, now);
    const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1));
    const [row] = await tx
      .update(cchcReports)
      .set({ state, frozen: body, signedOn, finalisedBy: user.id, finalisedAt: now, auditHead: head ? { lastId: head.lastId, lastHash: head.lastHash, count: head.count } : null })
      .where(eq(cchcReports.id, locked!.id))
      .returning();
    return presentRow(row);
  });
}

/** Sở Nội vụ urges the units that have not submitted (or the ones named): their users are notified. */
export async function urgeUnits(db: Db, user: SessionUser, actor: AuditActor, period: string, provinceId: number | undefined, message: string, now: Date) {
  if (!can(user, 'report.manage')) throw errors.forbidden();
  const list = await listReports(db, user, period, provinceId, now);
  const late = list.units.filter((u) => u.state !== 'submitted');
  return db.transaction(async (tx) => {
    let notified = 0;
    for (const u of late) {
      notified += await notifyUnit(tx, u.unitId, { kind: 'report.urge', title: `Sở Nội vụ đôn đốc gửi báo cáo CCHC ${list.period.label} (hạn ${list.period.due.split('-').reverse().join('/')})`, body: message.trim() || undefined, link: `/reports/${period}/units/${u.unitId}`, at: now });
    }
    await recordAudit(tx, actor, { action: 'report.urge', entityType: 'cchc_report_period', entityId: period, after: { units: late.map((u) => u.unitId), notified, message: message.trim() } }, now);
    return { units: late.length, notified };
  });
}
