/**
 * The national portal's dossier sync, received as the portal's adapter receives it (REFERENCE.md §17), and its
 * administration. The two portal routes answer in the portal's style — `{ error_code, message, ... }`, HTTP 200,
 * also for a malformed body or a wrong session — because a sender's adapter reads only that; the
 * administration routes are the app's own (`{ code, message }`).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type FastifyPluginAsyncZod, hasZodFastifySchemaValidationErrors, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { eq } from 'drizzle-orm';
import { dvcqgSources } from '../../db/schema.js';
import { errors } from '../../errors.js';
import { mapProcedureCode, mapUnitName } from '../../modules/dvcqg/mapping.js';
import { lookupDossier, lookupProcedure, overview } from '../../modules/dvcqg/queries.js';
import { heldMessage, receiveSync, summarise } from '../../modules/dvcqg/receive.js';
import { replaySource } from '../../modules/dvcqg/replay.js';
import { createSource, noteMessage, PortalError, portalErrorOf, portalLogin, resetSourcePassword, setSourceActive, sourceOfSession } from '../../modules/dvcqg/sources.js';
import { auditActor, authorize, requireActor } from '../auth.js';
import { idParam } from '../schemas.js';

/** At most this many dossiers in one message. */
const MAX_RECORDS = 1000;

const loginBody = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });
const integrationBody = z.object({
  session: z.string().max(200),
  madonvi: z.string().max(100),
  service: z.string().max(50),
  isUpdating: z.union([z.string().max(10), z.boolean()]).optional(),
  data: z.array(z.unknown()).max(MAX_RECORDS).optional(),
  mahoso: z.string().max(100).optional(),
  maTTHC: z.string().max(100).optional(),
});

/** Fastify's client errors, in the portal's words. */
const CLIENT_ERRORS: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'Nội dung gửi lên không phải JSON hợp lệ.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Nội dung gửi lên rỗng.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Nội dung phải là JSON (Content-Type: application/json).',
  FST_ERR_CTP_BODY_TOO_LARGE: 'Nội dung gửi lên quá lớn.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Độ dài nội dung không hợp lệ.',
};

function portalAnswer(reply: FastifyReply, errorCode: string, message: string, status = 200) {
  return reply.status(status).send({ error_code: errorCode, message });
}

function portalErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields = [...new Set(err.validation.map((v) => String(v.instancePath).split('/').filter(Boolean).join('.') || 'body'))];
    return portalAnswer(reply, '03', `Thiếu hoặc sai trường: ${fields.join(', ')}.`);
  }
  const known = portalErrorOf(err);
  if (known) return portalAnswer(reply, known.errorCode, known.messageVi);
  if (err.code && CLIENT_ERRORS[err.code]) return portalAnswer(reply, '03', CLIENT_ERRORS[err.code]);
  if (err.statusCode === 429) return portalAnswer(reply, '09', 'Gửi quá nhiều yêu cầu; hãy thử lại sau ít phút.', 429);
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return portalAnswer(reply, '03', 'Yêu cầu không hợp lệ.');
  req.log.error(err);
  return portalAnswer(reply, '99', 'Lỗi hệ thống; đã ghi nhận để xử lý.', 500);
}

const portalRoutes = async (root: FastifyInstance, { db, loginRateLimit }: { db: Db; loginRateLimit: number }) => {
  root.setErrorHandler(portalErrorHandler);
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/dvcqg/login',
    {
      config: { csrf: false, rateLimit: { max: loginRateLimit, timeWindow: '1 minute' } },
      schema: { tags: ['dvcqg'], summary: 'Đăng nhập của hệ thống một cửa (như Cổng DVCQG) → { session, error_code: 0 }', body: loginBody },
    },
    async (req) => {
      const body = req.body;
      const { session } = await portalLogin(db, { ...body, ip: req.ip }, new Date());
      return { session, error_code: 0 };
    },
  );

  app.post(
    '/api/dvcqg',
    {
      bodyLimit: 20 * 1024 * 1024,
      config: { csrf: false },
      schema: {
        tags: ['dvcqg'],
        summary: 'Đồng bộ hồ sơ như Cổng DVCQG: DongBoHoSoMC, CapNhatTienDoHoSoMC, TraCuuHoSo, LayThuTuc',
        description: `Body \`{ session, madonvi, service, isUpdating?, data | mahoso | maTTHC }\`; at most ${MAX_RECORDS} records. Answers \`{ error_code: "00", message }\` or \`{ error_code, message, errors: [{ MaHoSo, code, message }] }\` (refused records; the others apply), HTTP 200.`,
        body: integrationBody,
      },
    },
    async (req) => {
      const now = new Date();
      const body = req.body;
      const source = await sourceOfSession(db, body.session, body.madonvi, now);
      await noteMessage(db, source.id, body.service, now);
      switch (body.service) {
        case 'DongBoHoSoMC':
        case 'CapNhatTienDoHoSoMC': {
          if (!body.data || body.data.length === 0) throw new PortalError('03', 'Thiếu data (danh sách hồ sơ).');
          const results = await receiveSync(db, source, body.service, body.data, now);
          const s = summarise(results);
          const refused = results.filter((r) => r.outcome === 'refused');
          const held = results.filter((r) => r.held).map((r) => ({ MaHoSo: r.code, message: heldMessage(r.held!) }));
          const tally = `${s.applied} cập nhật, ${s.unchanged} không thay đổi, ${s.held} chờ ánh xạ, ${s.refused} bị từ chối`;
          if (refused.length) {
            return {
              error_code: '05',
              message: `${refused.length}/${s.records} hồ sơ bị từ chối (${tally}); các hồ sơ khác đã được nhận.`,
              errors: refused.flatMap((r) => r.errors.map((e) => ({ MaHoSo: r.code, code: e.code, message: e.message }))),
              ...(held.length ? { held } : {}),
            };
          }
          return { error_code: '00', message: `Đã nhận ${s.records} hồ sơ: ${tally}.`, ...(held.length ? { held } : {}) };
        }
        case 'TraCuuHoSo': {
          if (!body.mahoso) throw new PortalError('03', 'Thiếu mahoso.');
          const result = await lookupDossier(db, source, body.mahoso);
          return { error_code: '00', message: result.length ? 'Thành công.' : 'Không tìm thấy hồ sơ.', result };
        }
        case 'LayThuTuc': {
          if (!body.maTTHC) throw new PortalError('03', 'Thiếu maTTHC.');
          const result = await lookupProcedure(db, body.maTTHC);
          return { error_code: '00', message: result.length ? 'Thành công.' : 'Không tìm thấy thủ tục.', result };
        }
        default:
          throw new PortalError('04', `Dịch vụ "${body.service.slice(0, 50)}" không được hỗ trợ (DongBoHoSoMC, CapNhatTienDoHoSoMC, TraCuuHoSo, LayThuTuc).`);
      }
    },
  );
};

