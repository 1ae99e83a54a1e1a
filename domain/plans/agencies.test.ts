import { describe, expect, it } from 'vitest';
import type { UnitType } from '../org/history.js';
import { AgencyResolver, distance, expandGroups } from './agencies.js';

const UNITS: { id: number; name: string; type: UnitType }[] = [
  [1, 'Sở Nội vụ', 'department'],
  [2, 'Sở Tư pháp', 'department'],
  [3, 'Sở Tài chính', 'department'],
  [4, 'Sở Thông tin và Truyền thông', 'department'],
  [5, 'Sở Khoa học và Công nghệ', 'department'],
  [6, 'Văn phòng UBND tỉnh', 'department'],
  [7, 'Sở Giáo dục và Đào tạo', 'department'],
  [8, 'Sở Văn hóa, Thể thao và Du lịch', 'department'],
  [9, 'Sở Kế hoạch và Đầu tư', 'department'],
  [10, 'Sở Xây dựng', 'department'],
  [11, 'Đài Phát thanh và Truyền hình Long An', 'public_service'],
  [20, 'Thành phố Tân An', 'district'],
  [21, 'Huyện Bến Lức', 'district'],
  [30, 'Phường 1', 'commune'],
  [40, 'Công an tỉnh Long An', 'central_agency'],
].map(([id, name, type]) => ({ id: id as number, name: name as string, type: type as UnitType }));

const resolver = new AgencyResolver(UNITS, [
  { text: 'Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh', unitId: 6 },
  { text: 'Ban Pháp chế HĐND tỉnh', unitId: null },
]);

// cell text, units named (ids), groups, unresolved pieces
const CASES: [string, number[], string[], string[]][] = [
  ['Sở Nội vụ', [1], [], []],
  ['Sở Nội vụ.', [1], [], []],
  ['sở nội vụ', [1], [], []],
  ['So Noi vu', [1], [], []],
  ['  Sở   Tư  pháp ', [2], [], []],
  ['Các sở: Tư pháp, Tài chính, Thông tin và Truyền thông, Khoa học và CN; Văn phòng UBND tỉnh.', [2, 3, 4, 5, 6], [], []],
  ['Sở Khoa học học và Công nghệ', [5], [], []],
  ['Sở Khoa học và công nghệ.', [5], [], []],
  ['Sở Văn hóa, Thể thao và Du lịch', [8], [], []],
  ['Sở VH,TT&DL', [8], [], []],
  ['Sở KH&ĐT', [9], [], []],
  ['Sở Xây dựng, UBND cấp huyện.', [10], ['districts'], []],
  ['Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh.', [6], [], []],
  ['Sở Tư pháp, Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh.', [2, 6], [], []],
  ['Các cơ quan, đơn vị liên quan.', [], ['related'], []],
  ['Các sở, ngành tỉnh, UBND cấp huyện.', [], ['departments', 'districts'], []],
  ['Các sở, ban, ngành tỉnh; UBND cấp huyện và cấp xã', [], ['departments', 'districts', 'communes'], []],
  ['Các sở, ban, ngành tỉnh, các cơ quan ngành dọc và UBND cấp huyện, cấp xã.', [], ['departments', 'central_agencies', 'districts', 'communes'], []],
  ['Các sở, ban ngành tỉnh, UBND cấp huyện, cấp xã', [], ['departments', 'districts', 'communes'], []],
  ['Các sở, ban, ngành tỉnh; UBND các cấp.', [], ['departments', 'local_governments'], []],
  ['Các sở, ban, ngành tỉnh; UBND các cấp và các đơn vị sự nghiệp công lập.', [], ['departments', 'local_governments', 'public_service'], []],
  ['- Sở, ngành tỉnh.\n- UBND các huyện, thị xã, thành phố.', [], ['departments', 'districts'], []],
  ['Các sở, ban, ngành liên quan', [], ['related'], []],
  ['Sở, ngành được giao chủ trì soạn thảo văn bản.', [], ['related'], []],
  ['Cơ quan, đơn vị được chọn.', [], ['related'], []],
  ['Các cơ quan HCNN', [], ['admin_agencies'], []],
  ['UBND cấp xã.', [], ['communes'], []],
  ['Ban Pháp chế HĐND tỉnh; các sở, ban, ngành tỉnh.', [], ['departments'], []],
  ['Đài Phát thanh và Truyền hình Long An', [11], [], []],
  ['Sở Giáo dục và Đào tạo.', [7], [], []],
  // what it cannot resolve is reported as written, to be mapped once
  ['Sở Y tế', [], [], ['Sở Y tế']],
  ['Báo Long An, Sở Nội vụ', [1], [], ['Báo Long An']],
  ['Sở Ngoại giao vụ trụ', [], [], ['Sở Ngoại giao vụ trụ']],
  ['Ban Dân tộc tỉnh', [], [], ['Ban Dân tộc tỉnh']],
  ['Sở Nội vụ; Ban  Dân tộc tỉnh, Báo Long An.', [1], [], ['Ban Dân tộc tỉnh', 'Báo Long An']],
  ['Ban Dân tộc tỉnh và Báo Long An', [], [], ['Ban Dân tộc tỉnh và Báo Long An']], // "và" is in names: not a separator
  ['- Sở, ngành tỉnh.\n- Ban Dân tộc tỉnh.', [], ['departments'], ['Ban Dân tộc tỉnh']],
  ['Các sở: Tư pháp, Hàng hải; Đài PTTH Long An', [2, 11], [], ['Hàng hải']],
  ['Sở KH&ĐT, Ban QL Khu kinh tế', [9], [], ['Ban QL Khu kinh tế']],
  ['Sở Nội vụ, Ban Dân tộc tỉnh'.normalize('NFD'), [1], [], ['Ban Dân tộc tỉnh']],
];

