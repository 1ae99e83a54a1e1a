import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { exportOverviewXlsx } from '../../modules/overview/exportOverview.js';
import { landing } from '../../modules/overview/landing.js';
import { importBoundaries, MAP_FIGURES, mapOf } from '../../modules/overview/map.js';
import { MAP_LIMITS } from '../../../domain/map/geojson.js';
import { readUpload } from '../upload.js';
import { overview } from '../../modules/overview/overview.js';
import { publicOverview, publicOverviewVersion } from '../../modules/overview/publicOverview.js';
import { PublicCache, sendPrepared } from '../publicCache.js';
import { XLSX_TYPE } from '../../modules/legalDocs/xlsx.js';
import { auditActor, authorize, readableUnit, requireActor } from '../auth.js';
import { isoDate } from '../schemas.js';

const query = z
  .object({
    unit: z.coerce.number().int().positive().optional().describe('Đơn vị (kể cả đơn vị cấp dưới và tiền thân); bỏ trống: tỉnh của kỳ (Long An trước 1/7/2025, Tây Ninh từ đó)'),
    period: z.string().max(10).optional().describe('2026, 2026-Q3, 2026-6M, 2026-9M, 2026-03'),
    window: z.enum(['calendar', 'reporting']).optional().describe('calendar (mặc định): theo lịch; reporting: kỳ báo cáo 15/… – 14/…'),
    from: isoDate.optional(),
    to: isoDate.optional(),
    asOf: isoDate.optional().describe('từ 01/01 đến ngày này, với các đơn vị của ngày này'),
    onto: z.enum(['period', 'today']).optional().describe('today: xếp hạng theo các đơn vị hiện nay (cộng các đơn vị tiền thân)'),
    only: z.string().max(500).optional().describe('chỉ các ô này (khóa, cách nhau bằng dấu phẩy)'),
  })
  .refine((q) => (q.from === undefined) === (q.to === undefined), { message: 'from và to đi cùng nhau / from and to together' });

type Query = z.infer<typeof query>;
const opts = (q: Query) => ({ ...q, only: q.only ? q.only.split(',').map((s) => s.trim()) : undefined });

export const overviewRoutes: FastifyPluginAsyncZod<{ db: Db; publicRateLimit: number }> = async (app, { db, publicRateLimit }) => {
  app.get(
    '/api/overview',
    {
      schema: {
        tags: ['overview'],
        summary: 'Tổng quan cho lãnh đạo: các ô số liệu của đơn vị và kỳ, chỉ tiêu, đơn vị thấp nhất / the leaders’ overview',
        description: 'Each tile’s `value` is the figure of the page its `link` opens (same unit, same period), read by the same function from counters. `worst` lists the units worst on it. Tiles of modules without data have `value: null` and `state: "no_data"`.',
        querystring: query,
      },
    },
    async (req) => {
      const { user } = requireActor(req);
      return overview(db, user, readableUnit(user, req.query.unit), opts(req.query));
    },
  );

  app.get('/api/overview.xlsx', { schema: { tags: ['overview'], summary: 'Xuất tổng quan (.xlsx, A4 ngang)', querystring: query } }, async (req, reply) => {
    const { user } = requireActor(req);
    const o = await overview(db, user, readableUnit(user, req.query.unit), opts(req.query));
    return reply
      .header('content-type', XLSX_TYPE)
      .header('content-disposition', `attachment; filename="tong-quan-${o.from}-${o.to}.xlsx"`)
      .send(await exportOverviewXlsx(o));
  });

  app.get(
    '/api/map',
    { schema: { tags: ['overview'], summary: 'Bản đồ đơn vị tô màu theo một số liệu (ranh giới do quản trị nhập) / the map', querystring: query.and(z.object({ figure: z.enum(MAP_FIGURES).default('dossiersOnTimeRate') })) } },
    async (req) => {
      const { user } = requireActor(req);
      return mapOf(db, user, readableUnit(user, req.query.unit), opts(req.query), req.query.figure);
    },
  );

  app.post(
    '/api/map/boundaries',
    {
      schema: {
        tags: ['overview'],
        summary: 'Nhập ranh giới đơn vị (GeoJSON FeatureCollection, properties.code = mã đơn vị; tối đa 5 MB, 2000 đơn vị, 200000 điểm) / import boundaries',
        querystring: z.object({ name: z.string().trim().min(1).max(200).default('Ranh giới đơn vị'), schematic: z.enum(['true', 'false']).optional().describe('true: sơ đồ minh họa, không phải ranh giới thật') }),
      },
    },
    async (req, reply) => {
      const { user } = requireActor(req);
      authorize(user, 'org.manage');
      const file = await readUpload(req, MAP_LIMITS.bytes);
      return reply.status(201).send(await importBoundaries(db, auditActor(user), { name: req.query.name, schematic: req.query.schematic === 'true', text: file.data.toString('utf8') }, new Date()));
    },
  );

  app.get('/api/landing', { schema: { tags: ['overview'], summary: 'Việc cần làm của người dùng (theo vai trò) / what is the user’s to do now' } }, async (req) => landing(db, requireActor(req).user, new Date()));

  const kept = new PublicCache(4);
  app.get(
    '/api/public/overview',
    { config: { rateLimit: { max: publicRateLimit, timeWindow: '1 minute' } }, schema: { tags: ['public'], summary: 'Số liệu công khai của tỉnh (đã công bố) / the public portal’s figures' } },
    async (req, reply) => sendPrepared(req, reply, await kept.get('overview', await publicOverviewVersion(db), () => publicOverview(db)), 'public, max-age=300'),
  );
};
