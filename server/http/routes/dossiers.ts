import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { DataCache } from '../../db/dataCache.js';
import { vietnamDateOf } from '../../../domain/org/dates.js';
import { AppError, errors } from '../../errors.js';
import type { AuditActor } from '../../modules/audit/record.js';
import { bulkConcurrency, type IncomingEvent, ingestEvents } from '../../modules/dossiers/ingest.js';
import { getDossier, publicLookup } from '../../modules/dossiers/queries.js';
import { readTable, TABLE_LIMITS } from '../../modules/files/tables.js';
import { auditActor, authorize, readableUnit, requireActor } from '../auth.js';
import { idParam, isoDate } from '../schemas.js';
import { parsePeriod } from '../../../domain/periods/period.js';
import type { SessionUser } from '../../modules/auth/sessions.js';
import { exportStatsXlsx } from '../../modules/dossiers/exportStats.js';
import { rebuildCounters } from '../../modules/dossiers/counters.js';
import { recordAudit } from '../../modules/audit/record.js';
import { CATEGORIES } from '../../../domain/dossiers/report.js';
import { checkRange, groupedReport, index766, listDossiers, monthlyTrend, oneStopReport, resolveScope } from '../../modules/dossiers/stats.js';
import { readUpload, receiveToFile } from '../upload.js';
import { ImportJobs } from '../../modules/dossiers/importJobs.js';
import type { Engine } from '../../db/client.js';
import { eventColumns, eventOfRow, FACT_COLUMNS, FILE_COLUMNS, isBlankRow } from '../../modules/dossiers/eventFile.js';
import { communeNotApplicable, setCommuneNotApplicable } from '../../modules/dossiers/index766Inputs.js';

const event = z.object({
  sourceSystem: z.string().min(1).max(50),
  dossierCode: z.string().min(1).max(100),
  procedureCode: z.string().max(50).nullish(),
  unitCode: z.string().max(50).nullish(),
  kind: z.string().max(40),
  at: z.string().max(40),
  channel: z.enum(['online', 'counter']).nullish(),
  appointment: z.string().max(40).nullish(),
  syncedToPortal: z.boolean().nullish().describe('Đã đồng bộ lên Cổng DVCQG (766, 1.3); bỏ trống: không báo'),
  paidOnline: z.boolean().nullish().describe('Nghĩa vụ tài chính thanh toán trực tuyến (true) hay cách khác (false) (766, 3.4)'),
  electronicResult: z.boolean().nullish().describe('Kết quả được cấp bản điện tử (766, 4.1)'),
  digitised: z.boolean().nullish().describe('Thành phần hồ sơ được số hóa (766, 4.2)'),
  reusedData: z.boolean().nullish().describe('Tái sử dụng dữ liệu đã số hóa (766, 4.3)'),
});

const range = z.object({
  unit: z.coerce.number().int().positive().optional().describe('Đơn vị (kể cả đơn vị cấp dưới và đơn vị tiền thân); bỏ trống: toàn tỉnh'),
  from: isoDate,
  to: isoDate,
});

/** One batch, by the REST route or by file: at most this many events. */
const MAX_EVENTS = 10_000;
const MAX_EVENTS_FILE_BYTES = 10 * 1024 * 1024;
/** A bulk import's CSV file (streamed to disk, read twice from there): at most this many bytes. */
const BULK_MAX_BYTES = 8 * 1024 * 1024 * 1024;


const wrongColumns = () => errors.badRequest('WRONG_COLUMNS', `Các cột phải là: ${FILE_COLUMNS.join(', ')}.`, `Columns must be: ${FILE_COLUMNS.join(', ')}.`, { expected: FILE_COLUMNS });

