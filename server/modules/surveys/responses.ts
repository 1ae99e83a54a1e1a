/**
 * Answers to satisfaction questionnaires: per dossier (the public link / QR code of a returned dossier, one
 * answer per dossier), per campaign (on a phone, or entered by staff from paper forms), and imported from
 * .xlsx. Every answer adds to the counters (satisfaction_daily per element, survey_daily per response) in
 * the same transaction, by set-based upserts; the index never reads the answers.
 */
import { count, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { dossiers, orgUnits, procedures, satisfactionDaily, surveyCampaigns, surveyDaily, surveyResponses } from '../../db/schema.js';
import { type QuestionnaireDef, type ResponseContribution, scoreResponse } from '../../../domain/surveys/questionnaire.js';
import { DomainError } from '../../../domain/errors.js';
import { type IsoDate, isIsoDate, vietnamDateOf } from '../../../domain/org/dates.js';
import { AppError, errors } from '../../errors.js';
import { type AuditActor, recordAudit } from '../audit/record.js';
import { readTable } from '../files/tables.js';
import { activeQuestionnaire, definitionOf, getQuestionnaire, type QuestionnaireRow } from './questionnaires.js';

export interface Answer {
  questionId: string;
  value: string;
}

export interface NewResponse {
  questionnaire: QuestionnaireRow;
  unitId: number;
  procedureId: number | null;
  channel: string | null;
  source: 'dossier' | 'campaign' | 'paper' | 'import';
  dossierId: number | null;
  campaignId: number | null;
  answeredAt: Date;
  answers: Answer[];
  enteredBy: number | null;
  contribution: ResponseContribution;
}

/** Checks the answers against the questionnaire (400 with the problems in Vietnamese). */
export function score(def: QuestionnaireDef, answers: Answer[]) {
  try {
    return scoreResponse(def, answers);
  } catch (e) {
    if (e instanceof DomainError) throw new AppError(400, 'SURVEY_INVALID', `Phiếu trả lời không hợp lệ: ${e.message}`, 'The answers are not valid for this questionnaire.', e.details);
    throw e;
  }
}

/**
 * Writes the responses and their counters. Responses tied to a dossier that already has one are skipped by
 * the unique index (ON CONFLICT DO NOTHING, which also settles two answers sent at once): the caller gets
 * the ones written, and only those count.
 */
export async function writeResponses(tx: Tx, items: NewResponse[]) {
  if (items.length === 0) return [];
  const written: { id: number; item: NewResponse }[] = [];
  for (let i = 0; i < items.length; i += 500) {
    const chunk = items.slice(i, i + 500);
    const rows = await tx
      .insert(surveyResponses)
      .values(
        chunk.map((x) => ({
          questionnaireId: x.questionnaire.id,
          dossierId: x.dossierId,
          campaignId: x.campaignId,
          unitId: x.unitId,
          procedureId: x.procedureId,
          channel: x.channel,
          source: x.source,
          answeredAt: x.answeredAt,
          answeredOn: vietnamDateOf(x.answeredAt),
          answers: x.answers,
          dissatisfied: x.contribution.dissatisfied,
          enteredBy: x.enteredBy,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: surveyResponses.id, dossierId: surveyResponses.dossierId, unitId: surveyResponses.unitId, answeredAt: surveyResponses.answeredAt });
    // match back by position among those without a dossier, by dossier for the others
    const byDossier = new Map(rows.filter((r) => r.dossierId !== null).map((r) => [r.dossierId!, r.id]));
    const plain = rows.filter((r) => r.dossierId === null).map((r) => r.id);
    let k = 0;
    for (const x of chunk) {
      if (x.dossierId !== null) {
        const id = byDossier.get(x.dossierId);
        if (id !== undefined) written.push({ id, item: x });
      } else written.push({ id: plain[k++], item: x });
    }
  }
  await addCounters(tx, written.map((w) => w.item));
  return written;
}

/** Upserts of the counters for these responses (gathered first, so each key is written once). */
async function addCounters(tx: Tx, items: NewResponse[]) {
  const el = new Map<string, typeof satisfactionDaily.$inferInsert>();
  const resp = new Map<string, typeof surveyDaily.$inferInsert>();
  for (const x of items) {
    const day = vietnamDateOf(x.answeredAt);
    const procedureKey = x.procedureId ?? 0;
    for (const [element, c] of x.contribution.byElement) {
      const key = `${x.unitId}|${procedureKey}|${day}|${x.questionnaire.id}|${element}`;
      const acc = el.get(key) ?? { unitId: x.unitId, procedureKey, day, questionnaireId: x.questionnaire.id, element, answers: 0, satisfied: 0, weightSum: 0 };
      acc.answers! += c.answers;
      acc.satisfied! += c.satisfied;
      acc.weightSum! += c.weightSum;
      el.set(key, acc);
    }
    const rk = `${x.unitId}|${procedureKey}|${day}`;
    const r = resp.get(rk) ?? { unitId: x.unitId, procedureKey, day, responses: 0, dissatisfied: 0, dossierResponses: 0, dossierDissatisfied: 0 };
    r.responses! += 1;
    r.dissatisfied! += x.contribution.dissatisfied ? 1 : 0;
    r.dossierResponses! += x.dossierId !== null ? 1 : 0;
    r.dossierDissatisfied! += x.dossierId !== null && x.contribution.dissatisfied ? 1 : 0;
    resp.set(rk, r);
  }
  const add = (table: string, cols: string[]) => Object.fromEntries(cols.map((c) => [c.replace(/_([a-z])/g, (_m, l: string) => l.toUpperCase()), sql.raw(`"${table}"."${c}" + excluded."${c}"`)]));
  const elRows = [...el.values()];
  for (let i = 0; i < elRows.length; i += 500) {
    await tx
      .insert(satisfactionDaily)
      .values(elRows.slice(i, i + 500))
      .onConflictDoUpdate({ target: [satisfactionDaily.unitId, satisfactionDaily.procedureKey, satisfactionDaily.day, satisfactionDaily.questionnaireId, satisfactionDaily.element], set: add('satisfaction_daily', ['answers', 'satisfied', 'weight_sum']) });
  }
  const rRows = [...resp.values()];
  for (let i = 0; i < rRows.length; i += 500) {
    await tx
      .insert(surveyDaily)
      .values(rRows.slice(i, i + 500))
      .onConflictDoUpdate({ target: [surveyDaily.unitId, surveyDaily.procedureKey, surveyDaily.day], set: add('survey_daily', ['responses', 'dissatisfied', 'dossier_responses', 'dossier_dissatisfied']) });
  }
}

// ---- per dossier ------------------------------------------------------------------------------------

const PUBLIC: AuditActor = { id: null, name: 'public-survey' };

async function dossierByCode(db: Db | Tx, code: string) {
  const [d] = await db
    .select({ id: dossiers.id, code: dossiers.code, status: dossiers.status, unitId: dossiers.unitId, procedureId: dossiers.procedureId, channel: dossiers.channel, endAt: dossiers.endAt, procedureName: procedures.name })
    .from(dossiers)
    .innerJoin(procedures, eq(procedures.id, dossiers.procedureId))
    .where(eq(dossiers.code, code))
    .orderBy(sql`${dossiers.receivedAt} DESC NULLS LAST`)
    .limit(1);
  if (!d) throw errors.notFound('dossier');
  return d;
}

const notReturned = () => errors.conflict('SURVEY_NOT_OPEN', 'Hồ sơ chưa được trả kết quả; khảo sát mở khi hồ sơ đã trả kết quả.', 'The survey opens once the result is returned.');

/** The questions for a dossier's survey (public: nothing about people), and whether it was answered. */
export async function dossierSurvey(db: Db, code: string) {
  const d = await dossierByCode(db, code);
  if (d.status !== 'returned') throw notReturned();
  const q = await activeQuestionnaire(db);
  if (!q) throw errors.conflict('NO_QUESTIONNAIRE', 'Chưa có phiếu khảo sát đang dùng.', 'No questionnaire is in use.');
  const [{ n }] = await db.select({ n: count() }).from(surveyResponses).where(eq(surveyResponses.dossierId, d.id));
  return { code: d.code, procedure: d.procedureName, answered: Number(n) > 0, ...publicQuestions(q) };
}

export function publicQuestions(q: QuestionnaireRow) {
  const def = definitionOf(q);
  const scales = new Map(def.scales.map((s) => [s.key, s]));
  return {
    questionnaire: { id: q.id, name: q.name, version: q.version, isSample: q.isSample },
    elements: def.elements.map((e) => ({ key: e.key, name: e.name })),
    questions: def.questions.map((x) => ({ id: x.id, element: x.element, kind: x.kind, text: x.text, required: x.kind !== 'expectation', options: (scales.get(x.scale)?.options ?? []).map((o) => ({ value: o.value, label: o.label })) })),
  };
}

/** One answer per dossier: a second one is 409 and changes nothing (also when both arrive at once). */
export async function answerDossier(db: Db, code: string, answers: Answer[], now = new Date()) {
  return db.transaction(async (tx) => {
    const d = await dossierByCode(tx, code);
    if (d.status !== 'returned') throw notReturned();
    const q = await activeQuestionnaire(tx);
    if (!q) throw errors.conflict('NO_QUESTIONNAIRE', 'Chưa có phiếu khảo sát đang dùng.', 'No questionnaire is in use.');
    const contribution = score(definitionOf(q), answers);
    const written = await writeResponses(tx, [{ questionnaire: q, unitId: d.unitId, procedureId: d.procedureId, channel: d.channel, source: 'dossier', dossierId: d.id, campaignId: null, answeredAt: now, answers, enteredBy: null, contribution }]);
    if (written.length === 0) throw errors.conflict('ALREADY_ANSWERED', 'Hồ sơ này đã được đánh giá; mỗi hồ sơ chỉ đánh giá một lần.', 'This dossier has already been rated; one answer per dossier.');
    await recordAudit(tx, PUBLIC, { action: 'survey.answer', entityType: 'survey_response', entityId: String(written[0].id), after: { dossier: d.code, questionnaire: q.id, dissatisfied: contribution.dissatisfied } }, now);
    return { id: written[0].id, dissatisfied: contribution.dissatisfied };
  });
}

// ---- campaigns ---------------------------------------------------------------------------------------

export async function createCampaign(db: Db, actor: AuditActor, input: { name: string; unitId: number; procedureCode?: string | null; opensOn: IsoDate; closesOn: IsoDate; sampleSize: number; questionnaireId?: number }) {
  if (input.opensOn > input.closesOn) throw errors.badRequest('INVALID_RANGE', 'Ngày bắt đầu phải trước ngày kết thúc.', 'The start must not be after the end.');
  return db.transaction(async (tx) => {
    const q = input.questionnaireId ? await getQuestionnaire(tx, input.questionnaireId) : await activeQuestionnaire(tx);
    if (!q) throw errors.conflict('NO_QUESTIONNAIRE', 'Chưa có phiếu khảo sát đang dùng.', 'No questionnaire is in use.');
    const [unit] = await tx.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, input.unitId));
    if (!unit) throw errors.notFound('unit');
    let procedureId: number | null = null;
    if (input.procedureCode) {
      const [p] = await tx.select({ id: procedures.id }).from(procedures).where(eq(procedures.code, input.procedureCode));
      if (!p) throw errors.badRequest('UNKNOWN_PROCEDURE', `Mã thủ tục "${input.procedureCode}" không có trong danh mục TTHC.`, 'Unknown procedure.');
      procedureId = p.id;
    }
    const [row] = await tx.insert(surveyCampaigns).values({ name: input.name, questionnaireId: q.id, unitId: input.unitId, procedureId, opensOn: input.opensOn, closesOn: input.closesOn, sampleSize: input.sampleSize, createdBy: actor.id }).returning();
    await recordAudit(tx, actor, { action: 'survey.campaign.create', entityType: 'survey_campaign', entityId: String(row.id), after: { name: row.name, unitId: row.unitId, procedureId, opensOn: row.opensOn, closesOn: row.closesOn, sampleSize: row.sampleSize } });
    return row;
  });
}

/** Campaigns with their progress: answers so far against the sample. */
export async function listCampaigns(db: Db, unitIds: number[] | null) {
  const rows = await db
    .select({ c: surveyCampaigns, procedureCode: procedures.code, procedureName: procedures.name, answered: sql<number>`(select count(*) from ${surveyResponses} where ${surveyResponses.campaignId} = ${surveyCampaigns.id})` })
    .from(surveyCampaigns)
    .leftJoin(procedures, eq(procedures.id, surveyCampaigns.procedureId))
    .where(unitIds ? inArray(surveyCampaigns.unitId, unitIds) : undefined)
    .orderBy(sql`${surveyCampaigns.opensOn} desc`, surveyCampaigns.id);
  return rows.map((r) => ({ ...r.c, createdAt: r.c.createdAt.toISOString(), procedureCode: r.procedureCode, procedureName: r.procedureName, answered: Number(r.answered), progress: r.c.sampleSize ? Math.round((Number(r.answered) * 10000) / r.c.sampleSize) / 100 : null }));
}

export async function getCampaign(db: Db | Tx, id: number) {
  const [c] = await db.select().from(surveyCampaigns).where(eq(surveyCampaigns.id, id));
  if (!c) throw errors.notFound('campaign');
  return c;
}

/** A campaign's answer, on a phone (public) or from a paper form (staff, `actor`), inside its window. */
export async function answerCampaign(db: Db, id: number, answers: Answer[], actor: AuditActor | null, now = new Date(), answeredOn?: IsoDate) {
  return db.transaction(async (tx) => {
    const c = await getCampaign(tx, id);
    const day = answeredOn ?? vietnamDateOf(now);
    if (day < c.opensOn || day > c.closesOn) throw errors.conflict('CAMPAIGN_CLOSED', 'Ngày trả lời nằm ngoài thời gian khảo sát của đợt.', 'The answer falls outside the campaign window.');
    const q = await getQuestionnaire(tx, c.questionnaireId);
    const contribution = score(definitionOf(q), answers);
    const at = answeredOn ? new Date(`${answeredOn}T12:00:00+07:00`) : now;
    const [w] = await writeResponses(tx, [{ questionnaire: q, unitId: c.unitId, procedureId: c.procedureId, channel: null, source: actor ? 'paper' : 'campaign', dossierId: null, campaignId: c.id, answeredAt: at, answers, enteredBy: actor?.id ?? null, contribution }]);
    await recordAudit(tx, actor ?? PUBLIC, { action: 'survey.answer', entityType: 'survey_response', entityId: String(w.id), after: { campaign: c.id, source: actor ? 'paper' : 'campaign', dissatisfied: contribution.dissatisfied } }, now);
    return { id: w.id };
  });
}

// ---- import from .xlsx --------------------------------------------------------------------------------

/** Columns of an answers file: then one column per question, headed by the question's code. */
export const ANSWER_COLUMNS = ['Mã hồ sơ', 'Mã đơn vị', 'Mã thủ tục', 'Ngày trả lời'] as const;

const vnDate = (s: string): IsoDate | null => {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s.trim());
  const iso = m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : s.trim();
  return isIsoDate(iso) ? iso : null;
};

