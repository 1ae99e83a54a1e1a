import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { unitsAsOf } from '../../../domain/org/history.js';
import { statisticsScope } from '../../../domain/org/scope.js';
import { TARGET_LEVELS } from '../../../domain/indicators/indicator.js';
import type { Db } from '../../db/client.js';
import { figureOf, figuresOfUnits, listIndicators, requireIndicator } from '../../modules/indicators/figures.js';
import { createTarget, removeTarget, targetStatus } from '../../modules/indicators/targets.js';
import { attachEvidence, createDefinition, enteredValue, evidenceFile, saveValue } from '../../modules/indicators/values.js';
import { windowOf } from '../../modules/indicators/window.js';
import { loadHistory } from '../../modules/org/history.js';
import { resolveScope } from '../../modules/org/scope.js';
import { auditActor, authorize, readableUnit, requireActor } from '../auth.js';
import { idParam } from '../schemas.js';
import { readUpload } from '../upload.js';

const periodQuery = {
  period: z.string().max(10).describe('2026-Q3, 2026-6M, 2026-9M, 2026 hoặc 2026-03 (kỳ báo cáo: 15/… – 14/…)'),
  calendar: z.enum(['true', 'false']).optional().describe('true: kỳ theo lịch (01/07 – 30/09) thay cho kỳ báo cáo'),
};

