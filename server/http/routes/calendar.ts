import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toLunar } from '../../../domain/calendar/lunar.js';
import { toVietnamIso } from '../../../domain/calendar/workingCalendar.js';
import type { Db } from '../../db/client.js';
import { errors } from '../../errors.js';
import { loadCalendar, recordYear } from '../../modules/calendar/calendar.js';
import { auditActor, authorize, requireActor } from '../auth.js';
import { isoDate } from '../schemas.js';

const yearParam = z.object({ year: z.coerce.number().int().min(1990).max(2100) });

export const calendarRoutes: FastifyPluginAsyncZod<{ db: Db; publicRateLimit: number }> = async (app, { db, publicRateLimit }) => {
  const publicRead = { rateLimit: { max: publicRateLimit, timeWindow: '1 minute' } };

  app.get(
    '/api/calendar/due',
    {
      config: publicRead,
      schema: {
        tags: ['calendar'],
        summary: 'Hạn xử lý: cộng N ngày (hoặc giờ) làm việc / add working days or hours',
        querystring: z.object({
          from: z.string().refine((s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)), 'ISO 8601 instant, e.g. 2026-02-12T10:00:00+07:00'),
          days: z.coerce.number().min(0).max(3650).optional(),
          hours: z.coerce.number().min(0).max(87600).optional(),
        }),
        response: { 200: z.object({ due: z.string() }) },
      },
    },
    async (req) => {
      const { from, days, hours } = req.query;
      if ((days === undefined) === (hours === undefined)) throw errors.badRequest('DAYS_OR_HOURS', 'Cần đúng một trong hai tham số days hoặc hours.', 'Give exactly one of days or hours.');
      const cal = await loadCalendar(db);
      const start = new Date(from);
      return { due: toVietnamIso(days !== undefined ? cal.addWorkingMinutes(start, Math.round(days * cal.minutesPerDay())) : cal.addWorkingHours(start, hours!)) };
    },
  );

  app.get(
    '/api/calendar/lunar',
    { config: publicRead, schema: { tags: ['calendar'], summary: 'Đổi sang âm lịch / to the lunar calendar', querystring: z.object({ date: isoDate }) } },
    async (req) => toLunar(req.query.date),
  );

  app.get(
    '/api/calendar/:year',
    {
      config: publicRead,
      schema: {
        tags: ['calendar'],
        summary: 'Ngày nghỉ và ngày làm bù của một năm / days off and weekend days worked',
        params: yearParam,
        response: {
          200: z.object({
            year: z.number(),
            announced: z.boolean(),
            replacesRules: z.boolean(),
            source: z.string().nullable(),
            daysOff: z.array(z.object({ date: z.string(), name: z.string(), source: z.string() })),
            workingWeekendDays: z.array(z.string()),
          }),
        },
      },
    },
    async (req) => {
      const cal = await loadCalendar(db);
      const year = req.params.year;
      const a = cal.announcement(year);
      return { year, announced: !!a, replacesRules: a ? a.replacesRules !== false : false, source: a?.source ?? null, daysOff: cal.daysOff(year), workingWeekendDays: cal.workingWeekendDays(year) };
    },
  );

  app.put(
    '/api/calendar/:year',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Ghi nhận lịch nghỉ được công bố / record the announced schedule',
        params: yearParam,
        body: z.object({
          replacesRules: z.boolean(),
          source: z.string().max(500).nullable().optional(),
          daysOff: z.array(z.object({ date: z.string(), name: z.string().max(200) })).max(100),
          workingWeekendDays: z.array(z.string()).max(20),
        }),
      },
    },
    async (req, reply) => {
      const { user } = requireActor(req);
      authorize(user, 'calendar.manage');
      await recordYear(db, auditActor(user), req.params.year, req.body);
      return reply.status(204).send();
    },
  );
};
