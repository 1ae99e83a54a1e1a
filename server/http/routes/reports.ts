import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { reportDocx, reportXlsx, toPdf } from '../../modules/reports/documents.js';
import { draftProvinceReport, finaliseReport, getReport, listReports, listTemplates, returnReport, saveReport, saveTemplate, submitReport, urgeUnits } from '../../modules/reports/reports.js';
import { auditActor, authorize, requireActor } from '../auth.js';
import { isoDate } from '../schemas.js';

const period = z.string().max(10).describe('2026-Q1, 2026-6M, 2026-Q3, 2026-9M hoặc 2026 (kỳ báo cáo theo Nghị định 09/2019/NĐ-CP)');
const reportQuery = z.object({
  unit: z.coerce.number().int().positive().optional().describe('bỏ trống: báo cáo của tỉnh'),
  period,
  calendar: z.enum(['true', 'false']).optional(),
  predecessors: z.enum(['true', 'false']).optional().describe('false: không tính số liệu của các đơn vị tiền thân (trước sắp xếp)'),
});
const signer = z.object({ authority: z.string().trim().max(100).optional(), title: z.string().trim().min(1).max(100), name: z.string().trim().max(100).nullish() });
const change = z.object({
  texts: z.record(z.string().max(60), z.string().max(50_000)).optional(),
  number: z.string().trim().max(20).nullish(),
  symbol: z.string().trim().max(40).nullish(),
  signedOn: isoDate.nullish(),
  signer: signer.nullish(),
  recipients: z.array(z.string().trim().min(1).max(200)).max(30).nullish(),
});

const section = z.object({ key: z.string().regex(/^[a-zA-Z][\w-]{0,40}$/), title: z.string().trim().min(1).max(300), level: z.union([z.literal(1), z.literal(2)]), blocks: z.array(z.string().max(40)).max(20), hint: z.string().max(1000).optional() });

const fileName = (unit: { name: string }, p: string, ext: string) => `bao-cao-cchc-${p}-${encodeURIComponent(unit.name)}.${ext}`;

