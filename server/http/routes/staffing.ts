import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeUnit } from '../../../domain/access/policy.js';
import { statisticsScope } from '../../../domain/org/scope.js';
import type { StaffingSheet } from '../../../domain/staffing/staffingTable.js';
import type { Db } from '../../db/client.js';
import { errors } from '../../errors.js';
import { XLSX_TYPE } from '../../modules/legalDocs/xlsx.js';
import { loadHistory } from '../../modules/org/history.js';
import { getStaffing, saveFigure } from '../../modules/staffing/figures.js';
import { exportStaffingXlsx, staffingTemplateXlsx } from '../../modules/staffing/exportStaffing.js';
import { importStaffing } from '../../modules/staffing/importStaffing.js';
import { auditActor, authorize, requireActor } from '../auth.js';
import { isoDate } from '../schemas.js';
import { readUpload } from '../upload.js';

const query = z
  .object({
    unit: z.coerce.number().int().positive().optional().describe('a unit: its rows and those of the units it came from and below it; none: every unit'),
    year: z.coerce.number().int().min(2000).max(2100),
    from: isoDate.optional().describe('with `to`: schemes and recruitment decided in this window instead of the year'),
    to: isoDate.optional(),
  })
  .refine((q) => (q.from === undefined) === (q.to === undefined) && (!q.from || q.from <= q.to!), { message: 'from và to đi cùng nhau, from ≤ to / from and to together, from ≤ to' });

const counts = z.object({
  assigned: z.number().int().min(0).max(10_000_000).nullable(),
  present: z.number().int().min(0).max(10_000_000).nullable(),
  base2015: z.number().int().min(0).max(10_000_000).nullable(),
  reportedRate: z.number().min(-100).max(100).multipleOf(0.01).nullable(),
});

/** Readers limited to their own unit see their unit's figures (with what it came from), whatever they ask for. */
async function scopeOf(db: Db, req: FastifyRequest, unit: number | undefined): Promise<{ scope: number[] | null; unitId: number | null }> {
  const { user } = requireActor(req);
  const own = scopeUnit(user, 'report.read');
  if (own === 'none') throw errors.forbidden();
  if (own !== null && unit !== undefined && unit !== own) throw errors.forbidden();
  const unitId = own ?? unit ?? null;
  if (unitId === null) return { scope: null, unitId: null };
  const h = await loadHistory(db);
  if (!h.units.some((u) => u.id === unitId)) throw errors.notFound('unit');
  return { scope: statisticsScope(h, unitId), unitId };
}

const SHEETS: [StaffingSheet, string, string][] = [
  ['figures', '/api/staffing', 'bien-che'],
  ['schemes', '/api/staffing/schemes', 'de-an-vi-tri-viec-lam'],
  ['recruitment', '/api/staffing/recruitment', 'tuyen-dung'],
];

const SHEET_SUMMARY: Record<StaffingSheet, string> = {
  figures: 'biên chế theo đơn vị, năm',
  schemes: 'đề án vị trí việc làm được phê duyệt',
  recruitment: 'tuyển dụng theo đơn vị, năm',
};

export const staffingRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/staffing',
    { schema: { tags: ['staffing'], summary: 'Biên chế công chức, số lượng người làm việc của đơn vị (tỉnh: tổng các đơn vị), đề án vị trí việc làm, tuyển dụng', querystring: query } },
    async (req) => {
      const { scope, unitId } = await scopeOf(db, req, req.query.unit);
      return getStaffing(db, { scope, unitId, year: req.query.year, window: req.query.from ? { from: req.query.from, to: req.query.to! } : undefined });
    },
  );

  app.get('/api/staffing/export.xlsx', { schema: { tags: ['staffing'], summary: 'Xuất biên chế, đề án, tuyển dụng (.xlsx)', querystring: query } }, async (req, reply) => {
    const { scope, unitId } = await scopeOf(db, req, req.query.unit);
    const file = await exportStaffingXlsx(db, { scope, unitId, year: req.query.year, window: req.query.from ? { from: req.query.from, to: req.query.to! } : undefined });
    return reply.header('content-type', XLSX_TYPE).header('content-disposition', `attachment; filename="bien-che-${req.query.year}.xlsx"`).send(file);
  });

  app.put(
    '/api/staffing/figures',
    {
      schema: {
        tags: ['staffing'],
        summary: 'Ghi số liệu biên chế của một đơn vị trong một năm',
        body: z.object({ unitId: z.number().int().positive(), year: z.number().int().min(2000).max(2100), civilServants: counts, publicEmployees: counts, reference: z.string().trim().max(500).nullish(), note: z.string().trim().max(2000).nullish() }),
      },
    },
    async (req) => {
      const { user } = requireActor(req);
      authorize(user, 'register.manage');
      return saveFigure(db, auditActor(user), req.body, new Date());
    },
  );

  // one table per file (readTable reads a .csv or an .xlsx's first sheet): figures, schemes, recruitment
  for (const [sheet, base, file] of SHEETS) {
    app.get(`${base}/template.xlsx`, { schema: { tags: ['staffing'], summary: `Mẫu nhập ${SHEET_SUMMARY[sheet]} (Excel)` } }, async (_req, reply) =>
      reply.header('content-type', XLSX_TYPE).header('content-disposition', `attachment; filename="mau-${file}.xlsx"`).send(await staffingTemplateXlsx(sheet)),
    );
    app.post(
      `${base}/import`,
      { schema: { tags: ['staffing'], summary: `Nhập ${SHEET_SUMMARY[sheet]} (.xlsx, .csv theo mẫu); ?dryRun=true để xem trước`, querystring: z.object({ dryRun: z.enum(['true', 'false']).optional() }) } },
      async (req) => {
        const { user } = requireActor(req);
        authorize(user, 'register.manage');
        const upload = await readUpload(req, 10 * 1024 * 1024);
        return importStaffing(db, auditActor(user), sheet, upload.name, upload.data, req.query.dryRun === 'true', new Date());
      },
    );
  }
};
