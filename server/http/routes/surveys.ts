import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import QRCode from 'qrcode';
import type { Db } from '../../db/client.js';
import { errors } from '../../errors.js';
import { auditActor, authorize, readableUnit, requireActor } from '../auth.js';
import { idParam, isoDate } from '../schemas.js';
import { readUpload } from '../upload.js';
import { resolveScope } from '../../modules/org/scope.js';
import { activateQuestionnaire, cloneQuestionnaire, createQuestionnaire, exportQuestionnaireXlsx, getQuestionnaire, listQuestionnaires, parseQuestionnaireXlsx } from '../../modules/surveys/questionnaires.js';
import { answerCampaign, answerDossier, createCampaign, dossierSurvey, getCampaign, importAnswers, listCampaigns, publicQuestions } from '../../modules/surveys/responses.js';
import { satisfactionIndex } from '../../modules/surveys/satisfaction.js';
import type { QuestionnaireDef } from '../../../domain/surveys/questionnaire.js';
import { vietnamDateOf } from '../../../domain/org/dates.js';

const answers = z.object({ answers: z.array(z.object({ questionId: z.string().min(1).max(50), value: z.coerce.string().max(20) })).min(1).max(200) });
const code = z.object({ code: z.string().min(3).max(100) });
const MAX_FILE = 5 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const definition = z.object({
  elements: z.array(z.object({ key: z.string().min(1).max(30), name: z.string().min(1).max(300), formula: z.enum(['share', 'weighted']) })).min(1).max(30),
  scales: z.array(z.object({ key: z.string().min(1).max(30), name: z.string().max(300), options: z.array(z.object({ value: z.string().min(1).max(20), label: z.string().max(200), weight: z.number().int().min(0).max(100), satisfied: z.boolean(), dissatisfied: z.boolean() })).min(2).max(20) })).min(1).max(10),
  questions: z.array(z.object({ id: z.string().min(1).max(50), element: z.string().max(30), kind: z.enum(['assessment', 'satisfaction', 'expectation']), text: z.string().min(1).max(1000), scale: z.string().max(30) })).min(1).max(200),
  overall: z.enum(['mean_of_elements', 'pooled']),
  minSample: z.number().int().min(1).max(100_000),
});