export const reportRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/reports',
    {
      schema: {
        tags: ['reports'],
        summary: 'Báo cáo CCHC của kỳ: của tỉnh và của từng đơn vị, với trạng thái / the period’s reports',
        querystring: z.object({ period, province: z.coerce.number().int().positive().optional() }),
      },
    },
    async (req) => listReports(db, requireActor(req).user, req.query.period, req.query.province, new Date()),
  );

  app.get(
    '/api/reports/cchc',
    {
      schema: {
        tags: ['reports'],
        summary: 'Báo cáo CCHC của đơn vị (hoặc của tỉnh) trong kỳ: khoảng số liệu, các mục, số liệu tự động / the report',
        description: '`window` is the reporting window the figures cover; `figures` holds `dossiersReceived`, `dossiersOnTimeRate`, `legalDocumentsIssued` (with `byKind`), `staffing`, `planTasksDone`, `planTasksTotal` and each block’s own figures. A finalised report is frozen; `differences` lists figures that changed since.',
        querystring: reportQuery,
      },
    },
    async (req) => getReport(db, requireActor(req).user, req.query.unit, req.query.period, new Date(), { calendar: req.query.calendar === 'true', predecessors: req.query.predecessors !== 'false' }),
  );

  app.put('/api/reports/cchc', { schema: { tags: ['reports'], summary: 'Lưu nội dung báo cáo (bản nháp) / save the draft', querystring: reportQuery, body: change } }, async (req) => {
    const { user } = requireActor(req);
    return saveReport(db, user, auditActor(user), req.query.unit, req.query.period, req.body, new Date());
  });

  app.post('/api/reports/cchc/submit', { schema: { tags: ['reports'], summary: 'Lãnh đạo đơn vị gửi báo cáo / the unit head submits', querystring: reportQuery.extend({ unit: z.coerce.number().int().positive() }) } }, async (req) => {
    const { user } = requireActor(req);
    return submitReport(db, user, auditActor(user), req.query.unit, req.query.period, new Date());
  });

  app.post(
    '/api/reports/cchc/return',
    { schema: { tags: ['reports'], summary: 'Sở Nội vụ trả lại báo cáo để bổ sung / return for changes', querystring: reportQuery.extend({ unit: z.coerce.number().int().positive() }), body: z.object({ comment: z.string().trim().max(2000) }) } },
    async (req) => {
      const { user } = requireActor(req);
      return returnReport(db, user, auditActor(user), req.query.unit, req.query.period, req.body.comment, new Date());
    },
  );

  app.post(
    '/api/reports/cchc/draft',
    { schema: { tags: ['reports'], summary: 'Dự thảo báo cáo của tỉnh từ báo cáo đã gửi của các đơn vị / draft the province’s report', querystring: reportQuery.extend({ replace: z.enum(['true', 'false']).optional() }) } },
    async (req) => {
      const { user } = requireActor(req);
      return draftProvinceReport(db, user, auditActor(user), req.query.unit, req.query.period, req.query.replace === 'true', new Date());
    },
  );

  app.post('/api/reports/cchc/finalise', { schema: { tags: ['reports'], summary: 'Hoàn thành (chốt) báo cáo: số liệu và nội dung được giữ nguyên / finalise', querystring: reportQuery, body: change.nullish() } }, async (req) => {
    const { user } = requireActor(req);
    return finaliseReport(db, user, auditActor(user), req.query.unit, req.query.period, req.body ?? {}, new Date());
  });

  app.post(
    '/api/reports/urge',
    { schema: { tags: ['reports'], summary: 'Đôn đốc các đơn vị chưa gửi báo cáo / urge', querystring: z.object({ period, province: z.coerce.number().int().positive().optional() }), body: z.object({ message: z.string().trim().max(1000).default('') }).nullish() } },
    async (req) => {
      const { user } = requireActor(req);
      return urgeUnits(db, user, auditActor(user), req.query.period, req.query.province, req.body?.message ?? '', new Date());
    },
  );

  app.get('/api/reports/cchc.docx', { schema: { tags: ['reports'], summary: 'Báo cáo (Word, thể thức Nghị định 30/2020/NĐ-CP)', querystring: reportQuery } }, async (req, reply) => {
    const { view, file } = await reportDocx(db, requireActor(req).user, req.query.unit, req.query.period, new Date());
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header('content-disposition', `attachment; filename*=UTF-8''${fileName(view.unit, req.query.period, 'docx')}`)
      .send(file);
  });

  app.get('/api/reports/cchc.xlsx', { schema: { tags: ['reports'], summary: 'Phụ lục báo cáo (Excel)', querystring: reportQuery } }, async (req, reply) => {
    const { view, file } = await reportXlsx(db, requireActor(req).user, req.query.unit, req.query.period, new Date());
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${fileName(view.unit, req.query.period, 'xlsx')}`)
      .send(file);
  });

  app.get('/api/reports/cchc.pdf', { schema: { tags: ['reports'], summary: 'Báo cáo (PDF, khi máy chủ có LibreOffice)', querystring: reportQuery } }, async (req, reply) => {
    const { view, file } = await reportDocx(db, requireActor(req).user, req.query.unit, req.query.period, new Date());
    const pdf = await toPdf(file);
    return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename*=UTF-8''${fileName(view.unit, req.query.period, 'pdf')}`).send(pdf);
  });

  app.get('/api/report-templates', { schema: { tags: ['reports'], summary: 'Đề cương báo cáo (dữ liệu) / report templates' } }, async (req) => {
    requireActor(req);
    return listTemplates(db);
  });

  app.post(
    '/api/report-templates',
    {
      schema: {
        tags: ['reports'],
        summary: 'Thêm phiên bản đề cương báo cáo (quản trị) / a new template version',
        body: z.object({ name: z.string().trim().min(3).max(300), version: z.number().int().min(1), sections: z.array(section).min(1).max(60), appendices: z.array(z.string().max(40)).max(20), source: z.string().max(500).optional() }),
      },
    },
    async (req, reply) => {
      const { user } = requireActor(req);
      authorize(user, 'report.manage');
      return reply.status(201).send(await saveTemplate(db, auditActor(user), req.body, new Date()));
    },
  );
};