export const indicatorRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get('/api/indicators', { schema: { tags: ['indicators'], summary: 'Danh mục chỉ số (hệ thống tự tính và đơn vị nhập) / indicators' } }, async (req) => {
    requireActor(req);
    return listIndicators(db);
  });

  app.post(
    '/api/indicators',
    {
      schema: {
        tags: ['indicators'],
        summary: 'Thêm chỉ số do đơn vị nhập (quản trị) / a new entered indicator',
        body: z.object({
          code: z.string().trim().min(2).max(60).regex(/^[\w.-]+$/, 'Mã chỉ gồm chữ không dấu, số, dấu chấm, gạch / letters, digits, dot, dash'),
          name: z.string().trim().min(3).max(300),
          nameEn: z.string().trim().max(300).nullish(),
          measure: z.string().trim().min(1).max(30),
          aggregation: z.enum(['sum', 'ratio', 'average']),
          unitTypes: z.array(z.enum(['province', 'department', 'district', 'commune', 'central_agency', 'public_service'])).max(6).nullish(),
          description: z.string().trim().max(2000).nullish(),
        }),
      },
    },
    async (req, reply) => {
      const { user } = requireActor(req);
      authorize(user, 'indicator.manage');
      return reply.status(201).send(await createDefinition(db, auditActor(user), req.body, new Date()));
    },
  );

  app.get(
    '/api/indicators/:code/values',
    {
      schema: {
        tags: ['indicators'],
        summary: 'Giá trị chỉ số của đơn vị (hoặc toàn tỉnh) trong kỳ; by=unit: của từng đơn vị / an indicator’s value',
        params: z.object({ code: z.string().max(60) }),
        querystring: z.object({ unit: z.coerce.number().int().positive().optional(), ...periodQuery, by: z.enum(['unit']).optional() }),
      },
    },
    async (req) => {
      const { user } = requireActor(req);
      const def = await requireIndicator(db, req.params.code);
      const scope = await resolveScope(db, readableUnit(user, req.query.unit));
      const w = windowOf(req.query.period, { calendar: req.query.calendar === 'true' }, new Date());
      const figure = await figureOf(db, def, scope, w);
      let units;
      if (req.query.by === 'unit') {
        const h = await loadHistory(db);
        const within = scope.unitIds ? new Set(scope.unitIds) : null;
        const alive = unitsAsOf(h, w.periodTo).filter((u) => u.type !== 'province' && (!def.unitTypes || def.unitTypes.includes(u.type)) && (!within || (within.has(u.id) && u.id !== scope.unit?.id)));
        const scopeOf = (id: number) => statisticsScope(h, id);
        const figures = await figuresOfUnits(db, def, alive.map((u) => u.id), scopeOf, (id) => ({ unit: { id, name: '' }, unitIds: scopeOf(id), history: async () => h }), w);
        units = alive.map((u) => ({ unitId: u.id, unitName: u.name, unitType: u.type, ...figures.get(u.id) }));
      }
      return { indicator: def, unit: scope.unit, window: { from: w.from, to: w.periodTo, judgedAt: w.to, calendar: w.period.calendar }, ...figure, ...(units ? { units } : {}) };
    },
  );

  const valueBody = z.object({
    unitId: z.number().int().positive(),
    period: z.string().max(10),
    value: z.number().nullish(),
    numerator: z.number().nullish(),
    denominator: z.number().nullish(),
    note: z.string().trim().max(2000).nullish(),
  });

  app.put(
    '/api/indicators/:code/values',
    { schema: { tags: ['indicators'], summary: 'Đơn vị nhập giá trị chỉ số cho kỳ báo cáo / enter a value', params: z.object({ code: z.string().max(60) }), body: valueBody } },
    async (req) => {
      const { user } = requireActor(req);
      return saveValue(db, user, auditActor(user), { ...req.body, code: req.params.code }, new Date());
    },
  );

  app.post(
    '/api/indicators/:code/values/evidence',
    {
      schema: {
        tags: ['indicators'],
        summary: 'Tệp minh chứng cho giá trị đã nhập (PDF, Word, Excel, ảnh; 10 MB)',
        params: z.object({ code: z.string().max(60) }),
        querystring: valueBody.pick({ period: true }).extend({ unitId: z.coerce.number().int().positive() }),
      },
    },
    async (req) => {
      const { user } = requireActor(req);
      const file = await readUpload(req, 10 * 1024 * 1024);
      return attachEvidence(db, user, auditActor(user), { code: req.params.code, unitId: req.query.unitId, period: req.query.period }, file, new Date());
    },
  );

  const entryQuery = valueBody.pick({ period: true }).extend({ unitId: z.coerce.number().int().positive() });

  app.get(
    '/api/indicators/:code/values/entry',
    { schema: { tags: ['indicators'], summary: 'Giá trị đơn vị đã nhập cho kỳ (ghi chú, tên tệp minh chứng); entry null khi chưa nhập / what a unit entered', params: z.object({ code: z.string().max(60) }), querystring: entryQuery } },
    async (req) => {
      const { user } = requireActor(req);
      return { entry: await enteredValue(db, user, { code: req.params.code, unitId: req.query.unitId, period: req.query.period }) };
    },
  );

  app.get(
    '/api/indicators/:code/values/evidence',
    { schema: { tags: ['indicators'], summary: 'Tải tệp minh chứng của giá trị đã nhập', params: z.object({ code: z.string().max(60) }), querystring: entryQuery } },
    async (req, reply) => {
      const f = await evidenceFile(db, requireActor(req).user, { code: req.params.code, unitId: req.query.unitId, period: req.query.period });
      return reply
        .header('content-type', f.type)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
        .header('content-security-policy', "default-src 'none'")
        .send(f.data);
    },
  );

  app.get(
    '/api/targets',
    {
      schema: {
        tags: ['indicators'],
        summary: 'Chỉ tiêu của năm và kết quả thực hiện (đạt / chưa đạt / chưa có số liệu) / targets with actuals',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100), unit: z.coerce.number().int().positive().optional(), calendar: z.enum(['true', 'false']).optional() }),
      },
    },
    async (req) => {
      const { user } = requireActor(req);
      return targetStatus(db, req.query.year, readableUnit(user, req.query.unit), new Date(), req.query.calendar === 'true');
    },
  );

  app.post(
    '/api/targets',
    {
      schema: {
        tags: ['indicators'],
        summary: 'Thêm chỉ tiêu (quản trị) / a target',
        body: z.object({
          code: z.string().max(60),
          year: z.number().int().min(2000).max(2100),
          level: z.enum(TARGET_LEVELS).nullish(),
          unitId: z.number().int().positive().nullish(),
          comparator: z.enum(['>', '>=', '<', '<=', '=']),
          value: z.number(),
          planTargetId: z.number().int().positive().nullish(),
          text: z.string().trim().max(500).nullish(),
        }),
      },
    },
    async (req, reply) => {
      const { user } = requireActor(req);
      authorize(user, 'indicator.manage');
      return reply.status(201).send(await createTarget(db, auditActor(user), req.body, new Date()));
    },
  );

  app.delete('/api/targets/:id', { schema: { tags: ['indicators'], summary: 'Xoá chỉ tiêu (quản trị)', params: idParam } }, async (req, reply) => {
    const { user } = requireActor(req);
    authorize(user, 'indicator.manage');
    await removeTarget(db, auditActor(user), req.params.id, new Date());
    return reply.status(204).send();
  });
};
