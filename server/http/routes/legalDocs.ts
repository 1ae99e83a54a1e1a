import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeUnit } from '../../../domain/access/policy.js';
import { vietnamDateOf } from '../../../domain/org/dates.js';
import type { Db } from '../../db/client.js';
import { errors } from '../../errors.js';
import { createLegalDocument, getLegalDocument, legalDocumentsIssued, listLegalDocuments, readerScope, updateLegalDocument } from '../../modules/legalDocs/documents.js';
import { exportLegalDocumentsXlsx } from '../../modules/legalDocs/exportDocs.js';
import { importLegalDocuments, legalDocTemplateXlsx } from '../../modules/legalDocs/importDocs.js';
import { issuingScope } from '../../modules/legalDocs/units.js';
import { XLSX_TYPE } from '../../modules/legalDocs/xlsx.js';
import { loadHistory } from '../../modules/org/history.js';
import { auditActor, authorize, requireActor } from '../auth.js';
import { idParam, isoDate } from '../schemas.js';
import { readUpload } from '../upload.js';

const kind = z.enum(['resolution', 'decision']);
const optText = (max: number) => z.string().trim().max(max).nullish();
const required = (max: number) => z.string().trim().min(1, { message: 'Bắt buộc / required' }).max(max);

const documentBody = z.object({
  symbol: required(60).describe('Số, ký hiệu: "15/2023/NQ-HĐND", "20/2023/QĐ-UBND"'),
  kind: kind.nullish().describe('resolution (nghị quyết) | decision (quyết định); must agree with the symbol'),
  issuer: optText(200).describe('Cơ quan ban hành as written, e.g. "HĐND tỉnh Long An"'),
  issuerUnitId: z.number().int().positive().nullish().describe('the province or district (found from `issuer` when absent)'),
  title: required(2000),
  field: required(200),
  signedOn: isoDate,
  effectiveOn: isoDate,
  expiredOn: isoDate.nullish().describe('the first day it is wholly out of force'),
  endedBy: optText(300).describe('the document that wholly ended it: a symbol or a link'),
  partEndings: z.array(z.object({ from: isoDate, by: optText(300), note: optText(1000) })).max(50).optional(),
  lead: optText(300).describe('cơ quan chủ trì soạn thảo, as written'),
  leadUnitId: z.number().int().positive().nullish(),
  link: z.string().trim().max(1000).url().nullish(),
  note: optText(2000),
});

