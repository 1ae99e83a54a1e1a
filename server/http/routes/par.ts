import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { cloneSet, createSet, exportSetXlsx, getSet, importSet, listSets } from '../../modules/par/criteriaSets.js';
import { auditActor, authorize, requireActor } from '../auth.js';
import { idParam } from '../schemas.js';
import { readUpload } from '../upload.js';
import { UNIT_TYPES } from '../../../domain/org/history.js';
import type { CriteriaNode } from '../../../domain/par/criteriaSet.js';

const tier = z.object({ atLeast: z.number().min(0).max(100), share: z.number().min(0).max(1) });
const rule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('manual') }),
  z.object({ kind: z.literal('yes_no') }),
  z.object({ kind: z.literal('tiers'), tiers: z.array(tier).min(1).max(10) }),
  z.object({ kind: z.literal('deduction'), perItem: z.number().positive() }),
  z.object({ kind: z.literal('computed'), source: z.enum(['plan_tasks_on_time', 'dossiers_on_time', 'dossiers_online']), tiers: z.array(tier).max(10).optional() }),
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

export const parRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
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
};
