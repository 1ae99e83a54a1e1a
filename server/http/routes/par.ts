import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { cloneSet, createSet, exportSetXlsx, getSet, importSet, listSets } from '../../modules/par/criteriaSets.js';
import { auditActor, authorize, requireActor } from '../auth.js';
import { idParam } from '../schemas.js';
import { readUpload } from '../upload.js';
import { UNIT_TYPES } from '../../../domain/org/history.js';
import type { CriteriaNode } from '../../../domain/par/criteriaSet.js';
import { scopeUnit } from '../../../domain/access/policy.js';
import { vietnamDateOf } from '../../../domain/org/dates.js';
import { acceptRemaining, addItemEvidence, answerItem, appraiseItem, getAssessment, getItemEvidence, MAX_PAR_EVIDENCE_BYTES, removeItemEvidence, saveItem, submitAssessment } from '../../modules/par/assessment.js';
import { approveRound, assignAppraiser, createRound, getRound, importSurvey, listRounds, publishRound, reopenUnit, surveyTemplate, updateRound } from '../../modules/par/rounds.js';
import { exportResultsDocx, exportResultsXlsx, publicRanking, publishedRounds, roundResults } from '../../modules/par/results.js';
import { errors } from '../../errors.js';
import { isoDate } from '../schemas.js';
import { publicVersion } from '../../modules/public/version.js';
import { PublicCache, sendPrepared } from '../publicCache.js';

const tier = z.object({ atLeast: z.number().min(0).max(100), share: z.number().min(0).max(1) });
const rule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('manual') }),
  z.object({ kind: z.literal('yes_no') }),
  z.object({ kind: z.literal('tiers'), tiers: z.array(tier).min(1).max(10) }),
  z.object({ kind: z.literal('deduction'), perItem: z.number().positive() }),
  z.object({ kind: z.literal('computed'), source: z.enum(['plan_tasks_on_time', 'dossiers_on_time', 'dossiers_online', 'feedback_on_time', 'satisfaction_index']), tiers: z.array(tier).max(10).optional() }),
]);
const node: z.ZodType<CriteriaNode> = z.lazy(() =>
  z.object({
    code: z.string().regex(/^\d+(\.\d+)*$/).max(20),
    name: z.string().max(1000),
    max: z.number().min(0).max(1000),
    guidance: z.string().max(5000).optional(),
    evidenceRequired: z.boolean().optional(),
    rule: rule.optional(),
    children: z.array(node).max(200).optional(),
  }),
);
const meta = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  unitType: z.enum(UNIT_TYPES),
  name: z.string().trim().min(1).max(300),
  surveyShare: z.coerce.number().min(0).max(100),
  source: z.string().trim().max(300).nullish(),
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const groups = z.array(z.object({ name: z.string().trim().min(1).max(20), atLeast: z.number().min(0).max(100) })).min(1).max(10);
const windows = { selfFrom: isoDate, selfTo: isoDate, appraisalFrom: isoDate, appraisalTo: isoDate };
const unitParams = z.object({ id: z.coerce.number().int().positive(), unitId: z.coerce.number().int().positive() });
const itemParams = unitParams.extend({ code: z.string().regex(/^\d+(\.\d+)*$/).max(20) });
/** what the unit (or the appraiser) gives for an item, by the item's rule */
const itemInput = z.union([
  z.object({ value: z.number().finite() }).strict(),
  z.object({ yes: z.boolean() }).strict(),
  z.object({ percent: z.number().finite() }).strict(),
  z.object({ count: z.number().int() }).strict(),
]);

