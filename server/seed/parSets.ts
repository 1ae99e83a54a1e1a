/**
 * Two sample criteria sets for 2026, built on the published structures (REFERENCE.md §5: a department
 * 80 + 20 survey, a commune 70 + 30; areas after Decision 2948/QĐ-BNV) but with illustrative criteria and
 * points: labelled as samples, not an issued set.
 */
import type { SetInput } from '../modules/par/criteriaSets.js';
import type { CriteriaNode } from '../../domain/par/criteriaSet.js';
import type { ScoringRule } from '../../domain/par/scoring.js';

const SAMPLE = 'Mẫu minh họa — không phải bộ tiêu chí đã ban hành';
const YES: ScoringRule = { kind: 'yes_no' };
const MANUAL: ScoringRule = { kind: 'manual' };
const deduct = (perItem: number): ScoringRule => ({ kind: 'deduction', perItem });
const tiers = (full: number, half: number): ScoringRule => ({ kind: 'tiers', tiers: [{ atLeast: full, share: 1 }, { atLeast: half, share: 0.5 }] });

const area = (code: string, name: string, items: [string, number, ScoringRule, boolean?, string?][]): CriteriaNode => ({
  code,
  name,
  max: Math.round(items.reduce((a, i) => a + i[1], 0) * 100) / 100,
  children: items.map(([n, max, rule, evidenceRequired, guidance], k) => ({ code: `${code}.${k + 1}`, name: n, max, rule, evidenceRequired, guidance })),
});

export const DEPARTMENT_SET_2026: SetInput = {
  year: 2026,
  unitType: 'department',
  name: 'Bộ tiêu chí Chỉ số CCHC các sở, ban, ngành (mẫu)',
  surveyShare: 20,
  source: SAMPLE,
  areas: [
    area('1', 'Công tác chỉ đạo, điều hành CCHC', [
      ['Ban hành kế hoạch CCHC năm đúng thời hạn', 2, YES, true, 'Quyết định ban hành kế hoạch.'],
      ['Mức độ hoàn thành kế hoạch CCHC (nhiệm vụ hoàn thành)', 4, { kind: 'computed', source: 'plan_tasks_on_time', tiers: [{ atLeast: 100, share: 1 }, { atLeast: 80, share: 0.5 }] }, false, 'Hệ thống tính từ tiến độ kế hoạch CCHC.'],
      ['Báo cáo CCHC định kỳ đúng hạn (trừ 0,5 điểm mỗi báo cáo chậm)', 2, deduct(0.5)],
      ['Tuyên truyền CCHC', 2, MANUAL, true],
    ]),
    area('2', 'Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật', [
      ['Rà soát, hệ thống hóa văn bản', 4, MANUAL, true],
      ['Kiểm tra, xử lý văn bản sau kiểm tra', 4, MANUAL],
    ]),
    area('3', 'Cải cách thủ tục hành chính', [
      ['Công khai TTHC đầy đủ, đúng quy định', 3, YES, true],
      ['Tỷ lệ hồ sơ giải quyết trước và đúng hạn (≥ 98 %: đủ điểm; ≥ 90 %: một nửa)', 8, { kind: 'computed', source: 'dossiers_on_time', tiers: [{ atLeast: 98, share: 1 }, { atLeast: 90, share: 0.5 }] }],
      ['Tỷ lệ hồ sơ nộp trực tuyến (theo tỷ lệ)', 5, { kind: 'computed', source: 'dossiers_online' }],
      ['Xử lý phản ánh, kiến nghị (trừ 1 điểm mỗi vụ quá hạn)', 4, deduct(1)],
    ]),
    area('4', 'Cải cách tổ chức bộ máy hành chính nhà nước', [
      ['Sắp xếp tổ chức bộ máy theo quy định', 5, MANUAL, true],
      ['Thực hiện phân cấp, ủy quyền', 4, MANUAL],
    ]),
    area('5', 'Cải cách chế độ công vụ', [
      ['Vị trí việc làm được phê duyệt và thực hiện', 4, YES, true],
      ['Kỷ luật, kỷ cương hành chính (trừ 1 điểm mỗi vi phạm)', 4, deduct(1)],
      ['Hoàn thành kế hoạch đào tạo, bồi dưỡng (≥ 100 %: đủ; ≥ 80 %: một nửa)', 4, tiers(100, 80)],
    ]),
    area('6', 'Cải cách tài chính công', [
      ['Quy chế chi tiêu nội bộ', 3, YES, true],
      ['Thực hiện kiến nghị thanh tra, kiểm toán', 3, MANUAL],
    ]),
    area('7', 'Xây dựng và phát triển chính phủ điện tử, chính phủ số', [
      ['Tỷ lệ văn bản điện tử (≥ 90 %: đủ; ≥ 70 %: một nửa)', 5, tiers(90, 70)],
      ['Sử dụng chữ ký số', 4, YES],
      ['Áp dụng hệ thống quản lý chất lượng', 6, YES, true],
    ]),
  ],
};

export const COMMUNE_SET_2026: SetInput = {
  year: 2026,
  unitType: 'commune',
  name: 'Bộ tiêu chí Chỉ số CCHC cấp xã (mẫu)',
  surveyShare: 30,
  source: SAMPLE,
  areas: [
    area('1', 'Công tác chỉ đạo, điều hành CCHC', [
      ['Ban hành kế hoạch CCHC năm', 2, YES, true],
      ['Mức độ hoàn thành kế hoạch CCHC', 4, { kind: 'computed', source: 'plan_tasks_on_time', tiers: [{ atLeast: 100, share: 1 }, { atLeast: 80, share: 0.5 }] }],
      ['Báo cáo đúng hạn (trừ 0,5 điểm mỗi báo cáo chậm)', 2, deduct(0.5)],
    ]),
    area('2', 'Cải cách thủ tục hành chính', [
      ['Công khai TTHC tại Bộ phận Một cửa', 5, YES, true],
      ['Tỷ lệ hồ sơ giải quyết trước và đúng hạn', 12, { kind: 'computed', source: 'dossiers_on_time', tiers: [{ atLeast: 98, share: 1 }, { atLeast: 90, share: 0.5 }] }],
      ['Tỷ lệ hồ sơ nộp trực tuyến', 8, { kind: 'computed', source: 'dossiers_online' }],
      ['Xử lý phản ánh, kiến nghị (trừ 1 điểm mỗi vụ quá hạn)', 5, deduct(1)],
    ]),
    area('3', 'Tổ chức bộ máy và chế độ công vụ', [
      ['Bố trí công chức theo vị trí việc làm', 8, MANUAL, true],
      ['Kỷ luật, kỷ cương (trừ 1 điểm mỗi vi phạm)', 8, deduct(1)],
    ]),
    area('4', 'Tài chính công', [['Công khai ngân sách xã', 6, YES, true]]),
    area('5', 'Chính quyền số', [
      ['Tỷ lệ văn bản điện tử (≥ 90 %: đủ; ≥ 70 %: một nửa)', 5, tiers(90, 70)],
      ['Số hóa hồ sơ, kết quả giải quyết TTHC (≥ 80 %: đủ; ≥ 50 %: một nửa)', 5, tiers(80, 50)],
    ]),
  ],
};
