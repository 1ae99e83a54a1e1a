/**
 * Demo registers of the CCHC report, made through the same use cases as the screens, each event dated on
 * its day in office hours:
 *
 * - Long An's Q3/2023 figures as seed 000 states them (UBND tỉnh Long An's report on CCHC in Q3/2023):
 *   30 legal normative documents signed in the reporting window 15/06/2023–14/09/2023 — 11 resolutions of
 *   the HĐND tỉnh and 19 decisions of the UBND tỉnh; staffing in 2023 of 2.273 civil servants assigned and
 *   2.135 present (138 below), 25.424 public employees approved and 23.631 present (1.793 below), reduction
 *   rates against 2015 of 17,72 % and 20,04 % as reported (on the province's row: the 2015 figures are not
 *   in the report); job-position schemes approved for 34 units (19 departments and agencies, 15 district
 *   People's Committees); 43 civil servants recruited (Kế hoạch số 1848/KH-UBND ngày 16/6/2022).
 *   The documents' numbers, titles and days, the split of the totals among units and the schemes'
 *   decisions are illustrative: titles end in "(mẫu)", notes say so.
 * - Documents before and after the window (2022, 2023 outside it, 2024; districts' before 1/7/2025, one of
 *   the old Tây Ninh; the new Tây Ninh's in 2025–2026 after the reform), some ending earlier ones.
 * - Tây Ninh's staffing, schemes and recruitment in 2026 after the reform: illustrative, labelled.
 *
 * Nothing dated after `now` is made.
 */
import type { Db } from '../db/client.js';
import { legalDocumentPartEndings, legalDocuments } from '../db/schema.js';
import { eq } from 'drizzle-orm';
import type { StaffCounts, StaffKind } from '../../domain/staffing/figures.js';
import { createLegalDocument, type LegalDocumentInput, updateLegalDocument } from '../modules/legalDocs/documents.js';
import { saveFigure } from '../modules/staffing/figures.js';
import { writeRecruitment, writeScheme } from '../modules/staffing/importStaffing.js';
import { DEMO_ACTOR } from './demo.js';

const SAMPLE_NOTE = 'Dữ liệu mẫu: số, ký hiệu, ngày và trích yếu là minh họa, không phải văn bản thật.';
const SEED_000 = 'Báo cáo kết quả CCHC quý III năm 2023 của UBND tỉnh Long An';

