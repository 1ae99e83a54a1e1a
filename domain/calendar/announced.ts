/**
 * Yearly schedules of days off for civil servants, as announced (REFERENCE.md §10). Kept as data the
 * administrator can change; a year listed here replaces the rule-based days off of that year.
 */
import { addDays, type IsoDate } from '../org/dates.js';
import type { AnnouncedYear } from './workingCalendar.js';

function range(from: IsoDate, to: IsoDate, name: string) {
  const out: { date: IsoDate; name: string }[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push({ date: d, name });
  return out;
}

export const ANNOUNCED_2025: AnnouncedYear = {
  year: 2025,
  source: 'Lịch nghỉ lễ, Tết năm 2025 của cán bộ, công chức, viên chức theo thông báo của Chính phủ',
  daysOff: [
    { date: '2025-01-01', name: 'Tết Dương lịch' },
    ...range('2025-01-25', '2025-02-02', 'Tết Nguyên đán'),
    { date: '2025-04-07', name: 'Giỗ Tổ Hùng Vương' },
    ...range('2025-04-30', '2025-05-04', 'Ngày Giải phóng miền Nam, Quốc tế Lao động'),
    ...range('2025-08-30', '2025-09-02', 'Quốc khánh'),
  ],
  // Saturday 26/4/2025 worked in exchange for Friday 2/5/2025
  workingWeekendDays: ['2025-04-26'],
};

/**
 * 2026: Tết as announced (off 14/2–22/2); the other days as the rules give them, until the
 * administrator records the announcement.
 */
export const ANNOUNCED_2026_TET = range('2026-02-14', '2026-02-22', 'Tết Nguyên đán');
