/** The working calendar as the system uses it: the rules, plus the schedules the administrator recorded. */
import { asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { Versioned } from '../../db/versioned.js';
import { calendarDays, calendarYears, settings } from '../../db/schema.js';
import { type AnnouncedYear, DEFAULT_HOURS, WorkingCalendar, type WorkingHours } from '../../../domain/calendar/workingCalendar.js';
import { isIsoDate } from '../../../domain/org/dates.js';
import { errors } from '../../errors.js';
import { type AuditActor, recordAudit } from '../audit/record.js';

export async function workingHours(db: Db): Promise<WorkingHours> {
  const [row] = await db.select().from(settings).where(eq(settings.key, 'working_hours'));
  return (row?.value as WorkingHours | undefined) ?? DEFAULT_HOURS;
}

export async function announcedYears(db: Db): Promise<(AnnouncedYear & { source: string | null })[]> {
  const years = await db.select().from(calendarYears);
  const days = await db.select().from(calendarDays).orderBy(asc(calendarDays.date));
  return years.map((y) => ({
    year: y.year,
    replacesRules: y.replacesRules,
    source: y.source,
    daysOff: days.filter((d) => d.year === y.year && d.kind === 'off').map((d) => ({ date: d.date, name: d.name })),
    workingWeekendDays: days.filter((d) => d.year === y.year && d.kind === 'work').map((d) => d.date),
  }));
}

/** The calendar, built once per change of the announced years and kept (server/db/versioned.ts). */
const kept = new Versioned<WorkingCalendar>('calendar_version', async (db) => new WorkingCalendar(await announcedYears(db as Db), await workingHours(db as Db)));

export const loadCalendar = (db: Db | Tx): Promise<WorkingCalendar> => kept.get(db);

export interface YearSchedule {
  replacesRules: boolean;
  source?: string | null;
  daysOff: { date: string; name: string }[];
  workingWeekendDays: string[];
}

/** Records a year's announced schedule (replacing what was recorded for that year). */
export function recordYear(db: Db, actor: AuditActor, year: number, s: YearSchedule) {
  const all = [...s.daysOff.map((d) => d.date), ...s.workingWeekendDays];
  const bad = all.filter((d) => !isIsoDate(d) || !d.startsWith(`${year}-`));
  if (bad.length) {
    throw errors.badRequest('INVALID_DATE', `Ngày không hợp lệ hoặc không thuộc năm ${year}: ${bad.join(', ')}`, `Invalid dates or not in ${year}: ${bad.join(', ')}`, { dates: bad });
  }
  if (new Set(all).size !== all.length) throw errors.badRequest('DUPLICATE_DATE', 'Một ngày được khai báo hai lần.', 'A date is listed twice.');
  const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
  const notWeekend = s.workingWeekendDays.filter((d) => weekday(d) !== 0 && weekday(d) !== 6);
  if (notWeekend.length) throw errors.badRequest('NOT_WEEKEND', `Ngày làm bù phải là thứ Bảy hoặc Chủ nhật: ${notWeekend.join(', ')}`, 'A working weekend day must be a Saturday or Sunday.', { dates: notWeekend });
  return db.transaction(async (tx) => {
    const before = (await announcedYears(tx as unknown as Db)).find((y) => y.year === year) ?? null;
    await tx.delete(calendarDays).where(eq(calendarDays.year, year));
    await tx
      .insert(calendarYears)
      .values({ year, replacesRules: s.replacesRules, source: s.source ?? null, updatedBy: actor.id })
      .onConflictDoUpdate({ target: calendarYears.year, set: { replacesRules: s.replacesRules, source: s.source ?? null, updatedBy: actor.id, updatedAt: new Date() } });
    const rows = [...s.daysOff.map((d) => ({ year, date: d.date, kind: 'off', name: d.name.trim() || 'Nghỉ' })), ...s.workingWeekendDays.map((date) => ({ year, date, kind: 'work', name: 'Làm bù' }))];
    if (rows.length) await tx.insert(calendarDays).values(rows);
    await kept.touch(tx);
    await recordAudit(tx, actor, { action: 'calendar.year', entityType: 'calendar', entityId: year, before, after: { year, ...s } });
  });
}
