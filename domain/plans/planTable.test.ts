import { describe, expect, it } from 'vitest';
import { AgencyResolver } from './agencies.js';
import { formatMilli, parseBudget, type PlanRow, readPlanTable } from './planTable.js';

const resolver = new AgencyResolver([
  { id: 1, name: 'Sở Nội vụ', type: 'department' },
  { id: 2, name: 'Sở Tư pháp', type: 'department' },
  { id: 3, name: 'Huyện Bến Lức', type: 'district' },
]);

let n = 1;
const row = (number: string, task: string, products: string, lead: string, coordinating: string, timeframe: string, budget: string, area = ''): PlanRow => ({
  row: ++n,
  number,
  area,
  task,
  products,
  lead,
  coordinating,
  timeframe,
  budget,
});

describe('budgets', () => {
  it.each([
    ['50', 50_000, null],
    ['800', 800_000, null],
    ['0', 0, null],
    ['1.450', 1_450_000, null],
    ['1.234.567', 1_234_567_000, null],
    ['1,5', 1_500, null],
    ['12.5', 12_500, null],
    ['0,005', 5, null],
    ['150 triệu', 150_000, null],
    ['', null, null],
    ['Sở Tư pháp dự trù kinh phí riêng.', null, 'Sở Tư pháp dự trù kinh phí riêng.'],
    ['Theo Kế hoạch được phê duyệt.', null, 'Theo Kế hoạch được phê duyệt.'],
    ['UBND tỉnh bố trí phí theo ngân sách của tỉnh.', null, 'UBND tỉnh bố trí phí theo ngân sách của tỉnh.'],
  ])('%j', (raw, milli, note) => expect(parseBudget(raw)).toEqual({ milli, note }));

  it.each(['abc', '12abc', '1,2345', '-5', '1.2.3'])('%j is refused', (raw) => expect(parseBudget(raw)).toBe('invalid'));

  it('sums exactly: 0.1 + 0.2 million', () => {
    const t = readPlanTable([row('1.1', 'x', 'a', 'Sở Nội vụ', '', 'Quý I/2020', '0,1'), row('', '', 'b', '', '', '', '0,2')], 2020, resolver);
    expect(formatMilli(t.tasks[0].budgetMilli!)).toBe('0.3');
  });
});

