/** The words of the calendar screens. Vietnamese first; English where it differs. */
export const vi = {
  recordAnnouncement: 'Ghi nhận lịch nghỉ',
  replacesRules: 'Thông báo liệt kê đủ mọi ngày nghỉ trong năm (thay thế quy tắc)',
  announcedDaysOff: 'Ngày nghỉ theo thông báo',
  workingWeekends: 'Ngày cuối tuần làm bù',
  announcedComplete: 'Theo thông báo của Chính phủ',
  announcedAdded: 'Quy tắc + thông báo bổ sung',
  rulesOnly: 'Theo quy tắc Bộ luật Lao động 2019',
};

export const en: Partial<Record<keyof typeof vi, string>> = {
  recordAnnouncement: 'Record announcement',
  replacesRules: 'The announcement lists every day off of the year (replaces the rules)',
  announcedDaysOff: 'Announced days off',
  workingWeekends: 'Weekend days worked',
  announcedComplete: 'As announced by the government',
  announcedAdded: 'Rules + announced additions',
  rulesOnly: 'By the Labour Code 2019 rules',
};
