/**
 * Demo organisation: Long An province as of 2015–2025 (departments named in seed 004 / 000, the 15
 * district-level units of REFERENCE.md §2 and a handful of communes), the March 2025 merger of
 * departments, and the 1/7/2025 reform: district tier closed, Long An merged into the new Tây Ninh
 * province (Resolution 202/2025/QH15).
 *
 * Life spans before 2015 are not recorded in the demo. The communes and the make-up of the post-2025
 * communes are illustrative samples, not the official list.
 */
import type { UnitType } from '../../domain/org/history.js';

export const DEMO_START = '2015-01-01';
export const DEPARTMENT_MERGER_DATE = '2025-03-01';
export const REFORM_DATE = '2025-07-01';

export interface DemoUnit {
  code: string;
  name: string;
  type: UnitType;
  parent: string | null;
}

export const LONG_AN: DemoUnit = { code: 'LA', name: 'Tỉnh Long An', type: 'province', parent: null };
export const OLD_TAY_NINH: DemoUnit = { code: 'TNC', name: 'Tỉnh Tây Ninh (trước 01/7/2025)', type: 'province', parent: null };

/** The 19 departments and agencies (seed 000: "19 sở, ngành"). */
export const LONG_AN_DEPARTMENTS: DemoUnit[] = [
  ['VP', 'Văn phòng UBND tỉnh'],
  ['SNV', 'Sở Nội vụ'],
  ['STP', 'Sở Tư pháp'],
  ['SKHDT', 'Sở Kế hoạch và Đầu tư'],
  ['STC', 'Sở Tài chính'],
  ['SCT', 'Sở Công Thương'],
  ['SNNPTNT', 'Sở Nông nghiệp và Phát triển nông thôn'],
  ['SGTVT', 'Sở Giao thông vận tải'],
  ['SXD', 'Sở Xây dựng'],
  ['STNMT', 'Sở Tài nguyên và Môi trường'],
  ['STTTT', 'Sở Thông tin và Truyền thông'],
  ['SLDTBXH', 'Sở Lao động - Thương binh và Xã hội'],
  ['SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch'],
  ['SKHCN', 'Sở Khoa học và Công nghệ'],
  ['SGDDT', 'Sở Giáo dục và Đào tạo'],
  ['SYT', 'Sở Y tế'],
  ['SNGV', 'Sở Ngoại vụ'],
  ['TTR', 'Thanh tra tỉnh'],
  ['BQLKKT', 'Ban Quản lý Khu kinh tế'],
].map(([c, name]) => ({ code: `LA.${c}`, name, type: 'department' as const, parent: 'LA' }));

export const LONG_AN_OTHER: DemoUnit[] = [
  { code: 'LA.TTHCC', name: 'Trung tâm Phục vụ hành chính công tỉnh', type: 'public_service', parent: 'LA.VP' },
  { code: 'LA.DPTTH', name: 'Đài Phát thanh và Truyền hình Long An', type: 'public_service', parent: 'LA' },
  { code: 'LA.CA', name: 'Công an tỉnh Long An', type: 'central_agency', parent: 'LA' },
];

/** The 15 district-level units (REFERENCE.md §2). */
export const LONG_AN_DISTRICTS: DemoUnit[] = [
  ['TANAN', 'Thành phố Tân An'],
  ['KIENTUONG', 'Thị xã Kiến Tường'],
  ['BENLUC', 'Huyện Bến Lức'],
  ['CANDUOC', 'Huyện Cần Đước'],
  ['CANGIUOC', 'Huyện Cần Giuộc'],
  ['CHAUTHANH', 'Huyện Châu Thành'],
  ['DUCHOA', 'Huyện Đức Hòa'],
  ['DUCHUE', 'Huyện Đức Huệ'],
  ['MOCHOA', 'Huyện Mộc Hóa'],
  ['TANHUNG', 'Huyện Tân Hưng'],
  ['TANTHANH', 'Huyện Tân Thạnh'],
  ['TANTRU', 'Huyện Tân Trụ'],
  ['THANHHOA', 'Huyện Thạnh Hóa'],
  ['THUTHUA', 'Huyện Thủ Thừa'],
  ['VINHHUNG', 'Huyện Vĩnh Hưng'],
].map(([c, name]) => ({ code: `LA.${c}`, name, type: 'district' as const, parent: 'LA' }));

/** A handful of communes (sample). */
export const LONG_AN_COMMUNES: DemoUnit[] = [
  { code: 'LA.TANAN.P1', name: 'Phường 1', type: 'commune', parent: 'LA.TANAN' },
  { code: 'LA.TANAN.P2', name: 'Phường 2', type: 'commune', parent: 'LA.TANAN' },
  { code: 'LA.TANAN.P3', name: 'Phường 3', type: 'commune', parent: 'LA.TANAN' },
  { code: 'LA.TANAN.KH', name: 'Phường Khánh Hậu', type: 'commune', parent: 'LA.TANAN' },
  { code: 'LA.TANAN.HTP', name: 'Xã Hướng Thọ Phú', type: 'commune', parent: 'LA.TANAN' },
  { code: 'LA.KIENTUONG.P1', name: 'Phường 1', type: 'commune', parent: 'LA.KIENTUONG' },
  { code: 'LA.KIENTUONG.TT', name: 'Xã Thạnh Trị', type: 'commune', parent: 'LA.KIENTUONG' },
  { code: 'LA.BENLUC.TT', name: 'Thị trấn Bến Lức', type: 'commune', parent: 'LA.BENLUC' },
  { code: 'LA.BENLUC.TD', name: 'Xã Thạnh Đức', type: 'commune', parent: 'LA.BENLUC' },
  { code: 'LA.CANGIUOC.TT', name: 'Thị trấn Cần Giuộc', type: 'commune', parent: 'LA.CANGIUOC' },
  { code: 'LA.CANGIUOC.PL', name: 'Xã Phước Lý', type: 'commune', parent: 'LA.CANGIUOC' },
];

