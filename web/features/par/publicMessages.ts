/** Words of the published PAR ranking (public, no login); the staff app loads them too. */
export const vi = {
  nothingPublished: 'Chưa có kết quả nào được công bố.',
  publishedOn: 'Công bố ngày',
  backToLogin: 'Đăng nhập',
  rank: 'Hạng',
  parIndexShort: 'Chỉ số',
  group: 'Nhóm',
  groupsAre: 'Phân nhóm',
  fromAtLeast: 'từ',
  below: 'dưới',
  toBelow: 'đến dưới',
  unit: 'Đơn vị',
};

export const en: Partial<Record<keyof typeof vi, string>> = {
  nothingPublished: 'No results have been published yet.',
  publishedOn: 'Published on',
  backToLogin: 'Log in',
  rank: 'Rank',
  parIndexShort: 'Index',
  group: 'Group',
  groupsAre: 'Groups',
  fromAtLeast: 'from',
  below: 'below',
  toBelow: 'to below',
  unit: 'Unit',
};