const sourceBody = z.object({
  code: z.string().trim().min(1).max(50).regex(/^[A-Za-z0-9._-]+$/, 'chữ, số, dấu chấm, gạch ngang / letters, digits, . _ -'),
  name: z.string().trim().min(1).max(200),
  username: z.string().trim().min(3).max(100).regex(/^[A-Za-z0-9._-]+$/),
  madonvi: z.string().trim().min(1).max(100),
  password: z.string().min(8).max(128).optional(),
});

export const dvcqgRoutes: FastifyPluginAsyncZod<{ db: Db; loginRateLimit: number }> = async (app, { db, loginRateLimit }) => {
  await app.register(portalRoutes, { db, loginRateLimit });

  const admin = (req: FastifyRequest) => {
    const { user } = requireActor(req);
    authorize(user, 'dossier.ingest');
    return auditActor(user);
  };
  const sourceById = async (id: number) => {
    const [s] = await db.select().from(dvcqgSources).where(eq(dvcqgSources.id, id));
    if (!s) throw errors.notFound('source');
    return s;
  };

  app.get('/api/dvcqg/sources', { schema: { tags: ['dvcqg'], summary: 'Các hệ thống nguồn, bản ghi hôm nay, tên đơn vị và mã thủ tục chờ ánh xạ (quản trị)' } }, async (req) => {
    admin(req);
    return overview(db, new Date());
  });

  app.post('/api/dvcqg/sources', { schema: { tags: ['dvcqg'], summary: 'Thêm hệ thống nguồn và tài khoản của nó (mật khẩu tạo ngẫu nhiên nếu không nhập, hiện một lần)', body: sourceBody } }, async (req) =>
    createSource(db, admin(req), req.body, new Date()),
  );

  app.patch('/api/dvcqg/sources/:id', { schema: { tags: ['dvcqg'], summary: 'Tạm dừng / cho hoạt động lại', params: idParam, body: z.object({ active: z.boolean() }) } }, async (req) =>
    setSourceActive(db, admin(req), req.params.id, req.body.active, new Date()),
  );

  app.post('/api/dvcqg/sources/:id/password', { schema: { tags: ['dvcqg'], summary: 'Đặt lại mật khẩu tài khoản của hệ thống nguồn (hiện một lần)', params: idParam } }, async (req) =>
    resetSourcePassword(db, admin(req), req.params.id, new Date()),
  );

  app.post('/api/dvcqg/sources/:id/replay', { schema: { tags: ['dvcqg'], summary: 'Suy lại sự kiện của các hồ sơ từ các bản ghi đã lưu', params: idParam } }, async (req) => {
    const actor = admin(req);
    return replaySource(db, actor, await sourceById(req.params.id), new Date());
  });

  app.post('/api/dvcqg/mappings/units', { schema: { tags: ['dvcqg'], summary: 'Ánh xạ tên đơn vị (DonViXuLy) với đơn vị; áp dụng các hồ sơ đang giữ', body: z.object({ text: z.string().trim().min(1).max(500), unitId: z.number().int().positive() }) } }, async (req) =>
    mapUnitName(db, admin(req), req.body, new Date()),
  );

  app.post('/api/dvcqg/mappings/procedures', { schema: { tags: ['dvcqg'], summary: 'Gắn mã TTHC quốc gia (MaTTHC) với thủ tục trong danh mục; áp dụng các hồ sơ đang giữ', body: z.object({ nationalCode: z.string().trim().min(1).max(100), procedureId: z.number().int().positive() }) } }, async (req) =>
    mapProcedureCode(db, admin(req), req.body, new Date()),
  );
};
