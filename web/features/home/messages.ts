/** The words of the home screens. Vietnamese first; English where it differs. */
export const vi = {
  welcome: 'Xin chào',
  overviewOrg: 'Cơ cấu tổ chức hiện nay',
  overviewHint: 'Hệ thống theo dõi kế hoạch CCHC, hồ sơ một cửa và Chỉ số CCHC của các sở, ngành, địa phương.',
  previousYears: 'Xem cơ cấu năm trước',
};

export const en: Partial<Record<keyof typeof vi, string>> = {
  welcome: 'Hello',
  overviewOrg: 'Organisation today',
  overviewHint: 'Follows the reform plan, one-stop dossiers and the PAR index of departments and localities.',
  previousYears: 'See an earlier structure',
};
