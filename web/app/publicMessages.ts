/** Shared words the public pages (no login) use: the public entry's common dictionary, also part of the staff app's. */
export const vi = {
  appName: 'Theo dõi cải cách hành chính',
  appShort: 'CCHC',
  dateFormatHint: 'dd/mm/yyyy',
  invalidDate: 'Ngày không hợp lệ (dd/mm/yyyy)',
  language: 'Ngôn ngữ',
  loading: 'Đang tải…',
  error: 'Lỗi',
  year: 'Năm',
  'type.province': 'Tỉnh, thành phố',
  'type.department': 'Sở, ban, ngành',
  'type.district': 'Cấp huyện',
  'type.commune': 'Cấp xã',
  'type.public_service': 'Đơn vị sự nghiệp',
  'type.central_agency': 'Cơ quan TW trên địa bàn',
  publicParTitle: 'Công khai Chỉ số CCHC',
};

export const en: Partial<Record<keyof typeof vi, string>> = {
  appName: 'Administrative reform monitoring',
  invalidDate: 'Invalid date (dd/mm/yyyy)',
  language: 'Language',
  loading: 'Loading…',
  error: 'Error',
  year: 'Year',
  'type.province': 'Province',
  'type.department': 'Department / agency',
  'type.district': 'District level',
  'type.commune': 'Commune level',
  'type.public_service': 'Public service unit',
  'type.central_agency': 'Central agency in the province',
  publicParTitle: 'Published PAR index',
};
