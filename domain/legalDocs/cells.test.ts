import { describe, expect, it } from 'vitest';
import { parseCount, parseDateCell, parsePercent } from './cells.js';

describe('cells of an uploaded register', () => {
  it.each([
    ['15/06/2023', '2023-06-15'],
    ['5/6/2023', '2023-06-05'],
    ['15-06-2023', '2023-06-15'],
    ['15.06.2023', '2023-06-15'],
    ['2023-06-15', '2023-06-15'],
    ['2023-06-15T00:00:00.000Z', '2023-06-15'],
    ['45092', '2023-06-15'], // Excel's day number
    ['Thu Jun 15 2023 00:00:00 GMT+0000 (Coordinated Universal Time)', '2023-06-15'],
    ['Thu Jun 15 2023 07:00:00 GMT+0700 (Indochina Time)', '2023-06-15'],
    ['Wed Jun 14 2023 19:00:00 GMT-0500 (Central Daylight Time)', '2023-06-15'],
    ['31/02/2023', null],
    ['2023', null],
    ['ngày 15 tháng 6', null],
    ['', null],
  ])('date %j → %s', (text, iso) => expect(parseDateCell(text)).toBe(iso));

  it.each([
    ['2273', 2273],
    ['2.273', 2273],
    ['25.424', 25424],
    ['2 273', 2273],
    ['1.234.567', 1234567],
    ['2,273', 2273],
    ['43', 43],
    ['0', 0],
    ['43.0', 43],
    ['2,5', null],
    ['2.27', null],
    ['-3', null],
    ['khoảng 20', null],
    ['', null],
  ])('count %j → %s', (text, n) => expect(parseCount(text)).toBe(n));

  it.each([
    ['17,72', 17.72],
    ['17.72', 17.72],
    ['17,72 %', 17.72],
    ['20,04%', 20.04],
    ['0', 0],
    ['-1,5', -1.5],
    ['100', 100],
    ['120', null],
    ['17,72,1', null],
    ['mười', null],
  ])('percent %j → %s', (text, n) => expect(parsePercent(text)).toBe(n));
});