/**
 * Answers from a file (e.g. a postal survey's results), all or nothing: every row checked (dossier or unit
 * known, date valid and not in the future, one answer per dossier in the file and in the database, answers
 * valid for the questionnaire); any row error saves nothing. A dry run checks and says what would be saved.
 */
export async function importAnswers(db: Db, actor: AuditActor, file: { name: string; data: Buffer }, opts: { dryRun: boolean; questionnaireId?: number }, now = new Date()) {
  const q = opts.questionnaireId ? await getQuestionnaire(db, opts.questionnaireId) : await activeQuestionnaire(db);
  if (!q) throw errors.conflict('NO_QUESTIONNAIRE', 'Chưa có phiếu khảo sát đang dùng.', 'No questionnaire is in use.');
  const def = definitionOf(q);
  const table = await readTable(file.name, file.data, ANSWER_COLUMNS.length);
  const header = (table[0] ?? []).map((c) => c.trim());
  const fixed = ANSWER_COLUMNS.every((c, i) => header[i]?.toLowerCase() === c.toLowerCase());
  const qCols = header.slice(ANSWER_COLUMNS.length).filter(Boolean);
  const unknownCols = qCols.filter((c) => !def.questions.some((x) => x.id === c));
  if (!fixed || unknownCols.length) {
    throw errors.badRequest('WRONG_COLUMNS', `Các cột phải là: ${ANSWER_COLUMNS.join(', ')}, rồi mỗi câu hỏi một cột theo mã (${def.questions.map((x) => x.id).join(', ')})${unknownCols.length ? `; cột không có trong phiếu: ${unknownCols.join(', ')}` : ''}.`, 'Wrong columns.', { expected: [...ANSWER_COLUMNS, ...def.questions.map((x) => x.id)] });
  }
  const rows = table.slice(1).map((r, i) => ({ r, row: i + 2 })).filter(({ r }) => r.some((c) => c.trim()));
  if (rows.length === 0) throw errors.badRequest('EMPTY', 'Tệp không có dòng dữ liệu nào.', 'The file has no rows.');
  if (rows.length > 10_000) throw errors.badRequest('TOO_MANY_ROWS', 'Mỗi lần nhập tối đa 10.000 phiếu.', 'At most 10,000 answers per import.');

  const codes = [...new Set(rows.map(({ r }) => r[0].trim()).filter(Boolean))];
  const unitCodes = [...new Set(rows.map(({ r }) => r[1].trim()).filter(Boolean))];
  const procCodes = [...new Set(rows.map(({ r }) => r[2].trim()).filter(Boolean))];
  const dossierRows = new Map<string, { id: number; unitId: number; procedureId: number; channel: string | null; status: string }>();
  for (let i = 0; i < codes.length; i += 1000) {
    for (const d of await db.select({ id: dossiers.id, code: dossiers.code, unitId: dossiers.unitId, procedureId: dossiers.procedureId, channel: dossiers.channel, status: dossiers.status }).from(dossiers).where(inArray(dossiers.code, codes.slice(i, i + 1000)))) dossierRows.set(d.code, d);
  }
  const answered = new Set<number>();
  const ids = [...dossierRows.values()].map((d) => d.id);
  for (let i = 0; i < ids.length; i += 1000) for (const r of await db.select({ d: surveyResponses.dossierId }).from(surveyResponses).where(inArray(surveyResponses.dossierId, ids.slice(i, i + 1000)))) answered.add(r.d!);
  const units = new Map((unitCodes.length ? await db.select({ id: orgUnits.id, code: orgUnits.code }).from(orgUnits).where(inArray(orgUnits.code, unitCodes)) : []).map((u) => [u.code, u.id]));
  const procs = new Map((procCodes.length ? await db.select({ id: procedures.id, code: procedures.code }).from(procedures).where(inArray(procedures.code, procCodes)) : []).map((p) => [p.code, p.id]));

  const rowErrors: { row: number; message: string }[] = [];
  const items: NewResponse[] = [];
  const inFile = new Map<string, number>();
  const today = vietnamDateOf(now);
  for (const { r, row } of rows) {
    const bad = (message: string) => rowErrors.push({ row, message });
    const [code, unitCode, procCode, dateText] = r.slice(0, 4).map((c) => c.trim());
    const day = vnDate(dateText);
    if (!day) {
      bad(`Ngày trả lời "${dateText}" không hợp lệ (dd/mm/yyyy).`);
      continue;
    }
    if (day > today) {
      bad('Ngày trả lời ở tương lai.');
      continue;
    }
    let unitId: number | undefined;
    let procedureId: number | null = null;
    let channel: string | null = null;
    let dossierId: number | null = null;
    if (code) {
      const d = dossierRows.get(code);
      if (!d) {
        bad(`Mã hồ sơ "${code}" không có.`);
        continue;
      }
      if (inFile.has(code)) {
        bad(`Hồ sơ "${code}" đã có phiếu ở dòng ${inFile.get(code)}; mỗi hồ sơ một phiếu.`);
        continue;
      }
      if (answered.has(d.id)) {
        bad(`Hồ sơ "${code}" đã được đánh giá trước đây; mỗi hồ sơ một phiếu.`);
        continue;
      }
      inFile.set(code, row);
      ({ unitId, procedureId, channel } = d);
      dossierId = d.id;
    } else {
      unitId = units.get(unitCode);
      if (!unitId) {
        bad(unitCode ? `Mã đơn vị "${unitCode}" không có trong cơ cấu tổ chức.` : 'Cần mã hồ sơ hoặc mã đơn vị.');
        continue;
      }
      if (procCode) {
        const p = procs.get(procCode);
        if (!p) {
          bad(`Mã thủ tục "${procCode}" không có trong danh mục TTHC.`);
          continue;
        }
        procedureId = p;
      }
    }
    const answers = qCols.map((id, i) => ({ questionId: id, value: (r[ANSWER_COLUMNS.length + i] ?? '').trim() })).filter((a) => a.value !== '');
    try {
      items.push({ questionnaire: q, unitId: unitId!, procedureId, channel, source: 'import', dossierId, campaignId: null, answeredAt: new Date(`${day}T12:00:00+07:00`), answers, enteredBy: actor.id, contribution: scoreResponse(def, answers) });
    } catch (e) {
      if (e instanceof DomainError) bad((e.details.problems as string[]).join(' '));
      else throw e;
    }
  }
  if (rowErrors.length) throw new AppError(400, 'IMPORT_INVALID', `${rowErrors.length} dòng có lỗi; không có phiếu nào được lưu.`, `${rowErrors.length} rows have errors; nothing was saved.`, { errors: rowErrors });
  if (opts.dryRun) return { dryRun: true, responses: items.length, withDossier: items.filter((x) => x.dossierId !== null).length, saved: 0 };
  return db.transaction(async (tx) => {
    const written = await writeResponses(tx, items);
    if (written.length !== items.length) {
      // a dossier answered meanwhile: nothing is kept
      throw errors.conflict('ALREADY_ANSWERED', 'Có hồ sơ vừa được đánh giá trong lúc nhập; không có phiếu nào được lưu, hãy nhập lại.', 'A dossier was answered meanwhile; nothing was saved.');
    }
    await recordAudit(tx, actor, { action: 'survey.import', entityType: 'survey_import', entityId: now.toISOString(), after: { questionnaire: q.id, responses: items.length, file: file.name } }, now);
    return { dryRun: false, responses: items.length, withDossier: items.filter((x) => x.dossierId !== null).length, saved: written.length };
  });
}

