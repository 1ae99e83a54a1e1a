/** The words of the users screens. Vietnamese first; English where it differs. */
export const vi = {
  noUsers: 'Không có người dùng nào khớp với tìm kiếm.',
  fullName: 'Họ và tên',
  email: 'Thư điện tử',
  active: 'Hoạt động',
  locked: 'Tạm khoá',
  inactive: 'Ngừng sử dụng',
  addUser: 'Thêm người dùng',
  editUser: 'Sửa người dùng',
  resetPassword: 'Đặt lại mật khẩu',
  unlock: 'Mở khoá',
  actions: 'Thao tác',
};

export const en: Partial<Record<keyof typeof vi, string>> = {
  noUsers: 'No user matches the search.',
  fullName: 'Full name',
  email: 'Email',
  active: 'Active',
  locked: 'Locked',
  inactive: 'Inactive',
  addUser: 'Add user',
  editUser: 'Edit user',
  resetPassword: 'Reset password',
  unlock: 'Unlock',
  actions: 'Actions',
};
