import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { vietnamDateOf } from '../../../domain/org/dates.js';
import { parseTimeframe } from '../../../domain/plans/timeframe.js';
import type { Db } from '../../db/client.js';
import { errors } from '../../errors.js';
import { MAX_PLAN_FILE_BYTES } from '../../modules/plans/files.js';
import { importPlan, previewPlanImport } from '../../modules/plans/importPlan.js';
import { getPlan, listPlans, listPlanTasks } from '../../modules/plans/queries.js';
import { setPlanTargets } from '../../modules/plans/targets.js';
import { planTemplateCsv, planTemplateXlsx } from '../../modules/plans/template.js';
import { auditActor, authorize, readableUnit, requireActor } from '../auth.js';
import { yearTasks } from '../../modules/plans/yearTasks.js';
import { isProvinceScope, resolveScope } from '../../modules/org/scope.js';
import { readUploadWithFields } from '../upload.js';
import { idParam, isoDate } from '../schemas.js';

const importFields = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  unitId: z.coerce.number().int().positive(),
  title: z.string().trim().max(500).optional(),
  decisionNumber: z.string().trim().max(100).optional(),
  decisionDate: isoDate.optional(),
  mappings: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (!s) return [];
      try {
        return z.array(z.object({ text: z.string().min(1).max(300), unitId: z.number().int().positive().nullable() })).parse(JSON.parse(s));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'mappings: JSON [{ text, unitId | null }]' });
        return z.NEVER;
      }
    }),
});

export const planRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/api/timeframes/parse',
    {
      schema: {
        tags: ['plans'],
        summary: 'Đọc cụm từ thời gian / parse a timeframe phrase',
        body: z.object({ text: z.string().max(500), year: z.number().int().min(1990).max(2100) }),
        response: {
          200: z.object({
            windows: z.array(z.object({ start: z.string(), end: z.string() })),
            due: z.string().nullable(),
            kind: z.enum(['window', 'year', 'recurring', 'conditional', 'external', 'unknown']),
            recurring: z.boolean(),
          }),
        },
      },
    },
    async (req) => parseTimeframe(req.body.text, req.body.year),
  );

  app.get('/api/plans', { schema: { tags: ['plans'], summary: 'Danh sách kế hoạch / plans' } }, async (req) => {
    const { user } = requireActor(req);
    authorize(user, 'plan.read');
    return listPlans(db);
  });

  app.get('/api/plans/template.csv', { schema: { tags: ['plans'], summary: 'Mẫu nhập kế hoạch (CSV)' } }, async (_req, reply) => {
    reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="mau-ke-hoach-cchc.csv"');
    return planTemplateCsv();
  });

  app.get('/api/plans/template.xlsx', { schema: { tags: ['plans'], summary: 'Mẫu nhập kế hoạch (Excel)' } }, async (_req, reply) => {
    reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', 'attachment; filename="mau-ke-hoach-cchc.xlsx"');
    return planTemplateXlsx();
  });

  app.get(
    '/api/plans/year-tasks',
    {
      schema: {
        tags: ['plans'],
        summary: 'Nhiệm vụ kế hoạch CCHC của năm và tình trạng đến một ngày (của tỉnh, hoặc đơn vị chủ trì) / the year’s tasks as of a day',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100), unit: z.coerce.number().int().positive().optional(), asOf: isoDate.optional(), to: isoDate.optional(), status: z.enum(['done', 'open', 'overdue']).optional() }),
      },
    },
    async (req) => {
      const { user } = requireActor(req);
      const unit = readableUnit(user, req.query.unit);
      const scope = await resolveScope(db, unit);
      const asOf = req.query.asOf ?? req.query.to ?? vietnamDateOf(new Date());
      const r = await yearTasks(db, (await isProvinceScope(scope)) ? null : scope.unitIds, req.query.year, asOf);
      const keep = (t: (typeof r.tasks)[number]) => (req.query.status === 'done' ? t.status === 'done' : req.query.status === 'open' ? t.status !== 'done' && t.status !== 'not_applicable' : req.query.status === 'overdue' ? t.overdue : true);
      return { unit: scope.unit, year: req.query.year, asOf, done: r.done, total: r.total, percent: r.percent, overdue: r.overdue, tasks: r.tasks.filter(keep) };
    },
  );

  app.get('/api/plans/:id', { schema: { tags: ['plans'], params: idParam } }, async (req) => {
    const { user } = requireActor(req);
    authorize(user, 'plan.read');
    return getPlan(db, req.params.id);
  });

  app.put(
    '/api/plans/:id/targets',
    {
      schema: {
        tags: ['plans'],
        summary: 'Mục tiêu và chỉ tiêu của kế hoạch / goals and target lines',
        params: idParam,
        body: z.object({ goals: z.string().max(20_000).nullable(), targets: z.array(z.string().max(5000)).max(100) }),
      },
    },
    async (req) => {
      const { user } = requireActor(req);
      authorize(user, 'plan.manage');
      return setPlanTargets(db, auditActor(user), req.params.id, req.body.goals, req.body.targets);
    },
  );

  app.get(
    '/api/plans/:id/tasks',
    { schema: { tags: ['plans'], summary: 'Nhiệm vụ của kế hoạch / the tasks of a plan', params: idParam } },
    async (req) => {
      const { user } = requireActor(req);
      authorize(user, 'plan.read');
      return listPlanTasks(db, req.params.id, vietnamDateOf(new Date()));
    },
  );

  app.post(
    '/api/plans/import',
    {
      schema: {
        tags: ['plans'],
        summary: 'Nhập kế hoạch từ tệp / import a plan (multipart: file, year, unitId, title?, decisionNumber?, decisionDate?, mappings?)',
        description: '`?dryRun=true` returns the preview and saves nothing. A file with any row error or unmapped agency saves nothing (400).',
        querystring: z.object({ dryRun: z.enum(['true', 'false']).optional() }),
      },
    },
    async (req, reply) => {
      const { user } = requireActor(req);
      authorize(user, 'plan.manage');
      const { file, fields } = await readUploadWithFields(req, MAX_PLAN_FILE_BYTES);
      const parsed = importFields.safeParse(fields);
      if (!parsed.success) {
        const fieldErrors = parsed.error.issues.map((i) => ({ path: ['body', ...i.path].join('.'), message: i.message }));
        throw errors.badRequest('VALIDATION', 'Dữ liệu không hợp lệ: ' + fieldErrors.map((f) => f.path).join(', '), 'Invalid input', { fields: fieldErrors });
      }
      const input = { ...parsed.data, fileName: file.name, file: file.data };
      if (req.query.dryRun === 'true') return previewPlanImport(db, input);
      const r = await importPlan(db, auditActor(user), input);
      return reply.status(201).send({ planId: r.planId, ...r.preview });
    },
  );
};
