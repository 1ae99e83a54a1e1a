/** Words of the public satisfaction survey of a dossier (no login); the staff app loads them too. */
export const vi = {
  surveyTitle: 'Đánh giá mức độ hài lòng',
  surveyHelp: 'Phiếu không ghi tên, không hỏi thông tin cá nhân. Mỗi hồ sơ được đánh giá một lần.',
  surveySample: 'Phiếu mẫu của hệ thống (không phải phiếu chính thức của Bộ Nội vụ).',
  surveySubmit: 'Gửi đánh giá',
  surveyThanks: 'Cảm ơn Ông/Bà đã đánh giá. Ý kiến đã được ghi nhận.',
  surveyAlready: 'Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ đánh giá một lần.',
  surveyNotOpen: 'Hồ sơ chưa được trả kết quả; phiếu đánh giá mở khi hồ sơ đã trả kết quả.',
  surveyNotFound: 'Không tìm thấy hồ sơ có mã này.',
  surveyMissing: 'Còn câu hỏi chưa trả lời.',
  surveyOptional: '(không bắt buộc)',
  surveyLink: 'Đánh giá mức độ hài lòng về hồ sơ này',
  surveyQrHelp: 'Quét mã để đánh giá trên điện thoại',
  surveyPrint: 'In mã QR',
  surveyBack: 'Tra cứu hồ sơ',
};

export const en: Partial<Record<keyof typeof vi, string>> = {
  surveyTitle: 'Rate your satisfaction',
  surveyHelp: 'Anonymous: no name, nothing personal. Each dossier is rated once.',
  surveySample: 'A sample questionnaire of this system (not the ministry’s official form).',
  surveySubmit: 'Send',
  surveyThanks: 'Thank you. Your answers were recorded.',
  surveyAlready: 'This dossier has already been rated. Each dossier is rated once.',
  surveyNotOpen: 'The result has not been returned yet; the survey opens once it is.',
  surveyNotFound: 'No dossier has this code.',
  surveyMissing: 'Some questions are not answered yet.',
  surveyOptional: '(optional)',
  surveyLink: 'Rate your satisfaction with this dossier',
  surveyQrHelp: 'Scan to rate on a phone',
  surveyPrint: 'Print the QR code',
  surveyBack: 'Look up a dossier',
};
