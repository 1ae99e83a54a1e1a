/** The words of the procedures screens. Vietnamese first; English where it differs. */
export const vi = {
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
