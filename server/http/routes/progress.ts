import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { vietnamDateOf } from '../../../domain/org/dates.js';
import { lineage } from '../../../domain/org/history.js';
import { TASK_STATUSES } from '../../../domain/plans/progress.js';
import type { Db } from '../../db/client.js';
import { DataCache } from '../../db/dataCache.js';
import { listNotifications, markRead } from '../../modules/notifications/notify.js';
import { loadHistory } from '../../modules/org/history.js';
import { addEvidence, addUnitTask, getEvidence, listTaskReports, MAX_EVIDENCE_BYTES, reviewReport, saveReport, submitReport, urgeUnit } from '../../modules/plans/progress.js';
import { getTask, planUnitNames, planYear, unitTasks } from '../../modules/plans/queries.js';
import { exportAppendixDocx, exportPlanXlsx } from '../../modules/plans/exports.js';
import { followUp, planFigures } from '../../modules/plans/status.js';
import { authorize, requireActor } from '../auth.js';
import { idParam } from '../schemas.js';
import { readUpload } from '../upload.js';

const today = () => vietnamDateOf(new Date());

export const progressRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  // a plan's figures and a unit's tasks, kept while the records stay as they were (server/db/dataCache.ts)
  const figures = new DataCache<unknown>('plan figures', 128);
  const tasks = new DataCache<unknown>('unit tasks', 512);

  app.get('/api/plans/tasks/:id', { schema: { tags: ['plans'], summary: 'Một nhiệm vụ với các báo cáo tiến độ', params: idParam } }, async (req) => {
    const { user } = requireActor(req);
    authorize(user, 'plan.read');
    const task = await getTask(db, req.params.id, today());
    return { ...task, reports: await listTaskReports(db, user, req.params.id) };
  });

  app.get('/api/plans/:id/figures', { schema: { tags: ['plans'], summary: 'Số liệu tiến độ, kinh phí theo lĩnh vực, đơn vị', params: idParam } }, async (req) => {
    const { user } = requireActor(req);
    authorize(user, 'plan.read');
    return figures.get(db, JSON.stringify([req.params.id, today()]), async () => planFigures(db, req.params.id, await planUnitNames(db, await planYear(db, req.params.id))));
  });

  app.get(
    '/api/plans/:id/follow-up',
    { schema: { tags: ['plans'], summary: 'Sắp đến hạn (7/3/1 ngày) và quá hạn', params: idParam, querystring: z.object({ unitId: z.coerce.number().int().positive().optional(), today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }) } },
    async (req) => {
      const { user } = requireActor(req);
      authorize(user, 'plan.read');
      const year = await planYear(db, req.params.id);
      return followUp(db, req.params.id, req.query.today ?? today(), req.query.unitId ?? null, await planUnitNames(db, year));
    },
  );

  app.get('/api/plans/:id/export.xlsx', { schema: { tags: ['plans'], summary: 'Xuất kế hoạch kèm tiến độ (.xlsx)', params: idParam } }, async (req, reply) => {
    const { user } = requireActor(req);
    authorize(user, 'plan.read');
    const buf = await exportPlanXlsx(db, req.params.id, today());
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', `attachment; filename="ke-hoach-${req.params.id}.xlsx"`);
    return reply.send(buf);
  });

  app.get('/api/plans/:id/appendix.docx', { schema: { tags: ['plans'], summary: 'Xuất phụ lục phân công nhiệm vụ (.docx)', params: idParam } }, async (req, reply) => {
    const { user } = requireActor(req);
    authorize(user, 'plan.read');
    const buf = await exportAppendixDocx(db, req.params.id, today());
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document').header('content-disposition', `attachment; filename="phu-luc-ke-hoach-${req.params.id}.docx"`);
    return reply.send(buf);
  });

  app.get('/api/my/tasks', { schema: { tags: ['plans'], summary: 'Nhiệm vụ của đơn vị tôi (kể cả của các đơn vị tiền thân)' } }, async (req) => {
    const { user } = requireActor(req);
    const day = today();
    // keyed on the reader's unit: its tasks and its own progress reports, drafts included, are for its staff
    return tasks.get(db, JSON.stringify([user.unitId, day]), async () => {
      const h = await loadHistory(db);
      const ids = [user.unitId, ...lineage(h, user.unitId).cameFrom.map((s) => s.unitId)];
      return unitTasks(db, ids, day);
    });
  });

  app.post(
    '/api/progress',
    {
      schema: {
        tags: ['plans'],
        summary: 'Lưu nháp báo cáo tiến độ / save a draft report',
        body: z.object({
          taskId: z.number().int().positive(),
          unitId: z.number().int().positive(),
          period: z.string().max(10),
          status: z.enum(TASK_STATUSES),
          percent: z.number().int().min(0).max(100),
          report: z.string().max(20_000).default(''),
        }),
      },
    },
    async (req) => saveReport(db, requireActor(req).user, req.body),
  );

  app.post('/api/progress/:id/submit', { schema: { tags: ['plans'], summary: 'Lãnh đạo đơn vị gửi báo cáo', params: idParam } }, async (req) =>
    submitReport(db, requireActor(req).user, req.params.id),
  );

  app.post(
    '/api/progress/:id/review',
    { schema: { tags: ['plans'], summary: 'Sở Nội vụ chấp nhận hoặc trả lại', params: idParam, body: z.object({ action: z.enum(['accept', 'return']), comment: z.string().max(5000).optional() }) } },
    async (req) => reviewReport(db, requireActor(req).user, req.params.id, req.body.action, req.body.comment),
  );

  app.post('/api/progress/:id/evidence', { schema: { tags: ['plans'], summary: 'Đính kèm minh chứng (PDF, Word, Excel, JPG, PNG; tối đa 10 MB)', params: idParam } }, async (req, reply) => {
    const { user } = requireActor(req);
    const file = await readUpload(req, MAX_EVIDENCE_BYTES);
    return reply.status(201).send(await addEvidence(db, user, req.params.id, file));
  });

  app.get('/api/evidence/:id', { schema: { tags: ['plans'], summary: 'Tải minh chứng', params: idParam } }, async (req, reply) => {
    const e = await getEvidence(db, requireActor(req).user, req.params.id);
    reply
      .header('content-type', e.mimeType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(e.fileName)}`)
      .header('content-security-policy', "default-src 'none'");
    return reply.send(e.content);
  });

  app.post(
    '/api/plans/tasks/:id/urge',
    { schema: { tags: ['plans'], summary: 'Đôn đốc đơn vị', params: idParam, body: z.object({ unitId: z.number().int().positive(), message: z.string().max(2000).default('') }) } },
    async (req) => urgeUnit(db, requireActor(req).user, req.params.id, req.body.unitId, req.body.message),
  );

  app.post(
    '/api/plans/:id/unit-tasks',
    {
      schema: {
        tags: ['plans'],
        summary: 'Đơn vị thêm nhiệm vụ của mình vào kế hoạch',
        params: idParam,
        body: z.object({
          unitId: z.number().int().positive(),
          area: z.number().int().min(1).max(99),
          text: z.string().trim().min(1).max(2000),
          product: z.string().trim().max(2000).default(''),
          timeframe: z.string().trim().max(300).default(''),
          budget: z.string().trim().max(300).default(''),
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await addUnitTask(db, requireActor(req).user, { ...req.body, planId: req.params.id })),
  );

  app.get('/api/notifications', { schema: { tags: ['notifications'], summary: 'Thông báo của tôi' } }, async (req) => listNotifications(db, requireActor(req).user.id));
  app.post('/api/notifications/:id/read', { schema: { tags: ['notifications'], params: idParam } }, async (req, reply) => {
    await markRead(db, requireActor(req).user.id, req.params.id);
    return reply.status(204).send();
  });
  app.post('/api/notifications/read-all', { schema: { tags: ['notifications'] } }, async (req, reply) => {
    await markRead(db, requireActor(req).user.id);
    return reply.status(204).send();
  });
};
