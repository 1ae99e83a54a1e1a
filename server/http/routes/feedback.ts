/** Citizen feedback (PAKN): the public form, lookup and published answers; the staff's desk, inbox, steps and figures. */
import type { MultipartFile, MultipartValue } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { feedbackLimits } from '../../db/schema.js';
import { AppError, errors } from '../../errors.js';
import { recordAudit } from '../../modules/audit/record.js';
import { figuresOf, receivedBy } from '../../modules/feedback/counters.js';
import {
  answer, approve, citizenInfo, sendReminders, classify, infoReceived, type IntakeInput, limitsFor, MAX_FILE_BYTES, MAX_FILES, publish, rate, receiveFeedback, requestInfo, transfer, type UploadedFile,
} from '../../modules/feedback/items.js';
import { exportFeedbackXlsx, followUpLists, getFeedback, getFeedbackFile, listFeedback, publicFeedback, publishedAnswers } from '../../modules/feedback/queries.js';
import { resolveScope } from '../../modules/org/scope.js';
import { findInvalidText } from '../../modules/files/text.js';
import { CHANNELS, STATES, TRACKING_CODE } from '../../../domain/feedback/process.js';
import { auditActor, authorize, readableUnit, requireActor } from '../auth.js';
import { idParam, isoDate } from '../schemas.js';
import { multipartError } from '../upload.js';

const intake = z.object({
  name: z.string().max(200),
  phone: z.string().max(30).nullish(),
  email: z.string().max(254).nullish(),
  address: z.string().max(500),
  content: z.string().max(10_000),
  unitId: z.coerce.number().int().positive().nullish(),
  procedureCode: z.string().max(50).nullish(),
  dossierCode: z.string().max(100).nullish(),
});

const staffIntake = intake.extend({
  channel: z.enum(CHANNELS),
  field: z.string().max(200).nullish(),
  receivedAt: z.string().datetime({ offset: true }).optional(),
});

const codeParam = z.object({ code: z.string().regex(TRACKING_CODE, 'Mã phản ánh có dạng PAKN.yyyymmdd.nnnn') });

function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const r = schema.safeParse(body ?? {});
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = issue.path.join('.');
    throw errors.badRequest('INVALID_INPUT', `Dữ liệu không hợp lệ ở trường "${field}".`, `Invalid field "${field}": ${issue.message}`, { field });
  }
  return r.data;
}

/** The form's fields and up to MAX_FILES files ("files"), each checked and limited in size. */
async function readForm(req: FastifyRequest): Promise<{ fields: Record<string, string>; files: UploadedFile[] }> {
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  try {
    for await (const part of req.parts({ limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES, fields: 20, fieldSize: 20_000 } })) {
      if (part.type === 'file') {
        const f = part as MultipartFile;
        const data = await f.toBuffer();
        if (f.file.truncated) throw errors.tooLarge('FILE_TOO_LARGE', 'Mỗi tệp tối đa 5 MB.', 'Each file may be at most 5 MB.', { fileName: f.filename });
        if (!f.filename?.trim()) throw errors.badRequest('FILE_NAME_MISSING', 'Tệp gửi lên không có tên.', 'The file has no name.');
        files.push({ name: f.filename, data });
        continue;
      }
      const v = part as MultipartValue;
      if (v.valueTruncated) throw errors.tooLarge('FIELD_TOO_LONG', `Trường "${v.fieldname}" quá dài.`, `The field "${v.fieldname}" is too long.`, { field: v.fieldname });
      const value = String(v.value);
      const badText = findInvalidText({ [v.fieldname]: value }, 'body');
      if (badText) throw errors.invalidText(badText.path, badText.char);
      fields[v.fieldname] = value;
    }
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_FILES_LIMIT') throw errors.tooLarge('TOO_MANY_FILES', `Gửi tối đa ${MAX_FILES} tệp.`, `At most ${MAX_FILES} files.`);
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw errors.tooLarge('FILE_TOO_LARGE', 'Mỗi tệp tối đa 5 MB.', 'Each file may be at most 5 MB.');
    throw multipartError(e, MAX_FILE_BYTES) ?? errors.badRequest('BROKEN_MULTIPART', 'Dữ liệu gửi lên bị lỗi; hãy gửi lại.', 'The multipart body is malformed.');
  }
  return { fields: Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== '')), files };
}

