import { describe, expect, it } from 'vitest';
import { parseTimeframe, type TimeframeKind } from './timeframe.js';

const Q = (y: number, q: number) => {
  const ends = ['03-31', '06-30', '09-30', '12-31'];
  const starts = ['01-01', '04-01', '07-01', '10-01'];
  return `${y}-${starts[q - 1]}..${y}-${ends[q - 1]}`;
};
const Y = (y: number) => `${y}-01-01..${y}-12-31`;

// phrase, plan year, windows (start..end), due, kind, recurring
type Case = [string, number, string[], string | null, TimeframeKind, boolean?];

const CASES: Case[] = [
  // every phrase of seed 004's appendix
  ['Quý II, III/2020', 2020, [Q(2020, 2), Q(2020, 3)], '2020-09-30', 'window'],
  ['Theo Kế hoạch của Bộ Nội vụ.', 2020, [], null, 'external'],
  ['Trong năm', 2020, [Y(2020)], '2020-12-31', 'year'],
  ['Quý IV/2019, Quý I/2020', 2020, [Q(2019, 4), Q(2020, 1)], '2020-03-31', 'window'],
  ['Quý IV/2019', 2020, [Q(2019, 4)], '2019-12-31', 'window'],
  ['Từ tháng 01 đến tháng 11/2020.', 2020, ['2020-01-01..2020-11-30'], '2020-11-30', 'window'],
  ['Quý I, II/2020', 2020, [Q(2020, 1), Q(2020, 2)], '2020-06-30', 'window'],
  ['Quý I/2020', 2020, [Q(2020, 1)], '2020-03-31', 'window'],
  ['- Quý I, II/2020\n- Quý IV/2020.', 2020, [Q(2020, 1), Q(2020, 2), Q(2020, 4)], '2020-12-31', 'window'],
  ['- Quý I/2020\n- Trước ngày 15/10/2020', 2020, [Q(2020, 1), '2020-01-01..2020-10-15'], '2020-10-15', 'window'],
  ['Trong năm (nếu có)', 2020, [Y(2020)], null, 'conditional'],
  ['Quý III/2020', 2020, [Q(2020, 3)], '2020-09-30', 'window'],
  ['Định kỳ, đột xuất trong năm', 2020, [Y(2020)], '2020-12-31', 'recurring', true],
  ['Trong năm.', 2020, [Y(2020)], '2020-12-31', 'year'],
  ['Năm 2020 (khi có hướng dẫn của TW).', 2020, [Y(2020)], null, 'conditional'],
  ['Năm 2020 (khi có quy định của TW).', 2020, [Y(2020)], null, 'conditional'],
  ['- Quý IV/2019.\n- Quý IV/2020.', 2020, [Q(2019, 4), Q(2020, 4)], '2020-12-31', 'window'],
  ['Quý I/2020.', 2020, [Q(2020, 1)], '2020-03-31', 'window'],
  ['Quý IV/2020.', 2020, [Q(2020, 4)], '2020-12-31', 'window'],
  ['- Tháng 12/2019.\n- Tháng 11/2020.', 2020, ['2019-12-01..2019-12-31', '2020-11-01..2020-11-30'], '2020-11-30', 'window'],
  ['Theo kế hoạch kiểm tra CCHC của tỉnh.', 2020, [], null, 'external'],
  ['Tháng 11/2019', 2020, ['2019-11-01..2019-11-30'], '2019-11-30', 'window'],
  // quarters: Arabic and Roman numbers, with and without the year, spacing, lists and ranges
  ['quý 1 năm 2021', 2021, [Q(2021, 1)], '2021-03-31', 'window'],
  ['Quý 2/2021', 2021, [Q(2021, 2)], '2021-06-30', 'window'],
  ['Quý II', 2021, [Q(2021, 2)], '2021-06-30', 'window'],
  ['Quý  IV / 2021', 2021, [Q(2021, 4)], '2021-12-31', 'window'],
  ['QUÝ III/2021', 2021, [Q(2021, 3)], '2021-09-30', 'window'],
  ['Quy II, III/2020', 2020, [Q(2020, 2), Q(2020, 3)], '2020-09-30', 'window'],
  ['quy ii,iii/2020', 2020, [Q(2020, 2), Q(2020, 3)], '2020-09-30', 'window'],
  ['Quý I và quý II/2020', 2020, [Q(2020, 1), Q(2020, 2)], '2020-06-30', 'window'],
  ['Quý I và II năm 2022', 2022, [Q(2022, 1), Q(2022, 2)], '2022-06-30', 'window'],
  ['Quý I - Quý III/2020', 2020, [Q(2020, 1), Q(2020, 2), Q(2020, 3)], '2020-09-30', 'window'],
  ['Quý I đến quý III năm 2020', 2020, [Q(2020, 1), Q(2020, 2), Q(2020, 3)], '2020-09-30', 'window'],
  ['Quý 3, 4', 2024, [Q(2024, 3), Q(2024, 4)], '2024-12-31', 'window'],
  ['Quý 1/2021; Quý 3/2021', 2021, [Q(2021, 1), Q(2021, 3)], '2021-09-30', 'window'],
  ['Quý I/2020 + Quý III/2020', 2020, [Q(2020, 1), Q(2020, 3)], '2020-09-30', 'window'],
  // months
  ['Tháng 12/2019', 2020, ['2019-12-01..2019-12-31'], '2019-12-31', 'window'],
  ['tháng 02/2024', 2024, ['2024-02-01..2024-02-29'], '2024-02-29', 'window'],
  ['tháng 02/2023', 2023, ['2023-02-01..2023-02-28'], '2023-02-28', 'window'],
  ['Tháng 6', 2021, ['2021-06-01..2021-06-30'], '2021-06-30', 'window'],
  ['Tháng 3, 4/2020', 2020, ['2020-03-01..2020-03-31', '2020-04-01..2020-04-30'], '2020-04-30', 'window'],
  ['tháng 01 đến tháng 11/2020', 2020, ['2020-01-01..2020-11-30'], '2020-11-30', 'window'],
  ['Tháng 01 - tháng 11/2020', 2020, ['2020-01-01..2020-11-30'], '2020-11-30', 'window'],
  ['Tu thang 1 den thang 11 nam 2020', 2020, ['2020-01-01..2020-11-30'], '2020-11-30', 'window'],
  ['Từ tháng 10/2019 đến tháng 3/2020', 2020, ['2019-10-01..2020-03-31'], '2020-03-31', 'window'],
  ['Tháng 01/2020 đến tháng 11/2020', 2020, ['2020-01-01..2020-11-30'], '2020-11-30', 'window'],
  // before a date, on a date
  ['Trước ngày 15/10/2020', 2020, ['2020-01-01..2020-10-15'], '2020-10-15', 'window'],
  ['trước ngày 15/10', 2020, ['2020-01-01..2020-10-15'], '2020-10-15', 'window'],
  ['Truoc ngay 15/10/2020', 2020, ['2020-01-01..2020-10-15'], '2020-10-15', 'window'],
  ['Trước 30/6', 2021, ['2021-01-01..2021-06-30'], '2021-06-30', 'window'],
  ['Chậm nhất ngày 20/12/2020', 2020, ['2020-01-01..2020-12-20'], '2020-12-20', 'window'],
  ['Trước ngày 29/02/2024', 2024, ['2024-01-01..2024-02-29'], '2024-02-29', 'window'],
  ['Ngày 15/10/2020', 2020, ['2020-10-15..2020-10-15'], '2020-10-15', 'window'],
  // parts of the year, whole years
  ['6 tháng đầu năm', 2020, ['2020-01-01..2020-06-30'], '2020-06-30', 'window'],
  ['6 tháng cuối năm 2021', 2020, ['2021-07-01..2021-12-31'], '2021-12-31', 'window'],
  ['9 tháng đầu năm', 2022, ['2022-01-01..2022-09-30'], '2022-09-30', 'window'],
  ['Năm 2020', 2020, [Y(2020)], '2020-12-31', 'year'],
  ['Cả năm 2021', 2021, [Y(2021)], '2021-12-31', 'year'],
  ['trong nam', 2023, [Y(2023)], '2023-12-31', 'year'],
  ['Thường xuyên', 2020, [Y(2020)], '2020-12-31', 'year'],
  ['  Trong   năm  ', 2020, [Y(2020)], '2020-12-31', 'year'],
  // recurring
  ['Hằng quý', 2020, [Q(2020, 1), Q(2020, 2), Q(2020, 3), Q(2020, 4)], '2020-12-31', 'recurring', true],
  ['Hàng quý', 2020, [Q(2020, 1), Q(2020, 2), Q(2020, 3), Q(2020, 4)], '2020-12-31', 'recurring', true],
  ['Định kỳ hằng quý', 2021, [Q(2021, 1), Q(2021, 2), Q(2021, 3), Q(2021, 4)], '2021-12-31', 'recurring', true],
  ['Định kỳ', 2020, [Y(2020)], '2020-12-31', 'recurring', true],
  ['Định kỳ 6 tháng', 2020, ['2020-01-01..2020-06-30', '2020-07-01..2020-12-31'], '2020-12-31', 'recurring', true],
  ['Hằng tháng', 2020, Array.from({ length: 12 }, (_, i) => `2020-${String(i + 1).padStart(2, '0')}-01..`), '2020-12-31', 'recurring', true],
  ['Dinh ky, dot xuat trong nam', 2020, [Y(2020)], '2020-12-31', 'recurring', true],
  // conditional and set by another body
  ['Khi có hướng dẫn của TW', 2020, [], null, 'conditional'],
  ['Theo hướng dẫn của Bộ Nội vụ', 2020, [], null, 'external'],
  ['Theo kế hoạch được phê duyệt', 2020, [], null, 'external'],
  // as other provinces write them: dates written out
  ['Ngày 31 tháng 3 năm 2026', 2026, ['2026-03-31..2026-03-31'], '2026-03-31', 'window'],
  ['ngày 5 tháng 10', 2026, ['2026-10-05..2026-10-05'], '2026-10-05', 'window'],
  ['Trước ngày 31 tháng 3 năm 2026', 2026, ['2026-01-01..2026-03-31'], '2026-03-31', 'window'],
  ['Chậm nhất ngày 15 tháng 12 năm 2026', 2026, ['2026-01-01..2026-12-15'], '2026-12-15', 'window'],
  ['Trước ngày 30 tháng 6', 2026, ['2026-01-01..2026-06-30'], '2026-06-30', 'window'],
  ['Trước ngày 31 tháng 12 năm 2025', 2026, ['2025-01-01..2025-12-31'], '2025-12-31', 'window'],
  // "đến hết …": until the end of a month, quarter, year or day
  ['Đến hết tháng 6/2026', 2026, ['2026-01-01..2026-06-30'], '2026-06-30', 'window'],
  ['đến hết tháng 6 năm 2026', 2026, ['2026-01-01..2026-06-30'], '2026-06-30', 'window'],
  ['Đến hết năm 2026', 2026, ['2026-01-01..2026-12-31'], '2026-12-31', 'window'],
  ['Đến hết năm', 2026, ['2026-01-01..2026-12-31'], '2026-12-31', 'window'],
  ['Đến hết quý III/2026', 2026, ['2026-01-01..2026-09-30'], '2026-09-30', 'window'],
  ['đến hết Quý 2 năm 2026', 2026, ['2026-01-01..2026-06-30'], '2026-06-30', 'window'],
  ['Đến hết ngày 15/11/2026', 2026, ['2026-01-01..2026-11-15'], '2026-11-15', 'window'],
  ['Từ tháng 3 đến hết tháng 9/2026', 2026, ['2026-03-01..2026-09-30'], '2026-09-30', 'window'],
  ['Quý I đến hết quý III/2026', 2026, [Q(2026, 1), Q(2026, 2), Q(2026, 3)], '2026-09-30', 'window'],
  // "trong quý …", "trong tháng …"
  ['Trong quý II/2026', 2026, [Q(2026, 2)], '2026-06-30', 'window'],
  ['trong quý II năm 2026', 2026, [Q(2026, 2)], '2026-06-30', 'window'],
  ['Trong quý III', 2026, [Q(2026, 3)], '2026-09-30', 'window'],
  ['Trong quý I và quý II/2026', 2026, [Q(2026, 1), Q(2026, 2)], '2026-06-30', 'window'],
  ['Trong tháng 6/2026', 2026, ['2026-06-01..2026-06-30'], '2026-06-30', 'window'],
  // open-ended: from a start, every year after; due with the plan year
  ['Năm 2026 và các năm tiếp theo', 2026, [Y(2026)], '2026-12-31', 'recurring', true],
  ['Từ năm 2026 trở đi', 2026, [Y(2026)], '2026-12-31', 'recurring', true],
  ['Từ năm 2025 trở đi', 2026, ['2025-01-01..2026-12-31'], '2026-12-31', 'recurring', true],
  ['năm 2026 và những năm tiếp theo.', 2026, [Y(2026)], '2026-12-31', 'recurring', true],
  ['Từ năm 2026 và các năm tiếp theo', 2026, [Y(2026)], '2026-12-31', 'recurring', true],
  ['Từ quý III/2026 trở đi', 2026, ['2026-07-01..2026-12-31'], '2026-12-31', 'recurring', true],
  ['Từ tháng 7/2026 trở đi', 2026, ['2026-07-01..2026-12-31'], '2026-12-31', 'recurring', true],
  // months or quarters every year: those windows, recurring — not a whole-year window besides
  ['Tháng 6 và tháng 12 hằng năm', 2026, ['2026-06-01..2026-06-30', '2026-12-01..2026-12-31'], '2026-12-31', 'recurring', true],
  ['tháng 6, tháng 12 hàng năm', 2026, ['2026-06-01..2026-06-30', '2026-12-01..2026-12-31'], '2026-12-31', 'recurring', true],
  ['Quý IV hằng năm', 2026, [Q(2026, 4)], '2026-12-31', 'recurring', true],
  ['Hằng năm', 2026, [Y(2026)], '2026-12-31', 'recurring', true],
  // unknown: kept, flagged, never guessed
  ['', 2020, [], null, 'unknown'],
  ['Sớm nhất có thể', 2020, [], null, 'unknown'],
  ['Quý V/2020', 2020, [], null, 'unknown'],
  ['Tháng 13/2020', 2020, [], null, 'unknown'],
  ['Trước ngày 31/02/2020', 2020, [], null, 'unknown'],
  ['Quý I/2020, khi nào xong', 2020, [], null, 'unknown'],
  ['Năm', 2020, [], null, 'unknown'],
  ['Tháng 11 đến tháng 2/2020', 2020, [], null, 'unknown'],
  ['Ngày 31 tháng 2 năm 2026', 2026, [], null, 'unknown'],
  ['Trước ngày 32 tháng 3 năm 2026', 2026, [], null, 'unknown'],
  ['Đến hết', 2026, [], null, 'unknown'],
  ['Đến hết tháng 13/2026', 2026, [], null, 'unknown'],
  ['Trong quý', 2026, [], null, 'unknown'],
  ['Các năm tiếp theo', 2026, [], null, 'unknown'],
  ['Trở đi', 2026, [], null, 'unknown'],
  ['Từ năm 2026', 2026, [], null, 'unknown'],
  ['Hằng năm, khi cần', 2026, [], null, 'unknown'],
  ['Trong thời gian sớm nhất', 2026, [], null, 'unknown'],
];

describe('timeframe phrases', () => {
  it('has a large table', () => expect(CASES.length).toBeGreaterThanOrEqual(60));

  it.each(CASES)('%j (%i)', (text, year, windows, due, kind, recurring = false) => {
    const t = parseTimeframe(text, year);
    expect(t.kind).toBe(kind);
    expect(t.due).toBe(due);
    expect(t.recurring).toBe(recurring);
    const got = t.windows.map((w) => `${w.start}..${w.end}`);
    expect(got).toHaveLength(windows.length);
    windows.forEach((w, i) => expect(got[i].startsWith(w)).toBe(true));
  });

  it('reads decomposed Unicode (NFD) input like composed input', () => {
    expect(parseTimeframe('Quý II, III/2020'.normalize('NFD'), 2020)).toEqual(parseTimeframe('Quý II, III/2020', 2020));
  });
});