export const parRoutes: FastifyPluginAsyncZod<{ db: Db; publicRateLimit: number }> = async (app, { db, publicRateLimit }) => {
  app.get('/api/par/criteria-sets', { schema: { tags: ['par'], summary: 'Các bộ tiêu chí Chỉ số CCHC' } }, async (req) => {
    requireActor(req);
    return listSets(db);
  });

  app.get('/api/par/criteria-sets/:id', { schema: { tags: ['par'], summary: 'Bộ tiêu chí (cây)', params: idParam } }, async (req) => {
    requireActor(req);
    return getSet(db, req.params.id);
  });

  app.post('/api/par/criteria-sets', { schema: { tags: ['par'], summary: 'Tạo bộ tiêu chí (JSON)', body: meta.extend({ areas: z.array(node).min(1).max(50) }) } }, async (req) => {
    const { user } = requireActor(req);
    authorize(user, 'par.manage');
    return createSet(db, auditActor(user), req.body);
  });

  app.post(
    '/api/par/criteria-sets/import',
    { schema: { tags: ['par'], summary: 'Nhập bộ tiêu chí từ .xlsx/.csv (Mã | Nội dung | Điểm tối đa | Cách chấm | Tham số | Bắt buộc tài liệu kiểm chứng | Hướng dẫn)', querystring: meta.extend({ dryRun: z.enum(['true', 'false']).optional() }) } },
    async (req) => {
      const { user } = requireActor(req);
      authorize(user, 'par.manage');
      const file = await readUpload(req, 5 * 1024 * 1024);
      const { dryRun, ...m } = req.query;
      return importSet(db, auditActor(user), file, m, dryRun === 'true');
    },
  );

  app.get('/api/par/criteria-sets/:id/export.xlsx', { schema: { tags: ['par'], summary: 'Xuất bộ tiêu chí (Excel)', params: idParam } }, async (req, reply) => {
    requireActor(req);
    const file = await exportSetXlsx(db, req.params.id);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="bo-tieu-chi-${req.params.id}.xlsx"`)
      .send(file);
  });

  app.post('/api/par/criteria-sets/:id/clone', { schema: { tags: ['par'], summary: 'Sao chép bộ tiêu chí sang năm khác', params: idParam, body: z.object({ year: z.number().int().min(2000).max(2100) }) } }, async (req) => {
    const { user } = requireActor(req);
    authorize(user, 'par.manage');
    return cloneSet(db, auditActor(user), req.params.id, req.body.year);
  });

  // ---- rounds -------------------------------------------------------------------------------------
  app.get('/api/par/rounds', { schema: { tags: ['par'], summary: 'Các đợt đánh giá Chỉ số CCHC' } }, async (req) => {
    requireActor(req);
    return listRounds(db);
  });

  app.post(
    '/api/par/rounds',
    {
      schema: {
        tags: ['par'],
        summary: 'Tạo đợt đánh giá: năm, bộ tiêu chí theo loại đơn vị, phạm vi, thời gian',
        body: z.object({
          year: z.number().int().min(2000).max(2100),
          name: z.string().trim().min(1).max(300),
          ...windows,
          setIds: z.array(z.number().int().positive()).min(1).max(10),
          unitIds: z.array(z.number().int().positive()).min(1).max(2000).optional(),
          asOf: isoDate.optional(),
          groups: groups.optional(),
        }),
      },
    },
    async (req, reply) => {
      const { user } = requireActor(req);
      authorize(user, 'par.manage');
      return reply.status(201).send(await createRound(db, auditActor(user), req.body, new Date()));
    },
  );

  app.get('/api/par/rounds/:id', { schema: { tags: ['par'], summary: 'Một đợt đánh giá và tiến độ của các đơn vị', params: idParam } }, async (req) => getRound(db, requireActor(req).user, req.params.id));

  app.patch(
    '/api/par/rounds/:id',
    { schema: { tags: ['par'], summary: 'Sửa thời gian, tên, phân nhóm của đợt', params: idParam, body: z.object({ name: z.string().trim().min(1).max(300), ...windows, groups }).partial() } },
    async (req) => {
      const { user } = requireActor(req);
      authorize(user, 'par.manage');
      return updateRound(db, auditActor(user), req.params.id, req.body);
    },
  );

  app.post(
    '/api/par/rounds/:id/units/:unitId/reopen',
    { schema: { tags: ['par'], summary: 'Mở lại bản tự đánh giá của một đơn vị (ghi nhật ký)', params: unitParams, body: z.object({ until: isoDate, reason: z.string().trim().min(1).max(2000) }) } },
    async (req) => {
      const { user } = requireActor(req);
      authorize(user, 'par.manage');
      return reopenUnit(db, auditActor(user), req.params.id, req.params.unitId, req.body.until, req.body.reason, new Date());
    },
  );

  app.put(
    '/api/par/rounds/:id/units/:unitId/appraiser',
    { schema: { tags: ['par'], summary: 'Phân công thành viên tổ thẩm định cho đơn vị', params: unitParams, body: z.object({ appraiserId: z.number().int().positive().nullable() }) } },
    async (req) => {
      const { user } = requireActor(req);
      authorize(user, 'par.manage');
      return assignAppraiser(db, auditActor(user), req.params.id, req.params.unitId, req.body.appraiserId);
    },
  );

  app.get('/api/par/rounds/:id/survey-template.xlsx', { schema: { tags: ['par'], summary: 'Mẫu tệp điểm điều tra xã hội học của đợt', params: idParam } }, async (req, reply) => {
    const { user } = requireActor(req);
    authorize(user, 'par.manage');
    return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="diem-dieu-tra-${req.params.id}.xlsx"`).send(await surveyTemplate(db, req.params.id));
  });

  app.post(
    '/api/par/rounds/:id/survey',
    { schema: { tags: ['par'], summary: 'Nhập điểm điều tra xã hội học (.xlsx/.csv: Mã đơn vị | Tên đơn vị | Điểm | Điểm tối đa)', params: idParam, querystring: z.object({ dryRun: z.enum(['true', 'false']).optional() }) } },
    async (req) => {
      const { user } = requireActor(req);
      authorize(user, 'par.manage');
      const file = await readUpload(req, 5 * 1024 * 1024);
      return importSurvey(db, auditActor(user), req.params.id, file, req.query.dryRun === 'true');
    },
  );

  app.post('/api/par/rounds/:id/approve', { schema: { tags: ['par'], summary: 'Phê duyệt kết quả đợt đánh giá', params: idParam } }, async (req) => {
    const { user } = requireActor(req);
    authorize(user, 'par.manage');
    return approveRound(db, user, auditActor(user), req.params.id);
  });

  app.post('/api/par/rounds/:id/publish', { schema: { tags: ['par'], summary: 'Công bố kết quả (xếp hạng công khai)', params: idParam } }, async (req) => {
    const { user } = requireActor(req);
    authorize(user, 'par.manage');
    return publishRound(db, user, auditActor(user), req.params.id);
  });

  // ---- results ------------------------------------------------------------------------------------
  app.get('/api/par/rounds/:id/results', { schema: { tags: ['par'], summary: 'Kết quả: điểm, chỉ số, xếp hạng theo loại đơn vị, nhóm, theo lĩnh vực, năm trước', params: idParam } }, async (req) => {
    const { user } = requireActor(req);
    const scope = scopeUnit(user, 'report.read');
    if (scope === 'none') throw errors.forbidden();
    return roundResults(db, req.params.id, scope);
  });

  const wholeResults = (req: Parameters<typeof requireActor>[0]) => {
    const { user } = requireActor(req);
    if (scopeUnit(user, 'report.read') !== null) throw errors.forbidden();
  };
  app.get('/api/par/rounds/:id/results.xlsx', { schema: { tags: ['par'], summary: 'Xuất kết quả (.xlsx)', params: idParam } }, async (req, reply) => {
    wholeResults(req);
    return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="chi-so-cchc-${req.params.id}.xlsx"`).send(await exportResultsXlsx(db, req.params.id));
  });
  app.get('/api/par/rounds/:id/report.docx', { schema: { tags: ['par'], summary: 'Báo cáo kết quả (.docx)', params: idParam } }, async (req, reply) => {
    wholeResults(req);
    return reply.header('content-type', DOCX).header('content-disposition', `attachment; filename="bao-cao-chi-so-cchc-${req.params.id}.docx"`).send(await exportResultsDocx(db, req.params.id));
  });

  const publicRead = { rateLimit: { max: publicRateLimit, timeWindow: '1 minute' } };
  // published results change only on a publication (or the organisation's names): kept in memory under the
  // public version; browsers revalidate each time (no-cache) and get a 304 for their ETag, so a publication shows at once
  const published = new PublicCache();
  const PUBLISHED_CACHE = 'public, no-cache';
  app.get('/api/public/par/rounds', { config: publicRead, schema: { tags: ['public'], summary: 'Các kết quả Chỉ số CCHC đã công bố' } }, async (req, reply) =>
    sendPrepared(req, reply, await published.get('rounds', await publicVersion.current(db), () => publishedRounds(db)), PUBLISHED_CACHE),
  );
  app.get('/api/public/par/rounds/:id', { config: publicRead, schema: { tags: ['public'], summary: 'Xếp hạng Chỉ số CCHC đã công bố', params: idParam } }, async (req, reply) => {
    const p = await published.get(`ranking:${req.params.id}`, await publicVersion.current(db), () => publicRanking(db, req.params.id));
    if (p.missing) throw errors.notFound('published round');
    return sendPrepared(req, reply, p, PUBLISHED_CACHE);
  });

  // ---- self-assessment and appraisal --------------------------------------------------------------
  app.get('/api/par/rounds/:id/units/:unitId', { schema: { tags: ['par'], summary: 'Bản tự đánh giá của đơn vị (và thẩm định)', params: unitParams } }, async (req) =>
    getAssessment(db, requireActor(req).user, req.params.id, req.params.unitId, new Date()),
  );

  app.put(
    '/api/par/rounds/:id/units/:unitId/items/:code',
    {
      schema: {
        tags: ['par'],
        summary: 'Lưu điểm tự chấm một tiêu chí (lưu ngay khi nhập)',
        params: itemParams,
        body: z.object({ input: itemInput.nullable().optional(), explanation: z.string().max(5000).nullable().optional(), refs: z.string().max(2000).nullable().optional() }),
      },
    },
    async (req) => {
      const { user } = requireActor(req);
      return saveItem(db, user, auditActor(user), req.params.id, req.params.unitId, req.params.code, req.body, new Date());
    },
  );

  app.post('/api/par/rounds/:id/units/:unitId/items/:code/evidence', { schema: { tags: ['par'], summary: 'Đính kèm tài liệu kiểm chứng (PDF, Word, Excel, JPG, PNG; tối đa 10 MB)', params: itemParams } }, async (req, reply) => {
    const { user } = requireActor(req);
    const file = await readUpload(req, MAX_PAR_EVIDENCE_BYTES);
    return reply.status(201).send(await addItemEvidence(db, user, auditActor(user), req.params.id, req.params.unitId, req.params.code, file, new Date()));
  });

  app.get('/api/par/evidence/:id', { schema: { tags: ['par'], summary: 'Tải tài liệu kiểm chứng', params: idParam } }, async (req, reply) => {
    const e = await getItemEvidence(db, requireActor(req).user, req.params.id);
    return reply
      .header('content-type', e.mimeType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(e.fileName)}`)
      .header('content-security-policy', "default-src 'none'")
      .send(e.content);
  });

  app.delete('/api/par/evidence/:id', { schema: { tags: ['par'], summary: 'Gỡ tài liệu kiểm chứng (khi còn sửa được)', params: idParam } }, async (req, reply) => {
    const { user } = requireActor(req);
    await removeItemEvidence(db, user, auditActor(user), req.params.id, new Date());
    return reply.status(204).send();
  });

  app.post('/api/par/rounds/:id/units/:unitId/submit', { schema: { tags: ['par'], summary: 'Lãnh đạo đơn vị gửi bản tự đánh giá (khóa lại)', params: unitParams } }, async (req) => {
    const { user } = requireActor(req);
    return submitAssessment(db, user, auditActor(user), req.params.id, req.params.unitId, new Date());
  });

  app.post(
    '/api/par/rounds/:id/units/:unitId/items/:code/appraisal',
    {
      schema: {
        tags: ['par'],
        summary: 'Thẩm định một tiêu chí: chấp nhận, điều chỉnh (kèm lý do) hoặc trả lại giải trình (một lần)',
        params: itemParams,
        body: z.discriminatedUnion('action', [
          z.object({ action: z.literal('accept') }),
          z.object({ action: z.literal('adjust'), input: itemInput, reason: z.string().trim().min(1).max(2000) }),
          z.object({ action: z.literal('return'), note: z.string().trim().min(1).max(2000) }),
        ]),
      },
    },
    async (req) => {
      const { user } = requireActor(req);
      return appraiseItem(db, user, auditActor(user), req.params.id, req.params.unitId, req.params.code, req.body, new Date());
    },
  );

  app.post('/api/par/rounds/:id/units/:unitId/accept-remaining', { schema: { tags: ['par'], summary: 'Chấp nhận các tiêu chí còn lại', params: unitParams } }, async (req) => {
    const { user } = requireActor(req);
    return acceptRemaining(db, user, auditActor(user), req.params.id, req.params.unitId, new Date());
  });

  app.post(
    '/api/par/rounds/:id/units/:unitId/items/:code/answer',
    { schema: { tags: ['par'], summary: 'Đơn vị giải trình tiêu chí bị trả lại', params: itemParams, body: z.object({ reply: z.string().trim().min(1).max(5000) }) } },
    async (req) => {
      const { user } = requireActor(req);
      return answerItem(db, user, auditActor(user), req.params.id, req.params.unitId, req.params.code, req.body.reply, new Date());
    },
  );
};
