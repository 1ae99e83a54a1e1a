import { describe, expect, it } from 'vitest';
import { findHeader, LEGAL_DOC_COLUMNS, LEGAL_DOC_LABELS, parseDeclaredStatus, parseEndedBy, readLegalDocTable } from './legalDocTable.js';

const HEADER = LEGAL_DOC_COLUMNS.map((c) => LEGAL_DOC_LABELS[c]);
const TODAY = '2026-12-01';
// symbol, kind, issuer, title, field, signed, effective, status, expired, endedBy, lead, note
const row = (n: number, cells: string[]) => ({ row: n, cells });
const read = (...rows: string[][]) => readLegalDocTable(rows.map((c, i) => row(i + 2, c)), TODAY);

describe('the register table', () => {
  it('finds the header, with or without an STT column', () => {
    expect(findHeader([[], HEADER, ['x']])).toEqual({ at: 1, offset: 0 });
    expect(findHeader([['STT', ...HEADER]])).toEqual({ at: 0, offset: 1 });
    expect(findHeader([HEADER.map((h) => h.toUpperCase().normalize('NFD'))])).toEqual({ at: 0, offset: 0 });
    expect(findHeader([['Số', 'Tên']])).toBeNull();
  });

  it('reads good rows: a resolution in force, a decision replaced later, one partly ended', () => {
    const r = read(
      ['15/2023/NQ-HĐND', 'Nghị quyết', 'HĐND tỉnh Long An', 'Quy định mức chi (mẫu)', 'Tài chính', '12/07/2023', '22/07/2023', '', '', '', 'Sở Tài chính', ''],
      ['20/2023/QD-UBND', '', 'UBND tỉnh Long An', 'Quy chế (mẫu)', 'Nội vụ', '01/08/2023', '15/08/2023', 'Hết hiệu lực toàn bộ', '01/03/2025', '5/2025/QĐ-UBND', 'Sở Nội vụ', ''],
      ['21/2023/QĐ-UBND', 'Quyết định', 'UBND tỉnh Long An', 'Quy định (mẫu)', 'Xây dựng', '02/08/2023', '15/08/2023', 'Hết hiệu lực một phần', '01/01/2024', 'https://vbpl.vn/longan/Pages/x.aspx', '', ''],
    );
    expect(r.errors).toEqual([]);
    expect(r.docs.map((d) => [d.symbol.symbol, d.kind, d.issuerPlace, d.declared, d.expiredOn, d.endedBy, d.partEndings])).toEqual([
      ['15/2023/NQ-HĐND', 'resolution', 'tinh long an', 'in_force', null, null, []],
      ['20/2023/QĐ-UBND', 'decision', 'tinh long an', 'expired', '2025-03-01', { bySymbol: '5/2025/QĐ-UBND', byLink: null }, []],
      ['21/2023/QĐ-UBND', 'decision', 'tinh long an', 'partly_expired', null, null, [{ from: '2024-01-01', endedBy: { bySymbol: null, byLink: 'https://vbpl.vn/longan/Pages/x.aspx' } }]],
    ]);
  });

  it('names the row and the column of every error', () => {
    const r = read(
      ['15/2023/NQ-HĐND', 'Quyết định', 'HĐND tỉnh Long An', 'A (mẫu)', 'Tài chính', '12/07/2023', '22/07/2023', '', '', '', '', ''], // 2: kind contradicts the symbol
      ['20/2023/QĐ-UBND', '', 'HĐND tỉnh Long An', 'B', 'Nội vụ', '01/08/2024', '31/02/2024', '', '', '', '', ''], // 3: issuer, year, effective date
      ['', '', '', '', '', '', '', '', '', '', '', ''], // empty: skipped
      ['22/2023/QĐ-UBND', '', 'UBND tỉnh Long An', 'C', 'Nội vụ', '01/08/2023', '15/08/2023', 'Còn hiệu lực', '01/01/2024', '', '', ''], // 5: declared in force, but expired by its date
      ['23/2023/QĐ-UBND', '', 'UBND tỉnh Long An', '', '', '01/08/2023', '15/08/2023', 'Hết hiệu lực', '', '', '', ''], // 6: no title, field, expiry date
      ['25/2023/QĐ-UBND', '', 'UBND tỉnh Long An', 'D', 'Nội vụ', '01/08/2023', '15/08/2023', 'không rõ', '', '', '', ''], // 7: status
      ['20/2023/QĐ-UBND', '', 'UBND tỉnh Long An', 'E', 'Nội vụ', '01/08/2023', '15/08/2023', '', '', '', '', ''], // 8: fine
      ['20/2023/QĐ-UBND', '', 'UBND tỉnh Long An', 'E', 'Nội vụ', '01/08/2023', '15/08/2023', '', '', '', '', ''], // 9: twice
      ['24/2023/QĐ-UBND', '', 'UBND tỉnh Long An', 'F', 'Nội vụ', '01/08/2023', '31/07/2023', '', '', '', '', ''], // 10: effect before signing
    );
    expect(r.errors.map((e) => `${e.row}:${e.column}`)).toEqual(['2:kind', '3:effectiveOn', '3:issuer', '3:symbol', '5:status', '6:title', '6:field', '6:expiredOn', '7:status', '9:symbol', '10:effectiveOn']);
    expect(r.errors[0].message).toContain('là của một nghị quyết, không phải quyết định');
    expect(r.errors.find((e) => e.row === 5)!.message).toBe('Tình trạng "Còn hiệu lực" không khớp với các ngày đã ghi: đến ngày 01/12/2026 văn bản hết hiệu lực toàn bộ.');
    expect(r.errors.find((e) => e.row === 9)!.message).toBe('Văn bản 20/2023/QĐ-UBND của UBND tỉnh Long An trùng với dòng 8.');
    expect(r.docs.map((d) => d.row)).toEqual([8]);
  });

  it('an empty table is an error', () => expect(read().errors).toEqual([{ row: 0, column: 'header', message: 'Tệp không có dòng dữ liệu nào.' }]));

  it.each([
    ['', 'in_force'],
    ['Còn hiệu lực', 'in_force'],
    ['con hieu luc', 'in_force'],
    ['Hết hiệu lực một phần', 'partly_expired'],
    ['Hết hiệu lực', 'expired'],
    ['HẾT HIỆU LỰC TOÀN BỘ', 'expired'],
    ['Tạm ngưng', null],
  ])('status %j → %s', (text, s) => expect(parseDeclaredStatus(text)).toBe(s));

  it.each([
    ['05/2025/qd-ubnd', { bySymbol: '05/2025/QĐ-UBND', byLink: null }],
    ['https://vbpl.vn/tayninh/x', { bySymbol: null, byLink: 'https://vbpl.vn/tayninh/x' }],
    ['Nghị quyết 202/2025/QH15', { bySymbol: 'Nghị quyết 202/2025/QH15', byLink: null }],
    ['  ', null],
  ])('ended by %j', (text, out) => expect(parseEndedBy(text)).toEqual(out));
});
