import { describe, expect, it } from 'vitest';
import { limitMinutes, parseLevel, parseOnlineLevel, parseTimeLimit } from './procedure.js';

describe('procedure cells', () => {
  it.each([
    ['15 ngày làm việc', { value: 15, unit: 'day' }],
    ['05 ngày', { value: 5, unit: 'day' }],
    ['03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ', { value: 3, unit: 'day' }],
    ['08 giờ làm việc', { value: 8, unit: 'hour' }],
    ['4 giờ', { value: 4, unit: 'hour' }],
    ['4h', { value: 4, unit: 'hour' }],
    ['0,5 ngày', { value: 0.5, unit: 'day' }],
    ['Trong thời hạn 10 ngày', { value: 10, unit: 'day' }],
    ['7', { value: 7, unit: 'day' }],
    ['Không quy định', null],
    ['0 ngày', null],
    ['', null],
  ])('limit %j', (text, out) => expect(parseTimeLimit(text)).toEqual(out));

  it.each([
    [{ value: 3, unit: 'day' as const }, 1440],
    [{ value: 0.5, unit: 'day' as const }, 240],
    [{ value: 8, unit: 'hour' as const }, 480],
  ])('limit %j is %i working minutes', (l, m) => expect(limitMinutes(l)).toBe(m));

  it.each([
    ['Toàn trình', 'full'],
    ['toan trinh', 'full'],
    ['Một phần', 'partial'],
    ['Mức độ 4', 'full'],
    ['Mức độ 3', 'partial'],
    ['Mức độ 2', 'none'],
    ['', 'none'],
    ['Không', 'none'],
    ['hỗn hợp', null],
  ])('online %j → %s', (text, level) => expect(parseOnlineLevel(text)).toBe(level));

  it.each([
    ['Cấp tỉnh', 'province'],
    ['Cấp xã', 'commune'],
    ['cap xa', 'commune'],
    ['Trung ương', 'central'],
    ['cấp huyện', null],
  ])('level %j → %s', (text, level) => expect(parseLevel(text)).toBe(level));
});