describe('plan table', () => {
  it('groups product lines, sums budgets, takes the latest due, resolves agencies', () => {
    const t = readPlanTable(
      [
        row('1', '', '', '', '', '', '', 'Công tác chỉ đạo, điều hành CCHC'),
        row('1.4', '1.4. Xác định Chỉ số CCHC', '- Phần mềm', 'Sở Nội vụ', 'Các sở, ban, ngành tỉnh', 'Quý IV/2019, Quý I/2020', '800'),
        row('', '', '- Quyết định phê duyệt', '', '', '', '500'),
        row('', '', '- Khen thưởng', '', '', '', '150'),
        row('2.1', 'Theo dõi thi hành pháp luật', '- Kế hoạch', 'Sở Tư pháp', 'Huyện Bến Lức', 'Quý I/2020', 'Sở Tư pháp dự trù kinh phí riêng.'),
        row('', '', '- Báo cáo', '', '', 'Trước ngày 15/10/2020', ''),
      ],
      2020,
      resolver,
    );
    expect(t.errors).toEqual([]);
    expect(t.areas).toEqual([
      { number: 1, name: 'Công tác chỉ đạo, điều hành CCHC' },
      { number: 2, name: 'Cải cách thể chế' },
    ]);
    const [t14, t21] = t.tasks;
    expect(t14).toMatchObject({ number: '1.4', text: 'Xác định Chỉ số CCHC', due: '2020-03-31', budgetMilli: 1_450_000 });
    expect(t14.products.map((p) => [p.text, p.timeframeText, p.budget.milli])).toEqual([
      ['- Phần mềm', 'Quý IV/2019, Quý I/2020', 800_000],
      ['- Quyết định phê duyệt', 'Quý IV/2019, Quý I/2020', 500_000],
      ['- Khen thưởng', 'Quý IV/2019, Quý I/2020', 150_000],
    ]);
    expect(t14.lead.unitIds).toEqual([1]);
    expect(t14.coordinating.groups).toEqual(['departments']);
    expect(t21).toMatchObject({ number: '2.1', due: '2020-10-15', budgetMilli: null });
    expect(t21.products.map((p) => p.timeframe.due)).toEqual(['2020-03-31', '2020-10-15']);
    expect(t21.products[0].budget.note).toBe('Sở Tư pháp dự trù kinh phí riêng.');
  });

  it('reports every bad row, with its row number and column', () => {
    n = 1;
    const t = readPlanTable(
      [
        row('', 'mồ côi', '', '', '', '', ''), // row 2
        row('1.1', 'A', '', 'Sở Nội vụ', '', 'Trong năm', 'abc'), // row 3
        row('1.1', 'B', '', 'Sở Nội vụ', '', 'Trong năm', ''), // row 4
        row('x.1', 'C', '', 'Sở Nội vụ', '', '', ''), // row 5
        row('1.2', '', '', '', '', 'khi nào rảnh', ''), // row 6
        row('9.1', 'D', '', 'Sở Mới', '', '', ''), // row 7
      ],
      2020,
      resolver,
    );
    expect(t.errors.map((e) => [e.row, e.code, e.column])).toEqual([
      [2, 'NO_TASK_ABOVE', 'number'],
      [3, 'INVALID_BUDGET', 'budget'],
      [4, 'DUPLICATE_NUMBER', 'number'],
      [5, 'INVALID_NUMBER', 'number'],
      [6, 'MISSING_TASK', 'task'],
      [6, 'MISSING_LEAD', 'lead'],
      [7, 'UNKNOWN_AREA', 'area'],
    ]);
    expect(t.flaggedTimeframes).toEqual([{ row: 6, text: 'khi nào rảnh' }]);
    expect(t.unresolved.map((u) => [u.text, u.rows])).toEqual([['Sở Mới', [7]]]);
    expect(t.errors.every((e) => /[ạ-ỹà-ýđ]/i.test(e.message))).toBe(true);
  });

  it('an unknown name is one name to map, as first written, however each row writes it', () => {
    n = 1;
    const t = readPlanTable(
      [row('1.1', 'A', '', 'Ban Dân tộc tỉnh', '', 'Quý I/2020', ''), row('1.2', 'B', '', 'Sở Nội vụ', 'BAN DÂN TỘC TỈNH.', 'Quý I/2020', '')],
      2020,
      resolver,
    );
    expect(t.unresolved.map((u) => [u.text, u.rows])).toEqual([['Ban Dân tộc tỉnh', [2, 3]]]);
  });

  it('a group with no unit alive in the plan year is a warning on its row, not an error', () => {
    n = 1;
    // 2027: the district tier ended on 30/6/2025; no district among the units alive
    const alive2027 = new AgencyResolver([
      { id: 1, name: 'Sở Nội vụ', type: 'department' },
      { id: 5, name: 'Xã Bến Lức', type: 'commune' },
    ]);
    const t = readPlanTable(
      [
        row('1.1', 'A', '', 'Sở Nội vụ', 'Các sở, ban, ngành tỉnh; UBND cấp huyện', 'Quý I/2027', ''),
        row('1.2', 'B', '', 'UBND cấp huyện', 'UBND cấp xã; các cơ quan, đơn vị liên quan', 'Quý I/2027', ''),
        row('1.3', 'C', '', 'Sở Nội vụ', 'Các cơ quan ngành dọc', 'Quý I/2027', ''),
      ],
      2027,
      alive2027,
      { groupEnded: { districts: '2025-06-30' } },
    );
    expect(t.errors).toEqual([]);
    expect(t.warnings.map((w) => [w.row, w.column, w.code])).toEqual([
      [2, 'coordinating', 'EMPTY_GROUP'],
      [3, 'lead', 'EMPTY_GROUP'],
      [4, 'coordinating', 'EMPTY_GROUP'],
    ]);
    expect(t.warnings[0].message).toBe('Nhóm “UBND cấp huyện” không còn đơn vị nào hoạt động trong năm 2027 (đơn vị cuối cùng của nhóm hoạt động đến ngày 30/06/2025): nhiệm vụ 1.1 không được giao cho đơn vị nào theo nhóm này.');
    expect(t.warnings[2].message).toBe('Nhóm “Các cơ quan ngành dọc” không còn đơn vị nào hoạt động trong năm 2027: nhiệm vụ 1.3 không được giao cho đơn vị nào theo nhóm này.');
    // the same table in 2020, with the districts alive: no warning
    expect(readPlanTable([row('1.1', 'A', '', 'Sở Nội vụ', 'UBND cấp huyện', 'Quý I/2020', '')], 2020, resolver).warnings).toEqual([]);
  });

  it('an empty table is one error', () => {
    expect(readPlanTable([row('', '', '', '', '', '', '')], 2020, resolver).errors.map((e) => e.code)).toEqual(['EMPTY']);
    expect(readPlanTable([], 2020, resolver).errors.map((e) => e.code)).toEqual(['EMPTY']);
  });
});