export const surveyRoutes: FastifyPluginAsyncZod<{ db: Db; publicRateLimit: number }> = async (app, { db, publicRateLimit }) => {
  const limited = { rateLimit: { max: publicRateLimit, timeWindow: '1 minute' } };

  // ---- public ----
  app.get('/api/public/surveys/dossier/:code', { config: limited, schema: { tags: ['public'], summary: 'Phiếu khảo sát sự hài lòng của một hồ sơ (công dân)', params: code } }, async (req) => dossierSurvey(db, req.params.code));

  app.get(
    '/api/public/surveys/dossier/:code/qr.svg',
    { config: limited, schema: { tags: ['public'], summary: 'Mã QR dẫn tới phiếu khảo sát của hồ sơ (SVG, để in tại quầy)', params: code } },
    async (req, reply) => {
      // only for a dossier that exists and whose result was returned (the survey is open)
      await dossierSurvey(db, req.params.code);
      const url = `${req.protocol}://${req.host}/cong-khai/khao-sat/${encodeURIComponent(req.params.code)}`;
      const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
      return reply.header('content-type', 'image/svg+xml; charset=utf-8').header('cache-control', 'public, max-age=86400').send(svg);
    },
  );

  app.post(
    '/api/public/surveys/dossier/:code',
    { config: limited, schema: { tags: ['public'], summary: 'Gửi đánh giá của một hồ sơ (mỗi hồ sơ một lần)', description: 'Only once the result is returned; a second answer is 409 and changes nothing.', params: code, body: answers } },
    async (req, reply) => reply.status(201).send(await answerDossier(db, req.params.code, req.body.answers)),
  );

  app.get('/api/public/surveys/campaigns/:id', { config: limited, schema: { tags: ['public'], summary: 'Phiếu khảo sát của một đợt khảo sát', params: idParam } }, async (req) => {
    const c = await getCampaign(db, req.params.id);
    const today = vietnamDateOf(new Date());
    return { campaign: { id: c.id, name: c.name, opensOn: c.opensOn, closesOn: c.closesOn, open: today >= c.opensOn && today <= c.closesOn }, ...publicQuestions(await getQuestionnaire(db, c.questionnaireId)) };
  });

  app.post('/api/public/surveys/campaigns/:id', { config: limited, schema: { tags: ['public'], summary: 'Trả lời phiếu của một đợt khảo sát', params: idParam, body: answers } }, async (req, reply) => reply.status(201).send(await answerCampaign(db, req.params.id, req.body.answers, null)));

  // ---- staff ----
  app.get('/api/surveys', { schema: { tags: ['surveys'], summary: 'Phiếu khảo sát (các phiên bản) và đợt khảo sát' } }, async (req) => {
    const { user } = requireActor(req);
    const unit = readableUnit(user, undefined);
    const scope = await resolveScope(db, unit);
    return { questionnaires: await listQuestionnaires(db), campaigns: await listCampaigns(db, scope.unitIds) };
  });

  app.post('/api/surveys/questionnaires', { schema: { tags: ['surveys'], summary: 'Tạo phiếu (phiên bản mới của mã)', body: z.object({ code: z.string().min(1).max(40), name: z.string().min(1).max(300), definition, activate: z.boolean().optional() }) } }, async (req, reply) => {
    const { user } = requireActor(req);
    authorize(user, 'survey.manage');
    const row = await createQuestionnaire(db, auditActor(user), { ...req.body, definition: req.body.definition as QuestionnaireDef });
    return reply.status(201).send(row);
  });

  app.post('/api/surveys/questionnaires/:id/clone', { schema: { tags: ['surveys'], summary: 'Sao thành phiên bản mới', params: idParam, body: z.object({ name: z.string().min(1).max(300).optional() }).optional() } }, async (req, reply) => {
    const { user } = requireActor(req);
    authorize(user, 'survey.manage');
    return reply.status(201).send(await cloneQuestionnaire(db, auditActor(user), req.params.id, req.body?.name));
  });

  app.post('/api/surveys/questionnaires/:id/activate', { schema: { tags: ['surveys'], summary: 'Dùng phiên bản này cho khảo sát theo hồ sơ', params: idParam } }, async (req) => {
    const { user } = requireActor(req);
    authorize(user, 'survey.manage');
    return activateQuestionnaire(db, auditActor(user), req.params.id);
  });

  app.get('/api/surveys/questionnaires/:id.xlsx', { schema: { tags: ['surveys'], summary: 'Xuất phiếu (Excel)', params: idParam } }, async (req, reply) => {
    const { user } = requireActor(req);
    readableUnit(user, undefined);
    const file = await exportQuestionnaireXlsx(db, req.params.id);
    return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="phieu-khao-sat-${req.params.id}.xlsx"`).send(file);
  });

  app.post('/api/surveys/questionnaires/import', { schema: { tags: ['surveys'], summary: 'Nhập phiếu từ Excel (phiên bản mới)', querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false') }) } }, async (req, reply) => {
    const { user } = requireActor(req);
    authorize(user, 'survey.manage');
    const file = await readUpload(req, MAX_FILE);
    const parsed = await parseQuestionnaireXlsx(file.name, file.data);
    if (req.query.dryRun === 'true') return { dryRun: true, ...parsed, saved: null };
    const row = await createQuestionnaire(db, auditActor(user), { code: parsed.code, name: parsed.name, definition: parsed.definition, activate: false });
    return reply.status(201).send({ dryRun: false, ...parsed, saved: { id: row.id, version: row.version } });
  });

  app.post(
    '/api/surveys/campaigns',
    { schema: { tags: ['surveys'], summary: 'Tạo đợt khảo sát', body: z.object({ name: z.string().min(1).max(300), unitId: z.number().int().positive(), procedureCode: z.string().max(50).nullish(), opensOn: isoDate, closesOn: isoDate, sampleSize: z.number().int().min(1).max(1_000_000), questionnaireId: z.number().int().positive().optional() }) } },
    async (req, reply) => {
      const { user } = requireActor(req);
      authorize(user, 'survey.manage');
      return reply.status(201).send(await createCampaign(db, auditActor(user), req.body));
    },
  );

  app.post('/api/surveys/campaigns/:id/responses', { schema: { tags: ['surveys'], summary: 'Nhập phiếu giấy của đợt khảo sát', params: idParam, body: answers.extend({ answeredOn: isoDate }) } }, async (req, reply) => {
    const { user } = requireActor(req);
    const c = await getCampaign(db, req.params.id);
    authorize(user, 'survey.enter', { unitId: c.unitId });
    if (req.body.answeredOn > vietnamDateOf(new Date())) throw errors.badRequest('FUTURE', 'Ngày trả lời ở tương lai.', 'The date is in the future.');
    return reply.status(201).send(await answerCampaign(db, c.id, req.body.answers, auditActor(user), new Date(), req.body.answeredOn));
  });

  app.post('/api/surveys/import', { schema: { tags: ['surveys'], summary: 'Nhập phiếu trả lời từ Excel (cả tệp hoặc không gì)', description: 'Columns: Mã hồ sơ, Mã đơn vị, Mã thủ tục, Ngày trả lời (dd/mm/yyyy), then one column per question code. Any row error saves nothing (400, details.errors with row numbers).', querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false'), questionnaire: z.coerce.number().int().positive().optional() }) } }, async (req) => {
    const { user } = requireActor(req);
    authorize(user, 'survey.manage');
    const file = await readUpload(req, MAX_FILE);
    return importAnswers(db, auditActor(user), file, { dryRun: req.query.dryRun === 'true', questionnaireId: req.query.questionnaire });
  });

  app.get(
    '/api/satisfaction',
    {
      schema: {
        tags: ['surveys'],
        summary: 'Chỉ số hài lòng theo yếu tố và chung (đơn vị, kỳ)',
        description: 'Per element `{ answers, index }` and `overall`, from the counters; `smallSample` when fewer answers than the questionnaire’s minimum sample.',
        querystring: z.object({ unit: z.coerce.number().int().positive().optional(), from: isoDate, to: isoDate, procedure: z.string().max(50).optional(), field: z.string().max(200).optional(), questionnaire: z.coerce.number().int().positive().optional() }),
      },
    },
    async (req) => {
      const { user } = requireActor(req);
      if (req.query.from > req.query.to) throw errors.badRequest('INVALID_RANGE', 'Ngày bắt đầu phải trước ngày kết thúc.', 'The start date must not be after the end date.');
      const scope = await resolveScope(db, readableUnit(user, req.query.unit));
      const x = await satisfactionIndex(db, scope.unitIds, req.query.from, req.query.to, { procedure: req.query.procedure, field: req.query.field, questionnaireId: req.query.questionnaire });
      return { unit: scope.unit, from: req.query.from, to: req.query.to, ...x };
    },
  );
};