/** An instant on a Vietnamese day (HH:MM, UTC+7). */
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+07:00`);
/** Office hours, spread over a day: 08:00, 08:40, … 10:40, then 14:00 … 16:20. */
const officeTime = (i: number) => ['08:00', '08:40', '09:20', '10:00', '10:40', '14:00', '14:40', '15:20', '16:00', '16:20'][i % 10];

interface DemoDoc {
  symbol: string;
  issuer: string;
  title: string;
  field: string;
  signedOn: string;
  effectiveOn: string;
  lead?: string;
  /** a fixed term: the first day it is no longer in force */
  expiredOn?: string;
  /** earlier documents this one ends: wholly from a day, or a part of them */
  ends?: { symbol: string; issuer: string; scope: 'whole' | 'part'; from: string }[];
}

const HDND_LA = 'HĐND tỉnh Long An';
const UBND_LA = 'UBND tỉnh Long An';
const HDND_TN = 'HĐND tỉnh Tây Ninh';
const UBND_TN = 'UBND tỉnh Tây Ninh';

/** The 11 resolutions of Q3/2023 (signed at the HĐND's sessions of July and late August). */
const Q3_RESOLUTIONS: [string, string, string, string, string][] = [
  ['10/2023/NQ-HĐND', '2023-07-12', 'Quy định mức chi hỗ trợ công tác phổ biến, giáo dục pháp luật và hòa giải ở cơ sở trên địa bàn tỉnh (mẫu)', 'Tư pháp', 'Sở Tư pháp'],
  ['11/2023/NQ-HĐND', '2023-07-12', 'Quy định nội dung, mức chi thực hiện các cuộc điều tra thống kê do ngân sách địa phương bảo đảm (mẫu)', 'Tài chính', 'Sở Tài chính'],
  ['12/2023/NQ-HĐND', '2023-07-12', 'Quy định mức thu, chế độ thu, nộp, quản lý và sử dụng phí thẩm định báo cáo đánh giá tác động môi trường (mẫu)', 'Phí, lệ phí', 'Sở Tài nguyên và Môi trường'],
  ['13/2023/NQ-HĐND', '2023-07-12', 'Quy định chính sách hỗ trợ phát triển hợp tác xã nông nghiệp trên địa bàn tỉnh giai đoạn 2023–2025 (mẫu)', 'Nông nghiệp', 'Sở Nông nghiệp và Phát triển nông thôn'],
  ['14/2023/NQ-HĐND', '2023-07-12', 'Quy định mức hỗ trợ đối với nhân viên thú y cấp xã (mẫu)', 'Nông nghiệp', 'Sở Nông nghiệp và Phát triển nông thôn'],
  ['15/2023/NQ-HĐND', '2023-07-14', 'Quy định mức chi đón tiếp, thăm hỏi, chúc mừng đối với một số đối tượng trên địa bàn tỉnh (mẫu)', 'Tài chính', 'Sở Tài chính'],
  ['16/2023/NQ-HĐND', '2023-07-14', 'Quy định chế độ dinh dưỡng đối với vận động viên, huấn luyện viên thể thao của tỉnh (mẫu)', 'Thể dục, thể thao', 'Sở Văn hóa, Thể thao và Du lịch'],
  ['17/2023/NQ-HĐND', '2023-07-14', 'Quy định mức học phí đối với cơ sở giáo dục công lập năm học 2023–2024 (mẫu)', 'Giáo dục và đào tạo', 'Sở Giáo dục và Đào tạo'],
  ['18/2023/NQ-HĐND', '2023-08-25', 'Quy định giá dịch vụ khám bệnh, chữa bệnh không thuộc phạm vi thanh toán của Quỹ bảo hiểm y tế (mẫu)', 'Y tế', 'Sở Y tế'],
  ['19/2023/NQ-HĐND', '2023-08-25', 'Quy định phân cấp thẩm quyền quyết định trong quản lý, sử dụng tài sản công (mẫu)', 'Tài sản công', 'Sở Tài chính'],
  ['20/2023/NQ-HĐND', '2023-08-25', 'Quy định một số mức chi bảo đảm hoạt động của Hội đồng nhân dân các cấp (mẫu)', 'Tài chính', 'Sở Tài chính'],
];

/** The 19 decisions of Q3/2023. */
const Q3_DECISIONS: [string, string, string, string, string][] = [
  ['15/2023/QĐ-UBND', '2023-06-16', 'Ban hành Quy chế làm việc của Ủy ban nhân dân tỉnh nhiệm kỳ 2021–2026 (mẫu)', 'Tổ chức bộ máy', 'Văn phòng UBND tỉnh'],
  ['16/2023/QĐ-UBND', '2023-06-22', 'Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Tư pháp (mẫu)', 'Tổ chức bộ máy', 'Sở Nội vụ'],
  ['17/2023/QĐ-UBND', '2023-06-29', 'Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Y tế (mẫu)', 'Tổ chức bộ máy', 'Sở Nội vụ'],
  ['18/2023/QĐ-UBND', '2023-07-05', 'Ban hành Quy chế phối hợp trong công tác theo dõi tình hình thi hành pháp luật trên địa bàn tỉnh (mẫu)', 'Tư pháp', 'Sở Tư pháp'],
  ['19/2023/QĐ-UBND', '2023-07-10', 'Quy định quản lý, vận hành Trung tâm điều hành thông minh của tỉnh (mẫu)', 'Thông tin và truyền thông', 'Sở Thông tin và Truyền thông'],
  ['20/2023/QĐ-UBND', '2023-07-10', 'Ban hành Quy chế khai thác, sử dụng Kho cơ sở dữ liệu dùng chung của tỉnh (mẫu)', 'Thông tin và truyền thông', 'Sở Thông tin và Truyền thông'],
  ['21/2023/QĐ-UBND', '2023-07-18', 'Sửa đổi, bổ sung Bảng giá các loại đất giai đoạn 2020–2024 trên địa bàn tỉnh (mẫu)', 'Đất đai', 'Sở Tài nguyên và Môi trường'],
  ['22/2023/QĐ-UBND', '2023-07-21', 'Quy định hạn mức giao đất ở, công nhận đất ở trên địa bàn tỉnh (mẫu)', 'Đất đai', 'Sở Tài nguyên và Môi trường'],
  ['23/2023/QĐ-UBND', '2023-07-27', 'Quy định về cấp giấy phép xây dựng trên địa bàn tỉnh (mẫu)', 'Xây dựng', 'Sở Xây dựng'],
  ['24/2023/QĐ-UBND', '2023-08-02', 'Quy định quản lý hoạt động vận tải bằng xe ô tô trên địa bàn tỉnh (mẫu)', 'Giao thông vận tải', 'Sở Giao thông vận tải'],
  ['25/2023/QĐ-UBND', '2023-08-04', 'Quy định phân cấp quản lý đường đô thị, đường huyện, đường xã (mẫu)', 'Giao thông vận tải', 'Sở Giao thông vận tải'],
  ['26/2023/QĐ-UBND', '2023-08-09', 'Quy định đơn giá bồi thường cây trồng, vật nuôi khi Nhà nước thu hồi đất (mẫu)', 'Đất đai', 'Sở Tài chính'],
  ['27/2023/QĐ-UBND', '2023-08-15', 'Ban hành Quy chế quản lý cụm công nghiệp trên địa bàn tỉnh (mẫu)', 'Công thương', 'Sở Công Thương'],
  ['28/2023/QĐ-UBND', '2023-08-18', 'Quy định mức hỗ trợ cho các hoạt động khuyến công địa phương (mẫu)', 'Công thương', 'Sở Công Thương'],
  ['29/2023/QĐ-UBND', '2023-08-24', 'Quy định về công tác thi đua, khen thưởng trên địa bàn tỉnh (mẫu)', 'Thi đua, khen thưởng', 'Sở Nội vụ'],
  ['30/2023/QĐ-UBND', '2023-08-30', 'Quy định tiêu chuẩn, điều kiện bổ nhiệm trưởng, phó các phòng thuộc sở và UBND cấp huyện (mẫu)', 'Cán bộ, công chức, viên chức', 'Sở Nội vụ'],
  ['31/2023/QĐ-UBND', '2023-09-06', 'Quy định thời gian tiếp nhận, trả kết quả hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh (mẫu)', 'Kiểm soát thủ tục hành chính', 'Văn phòng UBND tỉnh'],
  ['32/2023/QĐ-UBND', '2023-09-12', 'Quy định quản lý hoạt động du lịch cộng đồng trên địa bàn tỉnh (mẫu)', 'Du lịch', 'Sở Văn hóa, Thể thao và Du lịch'],
  ['33/2023/QĐ-UBND', '2023-09-14', 'Quy định quản lý nhiệm vụ khoa học và công nghệ cấp tỉnh (mẫu)', 'Khoa học và công nghệ', 'Sở Khoa học và Công nghệ'],
];

/** Effective 10 days after signing (a common choice; the law sets at least 10 days for provincial documents). */
const tenDaysLater = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10);

const q3 = (issuer: string) => ([symbol, signedOn, title, field, lead]: [string, string, string, string, string]): DemoDoc => ({ symbol, issuer, signedOn, effectiveOn: tenDaysLater(signedOn), title, field, lead });

/** Every demo document, in signing order. */
export const DEMO_DOCUMENTS: DemoDoc[] = [
  { symbol: '08/2022/QĐ-UBND', issuer: UBND_LA, signedOn: '2022-03-10', effectiveOn: '2022-03-21', title: 'Ban hành Quy chế làm việc của Ủy ban nhân dân tỉnh (mẫu)', field: 'Tổ chức bộ máy', lead: 'Văn phòng UBND tỉnh' },
  { symbol: '03/2022/QĐ-UBND', issuer: 'UBND huyện Bến Lức', signedOn: '2022-05-12', effectiveOn: '2022-05-23', title: 'Quy định quản lý chợ trên địa bàn huyện (mẫu)', field: 'Công thương' },
  { symbol: '12/2022/NQ-HĐND', issuer: HDND_LA, signedOn: '2022-07-15', effectiveOn: '2022-07-25', expiredOn: '2023-09-01', title: 'Quy định mức học phí đối với cơ sở giáo dục công lập năm học 2022–2023 (mẫu)', field: 'Giáo dục và đào tạo', lead: 'Sở Giáo dục và Đào tạo' },
  { symbol: '25/2022/QĐ-UBND', issuer: UBND_LA, signedOn: '2022-10-20', effectiveOn: '2022-11-01', title: 'Điều chỉnh Bảng giá các loại đất giai đoạn 2020–2024 trên địa bàn tỉnh (mẫu)', field: 'Đất đai', lead: 'Sở Tài nguyên và Môi trường' },
  { symbol: '05/2023/NQ-HĐND', issuer: HDND_LA, signedOn: '2023-04-14', effectiveOn: '2023-04-24', title: 'Quy định mức chi cho công tác kiểm tra, xử lý, rà soát, hệ thống hóa văn bản quy phạm pháp luật (mẫu)', field: 'Tư pháp', lead: 'Sở Tư pháp' },
  { symbol: '10/2023/QĐ-UBND', issuer: UBND_LA, signedOn: '2023-05-19', effectiveOn: '2023-06-01', title: 'Quy định quản lý nhà nước về giá trên địa bàn tỉnh (mẫu)', field: 'Giá', lead: 'Sở Tài chính' },
  ...Q3_RESOLUTIONS.map(q3(HDND_LA)).map((d) =>
    d.symbol === '17/2023/NQ-HĐND' ? { ...d, expiredOn: '2024-09-01', ends: [{ symbol: '12/2022/NQ-HĐND', issuer: HDND_LA, scope: 'whole' as const, from: '2023-09-01' }] } : d,
  ),
  ...Q3_DECISIONS.map(q3(UBND_LA)).map((d) => {
    if (d.symbol === '15/2023/QĐ-UBND') return { ...d, ends: [{ symbol: '08/2022/QĐ-UBND', issuer: UBND_LA, scope: 'whole' as const, from: d.effectiveOn }] };
    if (d.symbol === '21/2023/QĐ-UBND') return { ...d, ends: [{ symbol: '25/2022/QĐ-UBND', issuer: UBND_LA, scope: 'part' as const, from: d.effectiveOn }] };
    return d;
  }),
  { symbol: '40/2023/QĐ-UBND', issuer: UBND_LA, signedOn: '2023-10-12', effectiveOn: '2023-10-23', title: 'Quy định về quản lý, sử dụng chữ ký số trong cơ quan nhà nước tỉnh (mẫu)', field: 'Thông tin và truyền thông', lead: 'Sở Thông tin và Truyền thông' },
  { symbol: '25/2023/NQ-HĐND', issuer: HDND_LA, signedOn: '2023-12-08', effectiveOn: '2024-01-01', title: 'Quy định phân cấp nguồn thu, nhiệm vụ chi giữa các cấp ngân sách địa phương năm 2024 (mẫu)', field: 'Ngân sách nhà nước', lead: 'Sở Tài chính' },
  { symbol: '05/2024/QĐ-UBND', issuer: UBND_LA, signedOn: '2024-03-15', effectiveOn: '2024-04-01', title: 'Sửa đổi, bổ sung một số điều của Quy định về cấp giấy phép xây dựng trên địa bàn tỉnh (mẫu)', field: 'Xây dựng', lead: 'Sở Xây dựng', ends: [{ symbol: '23/2023/QĐ-UBND', issuer: UBND_LA, scope: 'part', from: '2024-04-01' }] },
  { symbol: '02/2024/QĐ-UBND', issuer: 'UBND thành phố Tân An', signedOn: '2024-05-10', effectiveOn: '2024-05-20', title: 'Quy định quản lý, sử dụng tạm thời một phần vỉa hè trên địa bàn thành phố (mẫu)', field: 'Xây dựng' },
  { symbol: '12/2024/NQ-HĐND', issuer: HDND_LA, signedOn: '2024-07-12', effectiveOn: '2024-09-01', title: 'Quy định mức học phí đối với cơ sở giáo dục công lập năm học 2024–2025 (mẫu)', field: 'Giáo dục và đào tạo', lead: 'Sở Giáo dục và Đào tạo', ends: [{ symbol: '17/2023/NQ-HĐND', issuer: HDND_LA, scope: 'whole', from: '2024-09-01' }] },
  { symbol: '10/2024/NQ-HĐND', issuer: HDND_TN, signedOn: '2024-08-16', effectiveOn: '2024-08-26', title: 'Quy định một số mức chi bảo đảm hoạt động của Hội đồng nhân dân các cấp tỉnh Tây Ninh (trước sắp xếp) (mẫu)', field: 'Tài chính' },
  { symbol: '15/2025/NQ-HĐND', issuer: HDND_TN, signedOn: '2025-08-20', effectiveOn: '2025-09-01', title: 'Quy định một số mức chi bảo đảm hoạt động của Hội đồng nhân dân tỉnh và xã, phường sau sắp xếp (mẫu)', field: 'Tài chính', lead: 'Sở Tài chính', ends: [{ symbol: '20/2023/NQ-HĐND', issuer: HDND_LA, scope: 'whole', from: '2025-09-01' }, { symbol: '10/2024/NQ-HĐND', issuer: HDND_TN, scope: 'whole', from: '2025-09-01' }] },
  { symbol: '30/2025/QĐ-UBND', issuer: UBND_TN, signedOn: '2025-09-12', effectiveOn: '2025-09-22', title: 'Ban hành Quy chế làm việc của Ủy ban nhân dân tỉnh Tây Ninh nhiệm kỳ 2021–2026 (mẫu)', field: 'Tổ chức bộ máy', lead: 'Văn phòng UBND tỉnh', ends: [{ symbol: '15/2023/QĐ-UBND', issuer: UBND_LA, scope: 'whole', from: '2025-09-22' }] },
  { symbol: '45/2025/QĐ-UBND', issuer: UBND_TN, signedOn: '2025-11-14', effectiveOn: '2025-12-01', title: 'Bãi bỏ một số quyết định quy phạm pháp luật của UBND tỉnh Long An (trước sắp xếp) (mẫu)', field: 'Tư pháp', lead: 'Sở Tư pháp', ends: [{ symbol: '24/2023/QĐ-UBND', issuer: UBND_LA, scope: 'whole', from: '2025-12-01' }, { symbol: '31/2023/QĐ-UBND', issuer: UBND_LA, scope: 'whole', from: '2025-12-01' }] },
  { symbol: '05/2026/QĐ-UBND', issuer: UBND_TN, signedOn: '2026-02-10', effectiveOn: '2026-02-20', title: 'Quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Sở Nội vụ tỉnh Tây Ninh (mẫu)', field: 'Tổ chức bộ máy', lead: 'Sở Nội vụ' },
  { symbol: '08/2026/NQ-HĐND', issuer: HDND_TN, signedOn: '2026-04-16', effectiveOn: '2026-05-01', title: 'Quy định chính sách hỗ trợ cán bộ, công chức cấp xã sau sắp xếp đơn vị hành chính (mẫu)', field: 'Cán bộ, công chức, viên chức', lead: 'Sở Nội vụ' },
  { symbol: '20/2026/QĐ-UBND', issuer: UBND_TN, signedOn: '2026-07-09', effectiveOn: '2026-07-20', title: 'Quy định về cấp giấy phép xây dựng trên địa bàn tỉnh Tây Ninh (mẫu)', field: 'Xây dựng', lead: 'Sở Xây dựng', ends: [{ symbol: '23/2023/QĐ-UBND', issuer: UBND_LA, scope: 'whole', from: '2026-07-20' }] },
];

/** Splits `total` among `weights` in whole numbers (largest remainders), so that the parts sum exactly. */
export function distribute(total: number, weights: number[]): number[] {
  const w = weights.reduce((s, x) => s + x, 0);
  const raw = weights.map((x) => (total * x) / w);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((s, x) => s + x, 0);
  const order = raw.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    out[i]++;
  }
  return out;
}

/** Long An's 19 departments and 15 districts with weights for civil servants and public employees (illustrative). */
const LA_UNITS: [code: string, civil: number, publicEmployees: number][] = [
  ['LA.VP', 70, 30],
  ['LA.SNV', 65, 20],
  ['LA.STP', 40, 30],
  ['LA.SKHDT', 55, 15],
  ['LA.STC', 70, 10],
  ['LA.SCT', 60, 40],
  ['LA.SNNPTNT', 160, 400],
  ['LA.SGTVT', 60, 40],
  ['LA.SXD', 50, 40],
  ['LA.STNMT', 75, 150],
  ['LA.STTTT', 35, 50],
  ['LA.SLDTBXH', 60, 200],
  ['LA.SVHTTDL', 50, 250],
  ['LA.SKHCN', 40, 60],
  ['LA.SGDDT', 60, 3500],
  ['LA.SYT', 75, 5000],
  ['LA.SNGV', 20, 5],
  ['LA.TTR', 50, 1],
  ['LA.BQLKKT', 40, 10],
  ['LA.TANAN', 90, 1150],
  ['LA.KIENTUONG', 70, 650],
  ['LA.BENLUC', 85, 1250],
  ['LA.CANDUOC', 80, 1200],
  ['LA.CANGIUOC', 82, 1250],
  ['LA.CHAUTHANH', 72, 950],
  ['LA.DUCHOA', 88, 1600],
  ['LA.DUCHUE', 68, 700],
  ['LA.MOCHOA', 66, 500],
  ['LA.TANHUNG', 68, 700],
  ['LA.TANTHANH', 70, 850],
  ['LA.TANTRU', 66, 700],
  ['LA.THANHHOA', 66, 700],
  ['LA.THUTHUA', 72, 900],
  ['LA.VINHHUNG', 68, 700],
];

/** Tây Ninh's units in 2026 with weights (illustrative). */
const TN_UNITS: [code: string, civil: number, publicEmployees: number][] = [
  ['TN.VP', 110, 60],
  ['TN.SNV', 150, 250],
  ['TN.STP', 60, 60],
  ['TN.STC', 160, 40],
  ['TN.SCT', 90, 60],
  ['TN.SXD', 130, 120],
  ['TN.SNNMT', 330, 900],
  ['TN.SVHTTDL', 80, 500],
  ['TN.SKHCN', 90, 150],
  ['TN.SGDDT', 90, 6500],
  ['TN.SYT', 120, 9000],
  ['TN.TTR', 80, 1],
  ['TN.BQLKKT', 60, 20],
  ['TN.PLONGAN', 45, 900],
  ['TN.PKHANHHAU', 40, 700],
  ['TN.PKIENTUONG', 40, 650],
  ['TN.XBENLUC', 45, 850],
  ['TN.XCANGIUOC', 45, 800],
];

/** Figures summing exactly to the totals: assigned split by weight, the gap split by weight below it. */
function splitFigures(units: [string, number, number][], civil: { assigned: number; present: number }, pub: { assigned: number; present: number }) {
  const ca = distribute(civil.assigned, units.map((u) => u[1]));
  const cg = distribute(civil.assigned - civil.present, units.map((u) => u[1]));
  const pa = distribute(pub.assigned, units.map((u) => u[2]));
  const pg = distribute(pub.assigned - pub.present, units.map((u) => u[2]));
  return units.map(([code], i) => ({ code, civil: { assigned: ca[i], present: ca[i] - Math.min(cg[i], ca[i]) }, pub: { assigned: pa[i], present: pa[i] - Math.min(pg[i], pa[i]) } }));
}

const counts = (assigned: number | null, present: number | null, base2015: number | null = null, reportedRate: number | null = null): StaffCounts => ({ assigned, present, base2015, reportedRate });

/** Weekdays of the Q3/2023 window for the schemes' decisions (the 2/9 holiday, 1–4/9/2023, left out). */
const SCHEME_DAYS = ['2023-06-20', '2023-06-27', '2023-07-04', '2023-07-11', '2023-07-18', '2023-07-25', '2023-08-01', '2023-08-08', '2023-08-15', '2023-08-22', '2023-08-29', '2023-09-05', '2023-09-12'];

export async function loadDemoRegisters(db: Db, ids: Map<string, number>, now: Date): Promise<void> {
  const id = (code: string) => {
    const v = ids.get(code);
    if (v === undefined) throw new Error(`demo unit ${code} missing`);
    return v;
  };
  const due = (instant: Date) => instant.getTime() <= now.getTime();

  // ---- legal documents, in signing order; an ending recorded when the document that ends takes effect
  const idOf = new Map<string, number>();
  const key = (symbol: string, issuer: string) => `${issuer}|${symbol}`;
  let n = 0;
  for (const d of DEMO_DOCUMENTS) {
    const instant = at(d.signedOn, officeTime(n++));
    if (!due(instant)) continue;
    const input: LegalDocumentInput = { symbol: d.symbol, issuer: d.issuer, title: d.title, field: d.field, signedOn: d.signedOn, effectiveOn: d.effectiveOn, expiredOn: d.expiredOn ?? null, lead: d.lead ?? null, note: SAMPLE_NOTE };
    const doc = await createLegalDocument(db, DEMO_ACTOR, input, instant);
    idOf.set(key(d.symbol, d.issuer), doc.id);
    for (const e of d.ends ?? []) {
      const target = idOf.get(key(e.symbol, e.issuer));
      if (target === undefined) continue;
      const [before] = await db.select({ expiredOn: legalDocuments.expiredOn }).from(legalDocuments).where(eq(legalDocuments.id, target));
      const when = new Date(instant.getTime() + 30 * 60_000);
      if (e.scope === 'whole') {
        // a term already recorded that ends earlier stays the expiry; the document named ends it on its day
        await updateLegalDocument(db, DEMO_ACTOR, target, { expiredOn: before.expiredOn && before.expiredOn < e.from ? before.expiredOn : e.from, endedBy: doc.symbol }, when);
      } else {
        const current = await db.select().from(legalDocumentPartEndings).where(eq(legalDocumentPartEndings.documentId, target));
        await updateLegalDocument(db, DEMO_ACTOR, target, { partEndings: [...current.map((x) => ({ from: x.fromDate, by: x.bySymbol ?? x.byLink, note: x.note })), { from: e.from, by: doc.symbol }] }, when);
      }
    }
  }

  // ---- staffing of Long An, 2023: recorded for the Q3 report, inside its window
  const la2023 = at('2023-09-07', '09:00');
  if (due(la2023)) {
    await saveFigure(db, DEMO_ACTOR, { unitId: id('LA'), year: 2023, civilServants: counts(null, null, null, 17.72), publicEmployees: counts(null, null, null, 20.04), reference: `${SEED_000}: Bộ Nội vụ giao 2.273 biên chế công chức, thẩm định 25.424 người làm việc`, note: 'Dòng của tỉnh: tỷ lệ giảm so với năm 2015 theo báo cáo (báo cáo không nêu số liệu năm 2015). Số liệu của tỉnh là tổng các đơn vị; phân bổ theo đơn vị là minh họa (mẫu).' }, la2023);
    const split = splitFigures(LA_UNITS, { assigned: 2273, present: 2135 }, { assigned: 25424, present: 23631 });
    let i = 0;
    for (const u of split) {
      await saveFigure(db, DEMO_ACTOR, { unitId: id(u.code), year: 2023, civilServants: counts(u.civil.assigned, u.civil.present), publicEmployees: counts(u.pub.assigned, u.pub.present), reference: SEED_000, note: 'Phân bổ theo đơn vị là minh họa (mẫu); tổng của tỉnh theo báo cáo.' }, new Date(la2023.getTime() + ++i * 60_000));
    }
  }

  // ---- job-position schemes approved for 34 units in the Q3/2023 window (decisions illustrative)
  let s = 0;
  for (const [code] of LA_UNITS) {
    const day = SCHEME_DAYS[s % SCHEME_DAYS.length];
    const instant = at(day, officeTime(s));
    const number = `${1520 + s * 7}/QĐ-UBND`;
    s++;
    if (!due(instant)) continue;
    await db.transaction((tx) => writeScheme(tx, DEMO_ACTOR, { unitId: id(code), kind: 'civil_servant', decisionNumber: number, decisionDate: day, title: 'Phê duyệt điều chỉnh đề án vị trí việc làm sau sắp xếp tổ chức bộ máy (mẫu)', note: 'Số và ngày quyết định minh họa.' }, instant));
  }

  // ---- recruitment: 43 civil servants under the 2022 recruitment plan, decided in Q3/2023
  const rec = at('2023-08-16', '14:00');
  if (due(rec)) {
    await db.transaction((tx) => writeRecruitment(tx, DEMO_ACTOR, { unitId: id('LA'), year: 2023, kind: 'civil_servant', count: 43, reference: 'Kế hoạch số 1848/KH-UBND ngày 16/6/2022 (tuyển dụng công chức năm 2022)', decidedOn: '2023-08-16', note: 'Ngày quyết định minh họa; số người theo báo cáo CCHC quý III/2023.' }, rec));
  }

  // ---- Tây Ninh, 2026, after the reform (illustrative)
  const tn2026 = at('2026-01-20', '09:00');
  if (due(tn2026)) {
    const label = 'Số liệu minh họa (mẫu) sau sắp xếp, không phải số liệu chính thức.';
    await saveFigure(db, DEMO_ACTOR, { unitId: id('TN'), year: 2026, civilServants: counts(null, null, 5240), publicEmployees: counts(null, null, 53800), reference: 'Số liệu năm 2015 của hai tỉnh trước sắp xếp (minh họa)', note: `${label} Dòng của tỉnh: số liệu năm 2015 cộng của Long An và Tây Ninh (cũ); phân bổ theo đơn vị là minh họa.` }, tn2026);
    const split = splitFigures(TN_UNITS, { assigned: 4180, present: 4012 }, { assigned: 48350, present: 45960 });
    let i = 0;
    for (const u of split) {
      await saveFigure(db, DEMO_ACTOR, { unitId: id(u.code), year: 2026, civilServants: counts(u.civil.assigned, u.civil.present), publicEmployees: counts(u.pub.assigned, u.pub.present), reference: 'Quyết định giao biên chế năm 2026 (minh họa)', note: label }, new Date(tn2026.getTime() + ++i * 60_000));
    }
  }
  const tnSchemes: [string, StaffKind, string, string][] = [
    ['TN.SNV', 'civil_servant', '312/QĐ-UBND', '2026-02-24'],
    ['TN.STP', 'civil_servant', '318/QĐ-UBND', '2026-02-24'],
    ['TN.SYT', 'public_employee', '402/QĐ-UBND', '2026-03-18'],
    ['TN.PLONGAN', 'civil_servant', '455/QĐ-UBND', '2026-03-18'],
    ['TN.XBENLUC', 'civil_servant', '456/QĐ-UBND', '2026-03-18'],
  ];
  for (const [i, [code, kind, number, day]] of tnSchemes.entries()) {
    const instant = at(day, officeTime(i));
    if (!due(instant)) continue;
    await db.transaction((tx) => writeScheme(tx, DEMO_ACTOR, { unitId: id(code), kind, decisionNumber: number, decisionDate: day, title: 'Phê duyệt đề án vị trí việc làm sau sắp xếp (mẫu)', note: 'Dữ liệu minh họa.' }, instant));
  }
  const tnRecruitment: [string, StaffKind, number, string, string][] = [
    ['TN', 'civil_servant', 36, 'Kế hoạch tuyển dụng công chức năm 2026 (minh họa)', '2026-07-09'],
    ['TN.SGDDT', 'public_employee', 210, 'Kế hoạch tuyển dụng viên chức giáo dục năm 2026 (minh họa)', '2026-08-20'],
  ];
  for (const [i, [code, kind, count, reference, day]] of tnRecruitment.entries()) {
    const instant = at(day, officeTime(i + 5));
    if (!due(instant)) continue;
    await db.transaction((tx) => writeRecruitment(tx, DEMO_ACTOR, { unitId: id(code), year: 2026, kind, count, reference, decidedOn: day, note: 'Dữ liệu minh họa.' }, instant));
  }
}
