/**
 * The CCHC report's outline as data (REFERENCE.md §12: the Ministry of Home Affairs sets it and changes it, so
 * a template is versioned data, not code). Each section names the blocks of figures the system fills in and
 * leaves room for the unit's own text; appendices are tables. The default follows the Ministry's order:
 * I. direction; II. results by area; III. assessment; IV. tasks for the next period; V. proposals.
 */
export interface TemplateSection {
  key: string;
  title: string;
  level: 1 | 2;
  /** report blocks whose figures and sentences the section shows (server/modules/reports/blocks.ts) */
  blocks: string[];
  /** what the unit is asked to write */
  hint?: string;
}

export interface ReportTemplate {
  name: string;
  version: number;
  sections: TemplateSection[];
  /** blocks whose tables are the report's appendices, in order */
  appendices: string[];
  source?: string;
}

export const DEFAULT_TEMPLATE: ReportTemplate = {
  name: 'Báo cáo kết quả thực hiện công tác cải cách hành chính',
  version: 1,
  source: 'Theo thứ tự đề cương báo cáo CCHC của Bộ Nội vụ (Thông tư 07/2021/TT-BNV; danh mục trường chưa đối chiếu, giữ dạng dữ liệu để cập nhật)',
  sections: [
    { key: 'direction', title: 'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH', level: 1, blocks: ['planTasks'], hint: 'Việc ban hành kế hoạch, kiểm tra, tuyên truyền, khen thưởng, xử lý trách nhiệm…' },
    { key: 'results', title: 'II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH', level: 1, blocks: [] },
    { key: 'institutions', title: '1. Cải cách thể chế', level: 2, blocks: ['legalDocuments'], hint: 'Xây dựng, ban hành, rà soát, kiểm tra văn bản quy phạm pháp luật; theo dõi thi hành pháp luật.' },
    { key: 'procedures', title: '2. Cải cách thủ tục hành chính', level: 2, blocks: ['dossiers', 'index766', 'feedback'], hint: 'Kiểm soát, công bố, rà soát, đơn giản hoá thủ tục; thực hiện cơ chế một cửa, một cửa liên thông; tiếp nhận, xử lý phản ánh, kiến nghị.' },
    { key: 'apparatus', title: '3. Cải cách tổ chức bộ máy hành chính nhà nước', level: 2, blocks: [], hint: 'Sắp xếp tổ chức bộ máy, đơn vị sự nghiệp; phân cấp, ủy quyền.' },
    { key: 'civilService', title: '4. Cải cách chế độ công vụ', level: 2, blocks: ['staffing'], hint: 'Vị trí việc làm, tuyển dụng, đào tạo, bồi dưỡng, đánh giá, kỷ luật, kỷ cương hành chính.' },
    { key: 'finance', title: '5. Cải cách tài chính công', level: 2, blocks: [], hint: 'Tự chủ tài chính của đơn vị sự nghiệp, quản lý tài sản công, thực hành tiết kiệm.' },
    { key: 'digital', title: '6. Xây dựng và phát triển Chính quyền điện tử, Chính quyền số', level: 2, blocks: ['onlineServices'], hint: 'Dịch vụ công trực tuyến, văn bản điện tử, chữ ký số, cơ sở dữ liệu, an toàn thông tin.' },
    { key: 'assessment', title: 'III. ĐÁNH GIÁ CHUNG', level: 1, blocks: ['targets', 'par'], hint: 'Kết quả đạt được; tồn tại, hạn chế và nguyên nhân.' },
    { key: 'next', title: 'IV. NHIỆM VỤ TRỌNG TÂM KỲ TỚI', level: 1, blocks: [] },
    { key: 'proposals', title: 'V. ĐỀ XUẤT, KIẾN NGHỊ', level: 1, blocks: [] },
  ],
  appendices: ['planTasks', 'dossiers', 'targets', 'legalDocuments', 'staffing'],
};

/** A template's problems (empty when it can be used): keys unique and plain, titles present. */
export function templateProblems(t: ReportTemplate, knownBlocks: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  for (const s of t.sections) {
    if (!/^[a-zA-Z][\w-]{0,40}$/.test(s.key)) problems.push(`Mã mục "${s.key}" không hợp lệ.`);
    if (keys.has(s.key)) problems.push(`Mã mục "${s.key}" bị trùng.`);
    keys.add(s.key);
    if (!s.title.trim()) problems.push(`Mục "${s.key}" chưa có tiêu đề.`);
    for (const b of s.blocks) if (!knownBlocks.has(b)) problems.push(`Mục "${s.key}": không có nhóm số liệu "${b}".`);
  }
  for (const b of t.appendices) if (!knownBlocks.has(b)) problems.push(`Phụ lục: không có nhóm số liệu "${b}".`);
  if (t.sections.length === 0) problems.push('Đề cương chưa có mục nào.');
  return problems;
}