const listQuery = z.object({
  asOf: isoDate.optional().describe('the day the status is computed for (default: today); documents signed later are left out'),
  status: z.enum(['in_force', 'partly_expired', 'expired', 'not_yet_effective', 'effective']).optional().describe('effective = in force wholly or in part'),
  q: z.string().max(200).optional().describe('search with or without diacritics: symbol, title, field, body'),
  kind: kind.optional(),
  field: z.string().max(200).optional(),
  from: isoDate.optional().describe('signed on or after'),
  to: isoDate.optional().describe('signed on or before'),
  issuer: z.coerce.number().int().positive().optional().describe('issuing unit (and the units it came from)'),
  lead: z.coerce.number().int().positive().optional().describe('lead department (and the units it came from)'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** Readers limited to their own unit (report.read 'own') see the documents their unit (or what it came from) led or issued. */
async function readerLimit(db: Db, req: FastifyRequest): Promise<number[] | undefined> {
  const { user } = requireActor(req);
  const scope = scopeUnit(user, 'report.read');
  if (scope === 'none') throw errors.forbidden();
  if (scope === null) return undefined;
  return readerScope(await loadHistory(db), scope);
}

export const legalDocRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/legal-documents',
    { schema: { tags: ['legal-documents'], summary: 'Danh mục văn bản QPPL, tình trạng hiệu lực đến một ngày / the register as of a day', querystring: listQuery } },
    async (req) => {
      const limitTo = await readerLimit(db, req);
      return listLegalDocuments(db, { ...req.query, asOf: req.query.asOf ?? vietnamDateOf(new Date()), limitTo });
    },
  );

  app.get(
    '/api/legal-documents/issued',
    {
      schema: {
        tags: ['legal-documents'],
        summary: 'Số văn bản QPPL ban hành trong kỳ (theo ngày ký), theo loại / documents issued in a window',
        querystring: z.object({ unit: z.coerce.number().int().positive().optional().describe('issuing unit and the units it came from; none: every issuer'), from: isoDate, to: isoDate }),
      },
    },
    async (req) => {
      const { user } = requireActor(req);
      if (scopeUnit(user, 'report.read') !== null) throw errors.forbidden();
      const ids = req.query.unit === undefined ? null : issuingScope(await loadHistory(db), req.query.unit);
      return legalDocumentsIssued(db, ids, req.query.from, req.query.to);
    },
  );

  app.get('/api/legal-documents/template.xlsx', { schema: { tags: ['legal-documents'], summary: 'Mẫu nhập danh mục văn bản QPPL (Excel)' } }, async (_req, reply) =>
    reply.header('content-type', XLSX_TYPE).header('content-disposition', 'attachment; filename="mau-danh-muc-vbqppl.xlsx"').send(await legalDocTemplateXlsx()),
  );

  app.get(
    '/api/legal-documents/export.xlsx',
    { schema: { tags: ['legal-documents'], summary: 'Xuất danh mục văn bản QPPL (.xlsx), cùng bộ lọc với danh sách', querystring: listQuery.omit({ limit: true, offset: true }) } },
    async (req, reply) => {
      const limitTo = await readerLimit(db, req);
      const asOf = req.query.asOf ?? vietnamDateOf(new Date());
      const file = await exportLegalDocumentsXlsx(db, { ...req.query, asOf, limitTo });
      return reply.header('content-type', XLSX_TYPE).header('content-disposition', `attachment; filename="danh-muc-vbqppl-${asOf}.xlsx"`).send(file);
    },
  );

  app.get(
    '/api/legal-documents/:id',
    { schema: { tags: ['legal-documents'], summary: 'Một văn bản: các ngày, tình trạng hiệu lực, văn bản làm hết hiệu lực và các văn bản nó làm hết hiệu lực', params: idParam, querystring: z.object({ asOf: isoDate.optional() }) } },
    async (req) => {
      const limitTo = await readerLimit(db, req);
      return getLegalDocument(db, req.params.id, req.query.asOf ?? vietnamDateOf(new Date()), limitTo);
    },
  );

  app.post('/api/legal-documents', { schema: { tags: ['legal-documents'], summary: 'Thêm một văn bản QPPL', body: documentBody } }, async (req, reply) => {
    const { user } = requireActor(req);
    authorize(user, 'register.manage');
    return reply.status(201).send(await createLegalDocument(db, auditActor(user), req.body, new Date()));
  });

  app.patch(
    '/api/legal-documents/:id',
    { schema: { tags: ['legal-documents'], summary: 'Sửa một văn bản QPPL (các trường gửi lên)', params: idParam, body: documentBody.partial() } },
    async (req) => {
      const { user } = requireActor(req);
      authorize(user, 'register.manage');
      return updateLegalDocument(db, auditActor(user), req.params.id, req.body, new Date());
    },
  );

  app.post(
    '/api/legal-documents/import',
    { schema: { tags: ['legal-documents'], summary: 'Nhập danh mục văn bản QPPL (.xlsx, .csv theo mẫu); ?dryRun=true để xem trước', querystring: z.object({ dryRun: z.enum(['true', 'false']).optional() }) } },
    async (req) => {
      const { user } = requireActor(req);
      authorize(user, 'register.manage');
      const file = await readUpload(req, 10 * 1024 * 1024);
      return importLegalDocuments(db, auditActor(user), file.name, file.data, req.query.dryRun === 'true', new Date());
    },
  );
};
