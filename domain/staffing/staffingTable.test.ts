import { describe, expect, it } from 'vitest';
import { FIGURE_COLUMNS, findStaffingHeader, parseStaffKind, readFiguresTable, readRecruitmentTable, readSchemesTable, resolveUnitRef, STAFFING_LABELS } from './staffingTable.js';

const rows = (...r: string[][]) => r.map((cells, i) => ({ row: i + 2, cells }));

describe('staffing tables', () => {
  it('finds the header by labels or keys', () => {
    expect(findStaffingHeader([[], FIGURE_COLUMNS.map((c) => STAFFING_LABELS[c])], 'figures')).toBe(1);
    expect(findStaffingHeader([[...FIGURE_COLUMNS]], 'figures')).toBe(0);
    expect(findStaffingHeader([['BIÊN CHẾ NĂM 2023'], [], FIGURE_COLUMNS.map((c) => STAFFING_LABELS[c])], 'figures')).toBe(2);
    expect(findStaffingHeader([FIGURE_COLUMNS.map((c) => STAFFING_LABELS[c])], 'schemes')).toBeNull();
  });

  it('figures: vi-VN numbers, rates with a comma, row errors', () => {
    const r = readFiguresTable(
      rows(
        ['LA', 'Tỉnh Long An', '2023', '', '', '', '17,72', '', '', '', '20,04', 'Báo cáo quý III/2023', ''],
        ['LA.SNV', 'Sở Nội vụ', '2023', '1.120', '1.050', '', '', '25.424', '23.631', '', '', '', ''],
        ['LA.STP', '', '2023', '2,5', 'nhiều', '', '120', '', '', '', '', '', ''],
        ['', '', '2023', '5', '5', '', '', '', '', '', '', '', ''],
        ['LA.SNV', '', '23', '', '', '', '', '', '', '', '', '', ''],
        ['la.snv', 'x', '2023', '1', '1', '', '', '', '', '', '', '', ''],
        ['LA.SYT', '', '2023', '', '', '', '', '', '', '', '', 'chỉ ghi chú', ''],
        ['', 'Tổng cộng (toàn tỉnh)', '2023', '9', '9', '', '', '', '', '', '', '', ''],
      ),
    );
    expect(r.figures.map((f) => [f.unitCode, f.year, f.civil, f.public])).toEqual([
      ['LA', 2023, { assigned: null, present: null, base2015: null, reportedRate: 17.72 }, { assigned: null, present: null, base2015: null, reportedRate: 20.04 }],
      ['LA.SNV', 2023, { assigned: 1120, present: 1050, base2015: null, reportedRate: null }, { assigned: 25424, present: 23631, base2015: null, reportedRate: null }],
    ]);
    expect(r.errors.map((e) => `${e.row}:${e.column}`)).toEqual(['4:civilAssigned', '4:civilPresent', '4:civilReportedRate', '5:unitCode', '6:year', '7:unitCode', '8:civilAssigned']);
    expect(r.errors[0].message).toBe('Công chức: biên chế được giao: "2,5" không phải số người (số nguyên, ví dụ 2.273).');
    expect(r.errors[5].message).toBe('Số liệu năm 2023 của x trùng với dòng 3.');
  });

  it('schemes', () => {
    const r = readSchemesTable(
      rows(
        ['LA.STP', 'Sở Tư pháp', 'Công chức', '1234/QĐ-UBND', '20/07/2023', '', ''],
        ['LA.STP', '', 'cc', '1234/qđ-ubnd', '20/07/2023', '', ''],
        ['LA.SYT', '', 'bác sĩ', '', '31/13/2023', '', ''],
      ),
    );
    expect(r.schemes).toMatchObject([{ unitCode: 'LA.STP', kind: 'civil_servant', decisionNumber: '1234/QĐ-UBND', decisionDate: '2023-07-20' }]);
    expect(r.errors.map((e) => `${e.row}:${e.column}`)).toEqual(['3:decisionNumber', '4:kind', '4:decisionNumber', '4:decisionDate']);
  });

  it('recruitment', () => {
    const r = readRecruitmentTable(
      rows(
        ['LA', 'Tỉnh Long An', '2023', 'Công chức', '43', 'Kế hoạch số 1848/KH-UBND ngày 16/6/2022', '10/08/2023', ''],
        ['LA', '', '2023', 'Viên chức', '0', '', '10/08/2022', ''],
      ),
    );
    expect(r.recruitment).toMatchObject([{ unitCode: 'LA', year: 2023, kind: 'civil_servant', count: 43, decidedOn: '2023-08-10' }]);
    expect(r.errors.map((e) => `${e.row}:${e.column}`)).toEqual(['3:count', '3:reference', '3:decidedOn']);
  });

  it('empty tables are errors', () => {
    expect(readFiguresTable([]).errors[0].column).toBe('header');
    expect(readSchemesTable(rows(['', ''])).errors[0].message).toBe('Tệp không có dòng dữ liệu nào.');
  });

  it.each([
    ['Công chức', 'civil_servant'],
    ['cong chuc', 'civil_servant'],
    ['VC', 'public_employee'],
    ['Viên chức', 'public_employee'],
    ['Số lượng người làm việc', 'public_employee'],
    ['hợp đồng', null],
  ])('kind %j → %s', (t, k) => expect(parseStaffKind(t)).toBe(k));

  const units = [
    { id: 1, code: 'LA.STP', names: ['Sở Tư pháp'] },
    { id: 2, code: 'TNC.STP', names: ['Sở Tư pháp'] },
    { id: 3, code: 'LA.SYT', names: ['Sở Y tế'] },
    { id: 4, code: 'TNC', names: ['Tỉnh Tây Ninh (trước 01/7/2025)'] },
  ];
  it.each([
    [{ unitCode: 'LA.STP', unitName: '' }, { unitId: 1 }],
    [{ unitCode: 'la.stp', unitName: 'so tu phap' }, { unitId: 1 }],
    [{ unitCode: '', unitName: 'Sở Y tế' }, { unitId: 3 }],
    [{ unitCode: '', unitName: 'Tỉnh Tây Ninh' }, { unitId: 4 }],
    [{ unitCode: '', unitName: 'Sở Tư pháp' }, { message: 'Tên "Sở Tư pháp" ứng với nhiều đơn vị (LA.STP, TNC.STP); hãy ghi mã đơn vị.' }],
    [{ unitCode: 'LA.SYT', unitName: 'Sở Tư pháp' }, { message: 'Mã LA.SYT là của Sở Y tế, không phải "Sở Tư pháp".' }],
    [{ unitCode: 'LA.X', unitName: '' }, { message: 'Không có đơn vị mã LA.X trong năm 2023.' }],
    [{ unitCode: '', unitName: 'Sở Ngoại vụ' }, { message: 'Không tìm thấy đơn vị "Sở Ngoại vụ" trong năm 2023.' }],
  ])('unit %j → %j', (ref, out) => expect(resolveUnitRef(ref, units, 'trong năm 2023')).toEqual(out));
});