export const OLD_TAY_NINH_UNITS: DemoUnit[] = [
  { code: 'TNC.SNV', name: 'Sở Nội vụ', type: 'department', parent: 'TNC' },
  { code: 'TNC.STP', name: 'Sở Tư pháp', type: 'department', parent: 'TNC' },
  { code: 'TNC.CA', name: 'Công an tỉnh Tây Ninh', type: 'central_agency', parent: 'TNC' },
];

/** 1/3/2025: departments merged (Decree 45/2025/NĐ-CP on provincial specialised agencies). */
export const DEPARTMENT_MERGERS: { sources: string[]; target: string | DemoUnit }[] = [
  { sources: ['LA.SKHDT'], target: 'LA.STC' },
  { sources: ['LA.SLDTBXH'], target: 'LA.SNV' },
  { sources: ['LA.SGTVT'], target: 'LA.SXD' },
  { sources: ['LA.STTTT'], target: 'LA.SKHCN' },
  { sources: ['LA.SNGV'], target: 'LA.VP' },
  { sources: ['LA.SNNPTNT', 'LA.STNMT'], target: { code: 'LA.SNNMT', name: 'Sở Nông nghiệp và Môi trường', type: 'department', parent: 'LA' } },
];

export const TAY_NINH: DemoUnit = { code: 'TN', name: 'Tỉnh Tây Ninh', type: 'province', parent: null };

/** 1/7/2025: each provincial agency of Long An (and of the old Tây Ninh) goes into its new Tây Ninh twin. */
export function reformAgencyMergers(liveLongAnCodes: string[]): { sources: string[]; target: DemoUnit }[] {
  const twins: Record<string, string> = { 'LA.SNV': 'TNC.SNV', 'LA.STP': 'TNC.STP', 'LA.CA': 'TNC.CA' };
  const all = [...LONG_AN_DEPARTMENTS, ...LONG_AN_OTHER, { code: 'LA.SNNMT', name: 'Sở Nông nghiệp và Môi trường', type: 'department' as const, parent: 'LA' }];
  return liveLongAnCodes
    .filter((c) => c !== 'LA.TTHCC') // moves with Văn phòng UBND tỉnh
    .map((code) => {
      const u = all.find((x) => x.code === code)!;
      const name = code === 'LA.CA' ? 'Công an tỉnh Tây Ninh' : code === 'LA.DPTTH' ? 'Đài Phát thanh và Truyền hình Tây Ninh' : u.name;
      return {
        sources: twins[code] ? [code, twins[code]] : [code],
        target: { code: code.replace(/^LA\./, 'TN.'), name, type: u.type, parent: 'TN' },
      };
    });
}

/** 1/7/2025: new communes (illustrative make-up). */
export const COMMUNE_MERGERS: { sources: string[]; target: DemoUnit }[] = [
  { sources: ['LA.TANAN.P1', 'LA.TANAN.P2', 'LA.TANAN.P3'], target: { code: 'TN.PLONGAN', name: 'Phường Long An', type: 'commune', parent: 'TN' } },
  { sources: ['LA.TANAN.KH', 'LA.TANAN.HTP'], target: { code: 'TN.PKHANHHAU', name: 'Phường Khánh Hậu', type: 'commune', parent: 'TN' } },
  { sources: ['LA.KIENTUONG.P1', 'LA.KIENTUONG.TT'], target: { code: 'TN.PKIENTUONG', name: 'Phường Kiến Tường', type: 'commune', parent: 'TN' } },
  { sources: ['LA.BENLUC.TT', 'LA.BENLUC.TD'], target: { code: 'TN.XBENLUC', name: 'Xã Bến Lức', type: 'commune', parent: 'TN' } },
  { sources: ['LA.CANGIUOC.TT', 'LA.CANGIUOC.PL'], target: { code: 'TN.XCANGIUOC', name: 'Xã Cần Giuộc', type: 'commune', parent: 'TN' } },
];

export const DEMO_USERS = [
  { username: 'snv.thamdinh', fullName: 'Nguyễn Thị Thẩm Định', role: 'appraiser', unit: 'TN.SNV' },
  { username: 'snv.canbo', fullName: 'Đặng Văn Chuyên Viên', role: 'unit_officer', unit: 'TN.SNV' },
  { username: 'snv.lanhdao', fullName: 'Hồ Thị Giám Đốc', role: 'unit_head', unit: 'TN.SNV' },
  { username: 'khcn.canbo', fullName: 'Bùi Văn Kỹ Thuật', role: 'unit_officer', unit: 'TN.SKHCN' },
  { username: 'khcn.lanhdao', fullName: 'Ngô Thị Công Nghệ', role: 'unit_head', unit: 'TN.SKHCN' },
  { username: 'stp.canbo', fullName: 'Trần Văn Cán Bộ', role: 'unit_officer', unit: 'TN.STP' },
  { username: 'stp.lanhdao', fullName: 'Lê Thị Lãnh Đạo', role: 'unit_head', unit: 'TN.STP' },
  { username: 'ubnd.lanhdao', fullName: 'Phạm Văn Chủ Tịch', role: 'leader', unit: 'TN' },
  { username: 'hdnd.giamsat', fullName: 'Võ Thị Giám Sát', role: 'supervisor', unit: 'TN' },
] as const;
