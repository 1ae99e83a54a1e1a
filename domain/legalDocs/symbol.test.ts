import { describe, expect, it } from 'vitest';
import { checkSymbol, issuerName, parseIssuer, parseKind, parseSymbol, placeOfUnitName } from './symbol.js';

describe('number and symbol of a legal document', () => {
  it.each([
    ['15/2023/NQ-HĐND', { number: 15, year: 2023, kind: 'resolution', issuerKind: 'council', symbol: '15/2023/NQ-HĐND', key: '15/2023/nq-hdnd' }],
    ['20/2023/QĐ-UBND', { number: 20, year: 2023, kind: 'decision', issuerKind: 'committee', symbol: '20/2023/QĐ-UBND', key: '20/2023/qd-ubnd' }],
    ['05/2024/QĐ-UBND', { number: 5, year: 2024, kind: 'decision', symbol: '05/2024/QĐ-UBND', key: '5/2024/qd-ubnd' }],
    ['15/2023/nq-hdnd', { symbol: '15/2023/NQ-HĐND' }],
    ['20/2023/QD-UBND', { symbol: '20/2023/QĐ-UBND' }],
    [' 20 / 2023 / QĐ – UBND ', { symbol: '20/2023/QĐ-UBND' }],
    ['Số 15/2023/NQ-HĐND', { symbol: '15/2023/NQ-HĐND' }],
    ['15/2023/NQ-HĐND'.normalize('NFD'), { symbol: '15/2023/NQ-HĐND' }],
    // UBND does not issue resolutions: read, but refused by checkSymbol
    ['3/2023/NQ-UBND', { kind: 'resolution', issuerKind: 'committee' }],
  ])('%j', (text, expected) => expect(parseSymbol(text)).toMatchObject(expected));

  it.each([['15/2023'], ['15/2023/CT-UBND'], ['15/2023/NĐ-CP'], ['0/2023/QĐ-UBND'], ['15/1899/QĐ-UBND'], ['4976/QĐ-UBND'], ['Nghị quyết 202/2025/QH15'], ['']])('%j is not a local symbol', (text) =>
    expect(parseSymbol(text)).toBeNull(),
  );

  const codes = (text: string, given: Parameters<typeof checkSymbol>[1]) => checkSymbol(text, given).problems.map((p) => p.code);
  it.each([
    ['15/2023/NQ-HĐND', { kind: 'resolution' as const, issuerText: 'HĐND tỉnh Long An', signedOn: '2023-07-12' }, []],
    ['20/2023/QĐ-UBND', { kind: 'decision' as const, issuerText: 'Ủy ban nhân dân tỉnh Long An', signedOn: '2023-08-01' }, []],
    ['20/2023/QĐ-UBND', { kind: null, issuerText: null, signedOn: null }, []],
    ['15/2023/NQ-HĐND', { kind: 'decision' as const }, ['SYMBOL_KIND']],
    ['20/2023/QĐ-UBND', { kind: 'resolution' as const }, ['SYMBOL_KIND']],
    ['20/2023/QĐ-UBND', { issuerText: 'HĐND tỉnh Long An' }, ['ISSUER_MISMATCH']],
    ['20/2023/QĐ-UBND', { issuerText: 'Sở Tư pháp' }, ['ISSUER_UNREADABLE']],
    ['3/2023/NQ-UBND', {}, ['SYMBOL_ISSUER']],
    ['3/2023/QĐ-HĐND', { kind: 'decision' as const }, ['SYMBOL_ISSUER']],
    ['20/2023/QĐ-UBND', { signedOn: '2024-01-03' }, ['SYMBOL_YEAR']],
    ['20/2023', { kind: 'decision' as const }, ['SYMBOL_UNREADABLE']],
  ])('check %s with %j → %j', (text, given, expected) => expect(codes(text, given)).toEqual(expected));

  it('names the problem in Vietnamese', () => {
    expect(checkSymbol('15/2023/NQ-HĐND', { kind: 'decision' }).problems[0].vi).toBe('Số, ký hiệu 15/2023/NQ-HĐND là của một nghị quyết, không phải quyết định.');
  });

  it.each([
    ['Nghị quyết', 'resolution'],
    ['nghi quyet', 'resolution'],
    ['NQ', 'resolution'],
    ['Quyết định', 'decision'],
    ['QĐ', 'decision'],
    ['quyet dinh', 'decision'],
    ['Chỉ thị', null],
  ])('kind %j → %s', (text, kind) => expect(parseKind(text)).toBe(kind));

  it.each([
    ['HĐND tỉnh Long An', { kind: 'council', place: 'tinh long an' }],
    ['Hội đồng nhân dân tỉnh', { kind: 'council', place: 'tinh' }],
    ['UBND TP Tân An', { kind: 'committee', place: 'thanh pho tan an' }],
    ['UBND TX. Kiến Tường', { kind: 'committee', place: 'thi xa kien tuong' }],
    ['Ủy ban nhân dân huyện Bến Lức', { kind: 'committee', place: 'huyen ben luc' }],
    ['Uỷ ban nhân dân tỉnh Tây Ninh', { kind: 'committee', place: 'tinh tay ninh' }],
    ['Sở Tư pháp', null],
  ])('issuer %j', (text, expected) => expect(parseIssuer(text)).toEqual(expected));

  it('a unit name as a place, and a body named from its unit', () => {
    expect(placeOfUnitName('Tỉnh Tây Ninh (trước 01/7/2025)')).toBe('tinh tay ninh');
    expect(placeOfUnitName('Thành phố Tân An')).toBe('thanh pho tan an');
    expect(issuerName('council', 'Tỉnh Long An')).toBe('HĐND tỉnh Long An');
    expect(issuerName('committee', 'Huyện Bến Lức')).toBe('UBND huyện Bến Lức');
    expect(issuerName('committee', 'Tỉnh Tây Ninh (trước 01/7/2025)')).toBe('UBND tỉnh Tây Ninh');
  });
});
