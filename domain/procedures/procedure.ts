/**
 * Administrative procedures (thủ tục hành chính): reading the cells of a procedure list as published
 * ("15 ngày làm việc", "08 giờ làm việc", "Toàn trình") into values the deadline rules can use.
 */
import { fold } from '../text/normalize.js';

export type OnlineLevel = 'full' | 'partial' | 'none';
export type ProcedureLevel = 'province' | 'commune' | 'central';

export interface TimeLimit {
  value: number;
  unit: 'day' | 'hour';
}

/** "15 ngày làm việc", "05 ngày", "8 giờ", "03 ngày làm việc kể từ ngày nhận đủ hồ sơ", "4" (days). */
export function parseTimeLimit(text: string): TimeLimit | null {
  const s = fold(text).replace(',', '.');
  const m = /^(?:trong\s+(?:thoi han\s+)?)?(\d+(?:\.\d+)?)\s*(ngay|gio|h\b)?/.exec(s);
  if (!m) return null;
  const value = Number(m[1]);
  if (!(value > 0) || value > 365) return null;
  const unit = m[2] === 'gio' || m[2] === 'h' ? 'hour' : 'day';
  return { value, unit };
}

export function limitMinutes(limit: TimeLimit, minutesPerDay = 480): number {
  return Math.round(limit.unit === 'day' ? limit.value * minutesPerDay : limit.value * 60);
}

export function parseOnlineLevel(text: string): OnlineLevel | null {
  const s = fold(text);
  if (!s || /^(khong|none|-)$/.test(s)) return 'none';
  if (/toan trinh|full|muc do 4/.test(s)) return 'full';
  if (/mot phan|partial|muc do 3/.test(s)) return 'partial';
  if (/muc do [12]/.test(s)) return 'none';
  return null;
}

export function parseLevel(text: string): ProcedureLevel | null {
  const s = fold(text);
  if (/tinh|province/.test(s)) return 'province';
  if (/xa|commune/.test(s)) return 'commune';
  if (/trung uong|central/.test(s)) return 'central';
  return null;
}
