import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { vietnamDateOf } from '../../../domain/org/dates.js';
import { UNIT_TYPES } from '../../../domain/org/history.js';
import type { Db } from '../../db/client.js';
import { applyOrgChange, type ChangeResult, type OrgChange } from '../../modules/org/commands.js';
import { getUnitHistory, listUnitsAsOf } from '../../modules/org/queries.js';
import { auditActor, authorize, requireActor } from '../auth.js';
import { idParam, isoDate, legalMeta } from '../schemas.js';

const unitType = z.enum(UNIT_TYPES);
const newUnit = z.object({
  code: z.string().trim().min(1).max(50),
  name: z.string().trim().min(1).max(300),
  type: unitType,
  parentId: z.number().int().positive().nullable().default(null),
});
const target = z.union([z.object({ existingId: z.number().int().positive() }), z.object({ create: newUnit })]);
const unitAsOf = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  type: unitType,
  parentId: z.number().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
const changeResult = z.object({ eventId: z.number(), unitIds: z.array(z.number()), createdIds: z.array(z.number()) });

export const orgRoutes: FastifyPluginAsyncZod<{ db: Db; publicRateLimit: number }> = async (app, { db, publicRateLimit }) => {
  const publicRead = { rateLimit: { max: publicRateLimit, timeWindow: '1 minute' } };

  app.get(
    '/api/org-units',
    {
      config: publicRead,
      schema: {
        tags: ['org'],
        summary: 'Đơn vị hoạt động vào một ngày / units alive on a date',
        description: 'The units alive on `asOf` (default: today in Vietnam), each with the name and parent it had that day.',
        querystring: z.object({ asOf: isoDate.optional() }),
        response: { 200: z.array(unitAsOf) },
      },
    },
    async (req) => listUnitsAsOf(db, req.query.asOf ?? vietnamDateOf(new Date())),
  );

  app.get(
    '/api/org-units/:id',
    {
      config: publicRead,
      schema: { tags: ['org'], summary: 'Lịch sử một đơn vị / a unit with its names, parents, lineage and events', params: idParam },
    },
    async (req) => getUnitHistory(db, req.params.id),
  );

  async function change(req: FastifyRequest, c: OrgChange, meta: { legalBasis?: string; note?: string }): Promise<ChangeResult> {
    const { user } = requireActor(req);
    authorize(user, 'org.manage');
    return applyOrgChange(db, auditActor(user), c, meta);
  }

  app.post(
    '/api/org-units',
    {
      schema: {
        tags: ['org'],
        summary: 'Thành lập đơn vị / create a unit',
        body: newUnit.extend({ validFrom: isoDate, validTo: isoDate.nullable().default(null), ...legalMeta }),
        response: { 201: changeResult },
      },
    },
    async (req, reply) => {
      const { legalBasis, note, ...u } = req.body;
      const r = await change(req, { kind: 'create', ...u }, { legalBasis, note });
      return reply.status(201).send(r);
    },
  );

  app.post(
    '/api/org-units/:id/rename',
    { schema: { tags: ['org'], summary: 'Đổi tên / rename from a date', params: idParam, body: z.object({ name: z.string().trim().min(1).max(300), date: isoDate, ...legalMeta }), response: { 200: changeResult } } },
    async (req) => change(req, { kind: 'rename', unitId: req.params.id, name: req.body.name, date: req.body.date }, req.body),
  );

  app.post(
    '/api/org-units/:id/move',
    { schema: { tags: ['org'], summary: 'Điều chuyển / move under another parent from a date', params: idParam, body: z.object({ parentId: z.number().int().positive().nullable(), date: isoDate, ...legalMeta }), response: { 200: changeResult } } },
    async (req) => change(req, { kind: 'move', unitId: req.params.id, parentId: req.body.parentId, date: req.body.date }, req.body),
  );

  app.post(
    '/api/org-units/:id/close',
    {
      schema: {
        tags: ['org'],
        summary: 'Giải thể, chấm dứt hoạt động / close from a date',
        description: '`date` is the first day the unit no longer exists; its last day is the day before.',
        params: idParam,
        body: z.object({ date: isoDate, ...legalMeta }),
        response: { 200: changeResult },
      },
    },
    async (req) => change(req, { kind: 'close', unitId: req.params.id, date: req.body.date }, req.body),
  );

  app.post(
    '/api/org-units/merge',
    {
      schema: {
        tags: ['org'],
        summary: 'Hợp nhất, sáp nhập / merge (A + B → C)',
        description: 'The sources end the day before `date`; the target is new (`create`) or existing (`existingId`, absorbs them). Live sub-units of the sources move to the target.',
        body: z.object({ sourceIds: z.array(z.number().int().positive()).min(1).max(200), date: isoDate, target, ...legalMeta }),
        response: { 200: changeResult },
      },
    },
    async (req) => change(req, { kind: 'merge', sourceIds: req.body.sourceIds, date: req.body.date, target: req.body.target }, req.body),
  );

  app.post(
    '/api/org-units/split',
    {
      schema: {
        tags: ['org'],
        summary: 'Chia tách / split (A → B + C)',
        description: 'Unless `keepSource`, the source ends the day before `date` and each of its live sub-units must be given to a target (`childIds`).',
        body: z.object({
          sourceId: z.number().int().positive(),
          date: isoDate,
          keepSource: z.boolean().default(false),
          targets: z.array(z.intersection(target, z.object({ childIds: z.array(z.number().int().positive()).optional() }))).min(1).max(50),
          ...legalMeta,
        }),
        response: { 200: changeResult },
      },
    },
    async (req) => change(req, { kind: 'split', sourceId: req.body.sourceId, date: req.body.date, keepSource: req.body.keepSource, targets: req.body.targets }, req.body),
  );
};