const listQuery = z.object({
  unit: z.coerce.number().int().min(0).optional().describe('Đơn vị đang xử lý (0: bộ phận tiếp nhận)'),
  state: z.enum([...STATES, 'open']).optional(),
  overdue: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
  q: z.string().max(100).optional(),
  from: isoDate.optional().describe('Tiếp nhận từ ngày'),
  to: isoDate.optional().describe('Tiếp nhận đến ngày'),
  sort: z.enum(['left', 'received']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

export const feedbackRoutes: FastifyPluginAsyncZod<{ db: Db; publicRateLimit: number; feedbackRateLimit: number }> = async (app, { db, publicRateLimit, feedbackRateLimit }) => {
  app.post(
    '/api/public/feedback',
    {
      bodyLimit: 64 * 1024,
      config: { rateLimit: { max: feedbackRateLimit, timeWindow: '10 minutes' } },
      schema: {
        tags: ['public'],
        summary: 'Gửi phản ánh, kiến nghị (công dân) / submit feedback',
        description: `JSON \`{ name, phone?, email?, address, content, unitId?, procedureCode?, dossierCode? }\` (phone or e-mail required), or multipart/form-data with the same fields and up to ${MAX_FILES} \`files\` (PDF, Word, Excel, JPG, PNG; 5 MB each). 201 \`{ code }\`. Rate-limited per address.`,
      },
    },
    async (req, reply) => {
      let body: unknown = req.body;
      let files: UploadedFile[] = [];
      if (req.isMultipart()) ({ fields: body, files } = await readForm(req));
      const input = parseBody(intake, body);
      const r = await receiveFeedback(db, null, { ...input, channel: 'web' } as IntakeInput, files);
      return reply.code(201).send({ code: r.code, receivedAt: r.receivedAt.toISOString() });
    },
  );

  app.get(
    '/api/public/feedback',
    {
      config: { rateLimit: { max: publicRateLimit, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: 'Các câu trả lời đã công khai / published answers',
        querystring: z.object({ q: z.string().max(100).optional(), field: z.string().max(200).optional(), unit: z.coerce.number().int().positive().optional(), limit: z.coerce.number().int().min(1).max(100).default(20), offset: z.coerce.number().int().min(0).default(0) }),
      },
    },
    async (req) => publishedAnswers(db, req.query),
  );

  app.get(
    '/api/public/feedback/:code',
    { config: { rateLimit: { max: publicRateLimit, timeWindow: '1 minute' } }, schema: { tags: ['public'], summary: 'Tra cứu phản ánh theo mã / lookup by code', params: codeParam } },
    async (req) => publicFeedback(db, req.params.code),
  );

  app.post(
    '/api/public/feedback/:code/info',
    {
      bodyLimit: 64 * 1024,
      config: { rateLimit: { max: feedbackRateLimit, timeWindow: '10 minutes' } },
      schema: { tags: ['public'], summary: 'Công dân bổ sung thông tin (tiếp tục tính thời gian)', params: codeParam, body: z.object({ contact: z.string().max(254), text: z.string().max(10_000) }) },
    },
    async (req) => citizenInfo(db, req.params.code, req.body),
  );

  app.post(
    '/api/public/feedback/:code/rating',
    {
      config: { rateLimit: { max: feedbackRateLimit, timeWindow: '10 minutes' } },
      schema: { tags: ['public'], summary: 'Đánh giá câu trả lời (một lần)', params: codeParam, body: z.object({ contact: z.string().max(254), satisfied: z.boolean() }) },
    },
    async (req) => rate(db, req.params.code, req.body),
  );

  // staff
  app.get('/api/feedback', { schema: { tags: ['feedback'], summary: 'Danh sách phản ánh (bộ phận tiếp nhận, hộp thư đơn vị)', querystring: listQuery } }, async (req) => {
    const { user } = requireActor(req);
    return listFeedback(db, user, req.query);
  });

  app.get('/api/feedback.xlsx', { schema: { tags: ['feedback'], summary: 'Xuất danh sách phản ánh (Excel)', querystring: listQuery } }, async (req, reply) => {
    const { user } = requireActor(req);
    const file = await exportFeedbackXlsx(db, user, req.query);
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', `attachment; filename="phan-anh-kien-nghi-${today()}.xlsx"`).send(file);
  });

  app.get(
    '/api/feedback/stats',
    {
      schema: {
        tags: ['feedback'],
        summary: 'Số liệu phản ánh, kiến nghị (đơn vị, kỳ)',
        description: 'From the daily counters. received, onTime, late in the period; openOnTime, openLate at its end (or now); onTimeRate = onTime ÷ (onTime + late + openLate).',
        querystring: z.object({ unit: z.coerce.number().int().positive().optional(), from: isoDate, to: isoDate }),
      },
    },
    async (req) => {
      const { user } = requireActor(req);
      if (req.query.from > req.query.to) throw errors.badRequest('INVALID_RANGE', 'Ngày bắt đầu phải trước ngày kết thúc.', 'The start date must not be after the end date.');
      const scope = await resolveScope(db, readableUnit(user, req.query.unit));
      const figures = await figuresOf(db, scope.unitIds, req.query.from, req.query.to);
      return { unit: scope.unit, from: req.query.from, to: req.query.to, ...figures, ...(await receivedBy(db, scope.unitIds, req.query.from, req.query.to)) };
    },
  );

  app.get('/api/feedback/follow-up', { schema: { tags: ['feedback'], summary: 'Theo dõi: quá hạn, đến hạn trong 1 và 3 ngày làm việc, chờ bổ sung' } }, async (req) => {
    const { user } = requireActor(req);
    return followUpLists(db, user);
  });

  app.post('/api/feedback/reminders', { schema: { tags: ['feedback'], summary: 'Nhắc các đơn vị có phản ánh quá hạn hoặc sắp đến hạn (một lần mỗi ngày)' } }, async (req) => {
    const { user } = requireActor(req);
    authorize(user, 'feedback.desk');
    return sendReminders(db, user);
  });

  app.get('/api/feedback/limits', { schema: { tags: ['feedback'], summary: 'Thời hạn xử lý (ngày làm việc)' } }, async (req) => {
    requireActor(req);
    return { default: await limitsFor(db, null), kinds: await db.select().from(feedbackLimits) };
  });

  app.put(
    '/api/feedback/limits',
    {
      schema: {
        tags: ['feedback'],
        summary: 'Đặt thời hạn xử lý theo loại (lĩnh vực; "" là mặc định của tỉnh)',
        body: z.object({ kind: z.string().max(200), refuseDays: z.number().int().min(1).max(60), forwardDays: z.number().int().min(1).max(60), infoRequestDays: z.number().int().min(1).max(60), handleDays: z.number().int().min(1).max(120), publishDays: z.number().int().min(1).max(60) }),
      },
    },
    async (req) => {
      const { user } = requireActor(req);
      authorize(user, 'feedback.desk');
      const { kind, ...v } = req.body;
      await db.transaction(async (tx) => {
        await tx.insert(feedbackLimits).values({ kind, ...v }).onConflictDoUpdate({ target: feedbackLimits.kind, set: v });
        await recordAudit(tx, auditActor(user), { action: 'feedback.limits', entityType: 'feedback_limits', entityId: kind || 'default', after: req.body });
      });
      return { ok: true };
    },
  );

  app.post('/api/feedback', { bodyLimit: 64 * 1024, schema: { tags: ['feedback'], summary: 'Tiếp nhận phản ánh (cán bộ: điện thoại 1022, thư, e-mail, cổng quốc gia)' } }, async (req, reply) => {
    const { user } = requireActor(req);
    const input = parseBody(staffIntake, req.body);
    const r = await receiveFeedback(db, user, { ...input, receivedAt: input.receivedAt ? new Date(input.receivedAt) : undefined } as IntakeInput);
    return reply.code(201).send({ id: r.id, code: r.code });
  });

  app.get('/api/feedback/:id', { schema: { tags: ['feedback'], summary: 'Chi tiết phản ánh và dòng thời gian', params: idParam } }, async (req) => {
    const { user } = requireActor(req);
    return getFeedback(db, user, req.params.id);
  });

  app.get('/api/feedback/:id/files/:fileId', { schema: { tags: ['feedback'], summary: 'Tệp đính kèm', params: idParam.extend({ fileId: z.coerce.number().int().positive() }) } }, async (req, reply) => {
    const { user } = requireActor(req);
    const f = await getFeedbackFile(db, user, req.params.id, req.params.fileId);
    return reply.header('content-type', f.mimeType).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`).send(f.content);
  });

  const post = <T extends z.ZodType>(path: string, summary: string, body: T, run: (user: ReturnType<typeof requireActor>['user'], id: number, b: z.infer<T>) => Promise<unknown>) =>
    app.post(`/api/feedback/:id/${path}`, { schema: { tags: ['feedback'], summary, params: idParam, body } }, async (req) => {
      const { user } = requireActor(req);
      return run(user, req.params.id, req.body as z.infer<T>);
    });

  post('classify', 'Phân loại: từ chối, chuyển (hành vi cán bộ / ngoài thẩm quyền), giao xử lý', z.object({ kind: z.enum(['refused', 'conduct', 'within', 'outside']), unitId: z.number().int().positive().optional(), reason: z.string().max(2000).optional(), forwardedTo: z.string().max(300).optional(), field: z.string().max(200).optional() }), (u, id, b) => classify(db, u, id, b));
  post('transfer', 'Chuyển đơn vị xử lý', z.object({ unitId: z.number().int().positive(), reason: z.string().max(2000) }), (u, id, b) => transfer(db, u, id, b));
  post('request-info', 'Yêu cầu bổ sung thông tin (dừng tính thời gian)', z.object({ question: z.string().max(2000) }), (u, id, b) => requestInfo(db, u, id, b));
  post('info-received', 'Đã nhận thông tin bổ sung (tiếp tục tính thời gian)', z.object({ text: z.string().max(10_000) }), (u, id, b) => infoReceived(db, u, id, b));
  post('answer', 'Dự thảo trả lời', z.object({ answer: z.string().max(10_000) }), (u, id, b) => answer(db, u, id, b));
  post('approve', 'Lãnh đạo duyệt (hoặc trả lại) câu trả lời', z.object({ decision: z.enum(['approve', 'return']).optional(), reason: z.string().max(2000).optional() }), (u, id, b) => approve(db, u, id, b));
  post('publish', 'Công khai câu trả lời', z.object({}).optional(), (u, id) => publish(db, u, id));
};

export { AppError };