export const dossierRoutes: FastifyPluginAsyncZod<{ db: Db; ingestApiKey?: string; publicRateLimit: number; engine: Engine; importDir: string; bulkImportMaxBytes?: number }> = async (
  app,
  { db, ingestApiKey, publicRateLimit, engine, importDir, bulkImportMaxBytes = BULK_MAX_BYTES },
) => {
  // PostgreSQL: two batches in flight, each on its own connection; PGlite has one
  const jobs = new ImportJobs(db, { concurrency: bulkConcurrency(engine) });
  app.addHook('onClose', () => jobs.idle());
  /**
   * The dashboard's figures (statistics, trend, 766 index) of a unit, kept while the records stay as they were
   * (server/db/dataCache.ts); keyed on the unit the reader may see (readableUnit), never on who asks.
   */
  const figures = new DataCache<unknown>('dossier figures', 512);

  /** A one-stop system with the ingest key, or the administrator's session. */
  const ingestActor = (req: FastifyRequest): AuditActor => {
    const key = req.headers['x-api-key'];
    if (typeof key === 'string' && ingestApiKey && key.length === ingestApiKey.length && timingSafeEqual(Buffer.from(key), Buffer.from(ingestApiKey))) {
      return { id: null, name: 'ingest-api' };
    }
    const { user } = requireActor(req);
    authorize(user, 'dossier.ingest');
    return auditActor(user);
  };

  app.post(
    '/api/dossiers/events',
    {
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags: ['dossiers'],
        summary: 'Nhận sự kiện hồ sơ từ hệ thống một cửa (một hoặc một lô) / ingest dossier events',
        description: 'Header `x-api-key` (INGEST_API_KEY) or an administrator session. A batch with any row error writes nothing (400, `details.errors`); events already received are skipped and listed in `duplicates`.',
        body: z.array(event).min(1).max(MAX_EVENTS),
      },
    },
    async (req) => ingestEvents(db, ingestActor(req), req.body),
  );

  app.post(
    '/api/dossiers/import',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Nhập sự kiện hồ sơ từ tệp .csv/.xlsx (cột: ' + FILE_COLUMNS.join(', ') + ')',
        description: `Multipart field \`file\`, at most ${MAX_EVENTS_FILE_BYTES / 1024 / 1024} MB and ${MAX_EVENTS} events (rows under the header), as the JSON route. Optional columns after the fixed ones, by name: ${FACT_COLUMNS.join(', ')} (có/không, true/false, 1/0; empty: not reported).`,
      },
    },
    async (req) => {
      const actor = ingestActor(req);
      const file = await readUpload(req, MAX_EVENTS_FILE_BYTES);
      const table = await readTable(file.name, file.data, FILE_COLUMNS.length, { ...TABLE_LIMITS, maxRows: MAX_EVENTS + 1 }).catch((e) => {
        if (e instanceof AppError && e.code === 'TOO_MANY_ROWS') {
          throw new AppError(400, 'TOO_MANY_EVENTS', `Mỗi lần nhập tối đa ${MAX_EVENTS.toLocaleString('vi-VN')} sự kiện (dòng dưới dòng tiêu đề); tệp có dữ liệu ở dòng ${Number(e.details.row).toLocaleString('vi-VN')}. Hãy chia tệp.`, `At most ${MAX_EVENTS} events per import; the file has data on row ${e.details.row}. Split the file.`, { ...e.details, limit: MAX_EVENTS });
        }
        throw e;
      });
      const cols = eventColumns(table[0] ?? []);
      if (!cols) throw wrongColumns();
      const rows = table.slice(1).filter((r) => !isBlankRow(r));
      if (rows.length === 0) throw errors.badRequest('EMPTY', 'Tệp không có dòng dữ liệu nào.', 'The file has no rows.');
      const badCells: { row: number; message: string }[] = [];
      const events = rows.map((r, k) => {
        const x = eventOfRow(cols, r);
        if ('message' in x) badCells.push({ row: k + 2, message: x.message });
        return 'event' in x ? x.event : (null as unknown as IncomingEvent);
      });
      if (badCells.length) throw new AppError(400, 'INGEST_INVALID', `${badCells.length} dòng có lỗi; không có sự kiện nào được ghi.`, `${badCells.length} rows have errors; nothing was written.`, { errors: badCells });
      try {
        return await ingestEvents(db, actor, events);
      } catch (e) {
        // row numbers of the file (header = row 1) instead of array indexes
        if (e instanceof AppError && Array.isArray(e.details.errors)) {
          throw new AppError(e.status, e.code, e.messageVi, e.messageEn, { errors: (e.details.errors as { index: number }[]).map((x) => ({ ...x, row: x.index + 2 })) });
        }
        throw e;
      }
    },
  );

  app.post(
    '/api/dossiers/import/bulk',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Nhập tệp CSV lớn (lịch sử hồ sơ) chạy nền, có tiến độ / bulk import of a large CSV file',
        description: `Multipart field \`file\` (.csv, UTF-8, the columns of /api/dossiers/import), at most ${Math.round(BULK_MAX_BYTES / 1024 ** 3)} GB by default; streamed to disk, then checked whole (any row error: nothing written, 400 in the job) and written in batches through the same ingest. Answers 202 with the job; \`GET /api/dossiers/import/jobs/:id\` gives its progress. One import at a time (409).`,
      },
    },
    async (req, reply) => {
      const actor = ingestActor(req);
      jobs.assertIdle(); // before gigabytes are received
      const upload = await receiveToFile(req, importDir, bulkImportMaxBytes, ['.csv']);
      const job = jobs.start(actor, req.auth?.user.id ?? null, upload.path, upload.name);
      return reply.status(202).send(job);
    },
  );

  app.get(
    '/api/dossiers/import/jobs',
    { schema: { tags: ['dossiers'], summary: 'Các lần nhập tệp lớn gần đây / recent bulk imports' } },
    async (req) => {
      ingestActor(req);
      return jobs.list();
    },
  );

  app.get(
    '/api/dossiers/import/jobs/:id',
    { schema: { tags: ['dossiers'], summary: 'Tiến độ một lần nhập tệp lớn / a bulk import’s progress', params: z.object({ id: z.string().uuid() }) } },
    async (req) => {
      ingestActor(req);
      const job = jobs.get(req.params.id);
      if (!job) throw errors.notFound('import job');
      return job;
    },
  );

  app.get(
    '/api/dossiers/stats',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Báo cáo tình hình giải quyết hồ sơ (đơn vị, kỳ) / one-stop report',
        description: 'Counts of the period from the daily counters (never a scan of the dossiers). `by` adds the same per procedure, field, level or receiving unit (ranked by on-time rate). Dossiers still open are judged at the end of the period, or today if it has not ended.',
        querystring: range.extend({ by: z.enum(['procedure', 'field', 'level', 'unit']).optional() }),
      },
    },
    async (req) => {
      const { user } = requireActor(req);
      const unit = readableUnit(user, req.query.unit);
      const now = new Date();
      const { from, to, at } = checkRange(req.query.from, req.query.to, now);
      return figures.get(
        db,
        JSON.stringify(['stats', unit ?? null, from, to, req.query.to, req.query.by ?? null, vietnamDateOf(now)]),
        async () => {
          const scope = await resolveScope(db, unit);
          const [report, groups] = await Promise.all([oneStopReport(db, scope, from, to, at), req.query.by ? groupedReport(db, scope, from, to, req.query.by, at) : undefined]);
          return { unit: scope.unit, from, to: req.query.to, judgedAt: to, ...report, ...(groups ? { groups } : {}) };
        },
        { instant: at !== null },
      );
    },
  );

  app.get(
    '/api/dossiers/stats/trend',
    { schema: { tags: ['dossiers'], summary: 'Diễn biến theo tháng / month by month', querystring: range } },
    async (req) => {
      const { user } = requireActor(req);
      const unit = readableUnit(user, req.query.unit);
      const now = new Date();
      const { from, to, at } = checkRange(req.query.from, req.query.to, now);
      return figures.get(
        db,
        JSON.stringify(['trend', unit ?? null, from, to, vietnamDateOf(now)]),
        async () => {
          const scope = await resolveScope(db, unit);
          return { unit: scope.unit, months: await monthlyTrend(db, scope, from, to, at) };
        },
        { instant: at !== null },
      );
    },
  );

  app.get(
    '/api/dossiers/stats.xlsx',
    { schema: { tags: ['dossiers'], summary: 'Xuất báo cáo (Excel)', querystring: range } },
    async (req, reply) => {
      const { user } = requireActor(req);
      const scope = await resolveScope(db, readableUnit(user, req.query.unit));
      const { from, to, at } = checkRange(req.query.from, req.query.to, new Date());
      const file = await exportStatsXlsx(db, scope, from, to, at);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="bao-cao-ho-so-${from}-${to}.xlsx"`)
        .send(file);
    },
  );

  app.get(
    '/api/dossiers',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Danh sách hồ sơ sau một số liệu / the dossiers behind a figure',
        querystring: range.extend({
          category: z.enum(CATEGORIES).default('received'),
          procedure: z.string().max(50).optional(),
          field: z.string().max(200).optional(),
          level: z.string().max(20).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
    },
    async (req) => {
      const { user } = requireActor(req);
      const scope = await resolveScope(db, readableUnit(user, req.query.unit));
      const { from, to, at } = checkRange(req.query.from, req.query.to, new Date());
      return listDossiers(db, scope, { ...req.query, from, to, at });
    },
  );

  app.get(
    '/api/index766',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)',
        description: 'Five groups, points and band. Components the data cannot support yet have `points: null` (no data); the band is given only when every component has data, otherwise `estimate` scales the scored share to 100.',
        querystring: z.object({ unit: z.coerce.number().int().positive().optional(), period: z.string().max(10).describe('2026, 2026-Q1 hoặc 2026-03') }),
      },
    },
    async (req) => {
      const { user } = requireActor(req);
      const period = parsePeriod(req.query.period);
      if (!period) throw errors.badRequest('INVALID_PERIOD', 'Kỳ phải có dạng 2026, 2026-Q1 hoặc 2026-03.', 'The period must look like 2026, 2026-Q1 or 2026-03.');
      const unit = readableUnit(user, req.query.unit);
      const now = new Date();
      const { at } = checkRange(period.from, period.to, now);
      return figures.get(db, JSON.stringify(['index766', unit ?? null, period.key, vietnamDateOf(now)]), async () => index766(db, await resolveScope(db, unit), period, now), { instant: at !== null });
    },
  );

  app.get('/api/index766/commune-criteria', { schema: { tags: ['dossiers'], summary: 'Tiêu chí 766 không áp dụng với cấp xã (được tính đủ điểm)' } }, async (req) => {
    const { user } = requireActor(req);
    readableUnit(user, undefined);
    const x = await communeNotApplicable(db);
    return { ...x, note: x.isDefault ? 'Mặc định chưa được kiểm chứng với văn bản; quản trị viên cần rà soát.' : null };
  });

  app.put(
    '/api/index766/commune-criteria',
    { schema: { tags: ['dossiers'], summary: 'Sửa danh sách tiêu chí 766 không áp dụng với cấp xã', body: z.object({ keys: z.array(z.enum(['1.1', '1.2', '1.3', '2.1', '3.1', '3.2', '3.3', '3.4', '4.1', '4.2', '4.3', '5.2', '5.4'])).max(13) }) } },
    async (req) => {
      const { user } = requireActor(req);
      authorize(user, 'procedure.manage');
      return setCommuneNotApplicable(db, auditActor(user), [...new Set(req.body.keys)]);
    },
  );

  app.post('/api/dossiers/counters/rebuild', { schema: { tags: ['dossiers'], summary: 'Tính lại bảng số liệu ngày từ hồ sơ (quản trị)' } }, async (req) => {
    const { user } = requireActor(req);
    authorize(user, 'dossier.ingest');
    await db.transaction(async (tx) => {
      await rebuildCounters(tx);
      await recordAudit(tx, auditActor(user), { action: 'dossier.counters.rebuild', entityType: 'dossier_daily', entityId: 'all', after: {} });
    });
    return { ok: true };
  });

  app.get('/api/dossiers/:id', { schema: { tags: ['dossiers'], summary: 'Chi tiết hồ sơ và dòng thời gian', params: idParam } }, async (req) => {
    const { user } = requireActor(req);
    const d = await getDossier(db, req.params.id);
    authorize(user, 'report.read', { unitId: d.unitId });
    return d;
  });

  app.get(
    '/api/public/dossiers/:code',
    {
      config: { rateLimit: { max: publicRateLimit, timeWindow: '1 minute' } },
      schema: { tags: ['public'], summary: 'Tra cứu hồ sơ (công dân) / public dossier lookup', params: z.object({ code: z.string().min(3).max(100) }) },
    },
    async (req) => publicLookup(db, req.params.code),
  );
};
