/** The words of the procedures screens. Vietnamese first; English where it differs. */
export const vi = {
  noProcedures: 'Không có thủ tục nào khớp với tìm kiếm.',
  noProceduresHint: 'Thử bỏ bớt từ khoá hoặc bỏ chọn lĩnh vực.',
  noProceduresYet: 'Danh mục thủ tục hành chính chưa có thủ tục nào.',
  importList: 'Nhập danh mục',
  agency: 'Cơ quan thực hiện',
  timeLimit: 'Thời hạn',
  workingDays: 'ngày làm việc',
  workingHours: 'giờ làm việc',
  online: 'Trực tuyến',
  'online.full': 'Toàn trình',
  'online.partial': 'Một phần',
  'online.none': 'Không',
};

export const en: Partial<Record<keyof typeof vi, string>> = {
  noProcedures: 'No procedure matches the search.',
  noProceduresHint: 'Try fewer words or clear the field.',
  noProceduresYet: 'The procedure list is empty.',
  importList: 'Import list',
  agency: 'Agency',
  timeLimit: 'Time limit',
  workingDays: 'working days',
  workingHours: 'working hours',
  online: 'Online',
  'online.full': 'Whole process',
  'online.partial': 'Partly',
  'online.none': 'No',
};