describe('agency cells', () => {
  it.each(CASES)('%j', (text, ids, groups, unresolved) => {
    const r = resolver.resolve(text);
    expect([...r.unitIds].sort((a, b) => a - b)).toEqual(ids);
    expect(r.groups).toEqual(groups);
    expect(r.unresolved.map((u) => u.text)).toEqual(unresolved);
  });

  it('keeps bodies outside the system as text', () => {
    expect(resolver.resolve('Ban Pháp chế HĐND tỉnh').external).toEqual(['Ban Pháp chế HĐND tỉnh']);
  });

  it('tells a typo from a match and says how', () => {
    const r = resolver.resolve('Sở Khoa học học và Công nghệ');
    expect(r.matches).toEqual([{ text: 'Sở Khoa học học và Công nghệ', how: 'fuzzy', unitId: 5 }]);
  });

  it('shows the words of each match as written, abbreviations included', () => {
    expect(resolver.resolve('Sở KH&ĐT; Đài PTTH Long An, UBND cấp huyện').matches.map((m) => m.text)).toEqual(['Sở KH&ĐT', 'Đài PTTH Long An', 'UBND cấp huyện']);
  });

  it('a name mapped once (as written) is found again however it is written', () => {
    const r = new AgencyResolver(UNITS, [{ text: 'Ban Dân tộc tỉnh', unitId: null }]);
    expect(r.resolve('BAN DAN TOC TINH.').external).toEqual(['BAN DAN TOC TINH']);
    expect(r.resolve('Ban Dân tộc tỉnh').unresolved).toEqual([]);
  });

  it('suggests the nearest units for what it cannot resolve', () => {
    const r = resolver.resolve('Sở Tài chánh và Vật giá');
    expect(r.unresolved[0].suggestions[0]).toEqual({ id: 3, name: 'Sở Tài chính' });
  });

  it('expands groups among the units alive', () => {
    expect(expandGroups(['departments', 'districts'], UNITS).length).toBe(12);
    expect(expandGroups(['related'], UNITS)).toEqual([]);
    expect(expandGroups(['local_governments'], UNITS)).toEqual([20, 21, 30]);
  });

  it.each([
    ['', '', 0],
    ['abc', 'abc', 0],
    ['kitten', 'sitting', 3],
    ['so noi vu', 'so noi vuu', 1],
  ])('distance(%s, %s) = %i', (a, b, d) => expect(distance(a, b)).toBe(d));
});
