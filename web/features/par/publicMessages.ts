/** Words of the published PAR ranking (public, no login); the staff app loads them too. */
export const vi = {
  nothingPublished: 'Chưa có kết quả nào được công bố.',
  publishedOn: 'Công bố ngày',
  backToLogin: 'Đăng nhập',
};

export const en: Partial<Record<keyof typeof vi, string>> = {
  nothingPublished: 'No results have been published yet.',
  publishedOn: 'Published on',
  backToLogin: 'Log in',
};
