/** The words of the auth screens. Vietnamese first; English where it differs. */
export const vi = {
  login: 'Đăng nhập',
  loginTitle: 'Đăng nhập hệ thống',
  currentPassword: 'Mật khẩu hiện tại',
  confirmPassword: 'Nhập lại mật khẩu mới',
  passwordsDiffer: 'Hai mật khẩu mới không khớp',
  passwordChanged: 'Đã đổi mật khẩu. Các phiên đăng nhập khác đã được đăng xuất.',
  publicLookup: 'Tra cứu hồ sơ (công dân)',
};

export const en: Partial<Record<keyof typeof vi, string>> = {
  login: 'Log in',
  loginTitle: 'Log in',
  currentPassword: 'Current password',
  confirmPassword: 'Repeat the new password',
  passwordsDiffer: 'The two new passwords differ',
  passwordChanged: 'Password changed. Your other sessions were logged out.',
  publicLookup: 'Dossier lookup (citizens)',
};
