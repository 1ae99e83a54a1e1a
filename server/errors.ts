/**
 * One error type for the whole API: a stable code, an HTTP status, a Vietnamese message (the default)
 * and an English one. Everything a user can send ends here as a 4xx, never a 500.
 */
import type { DomainError } from '../domain/errors.js';

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(messageEn);
    this.name = 'AppError';
  }
}

/** Domain rule codes → status and messages. */
const DOMAIN: Record<string, [number, string, string]> = {
  SAME_UNIT: [409, 'Phản ánh đang ở chính đơn vị này.', 'The item is already at this unit.'],
  UNIT_REQUIRED: [400, 'Chọn đơn vị được giao xử lý.', 'Choose a unit.'],
  UNIT_NOT_FOUND: [404, 'Không tìm thấy đơn vị.', 'Unit not found.'],
  UNIT_NOT_ALIVE: [409, 'Đơn vị không còn hoạt động (hoặc chưa thành lập) vào ngày này.', 'The unit is not alive on that date.'],
  LATER_CHANGE_EXISTS: [409, 'Đơn vị đã có thay đổi được ghi nhận sau ngày này; hãy ghi nhận thay đổi theo thứ tự thời gian.', 'The unit has later changes recorded; record changes in date order.'],
  CODE_IN_USE: [409, 'Mã đơn vị đã được dùng cho một đơn vị khác trong khoảng thời gian trùng lặp.', 'The code is used by another unit in an overlapping period.'],
  PARENT_NOT_ALIVE: [409, 'Đơn vị cấp trên không hoạt động trong toàn bộ khoảng thời gian này.', 'The parent unit is not alive for the whole period.'],
  PARENT_CYCLE: [409, 'Không thể đặt một đơn vị dưới chính nó hoặc đơn vị trực thuộc của nó.', 'A unit cannot be placed under itself or its own sub-units.'],
  HAS_LIVE_CHILDREN: [409, 'Đơn vị còn đơn vị trực thuộc đang hoạt động; hãy điều chuyển, hợp nhất hoặc giải thể chúng trước.', 'The unit still has live sub-units; move, merge or close them first.'],
  INVALID_SPAN: [400, 'Ngày kết thúc phải sau ngày bắt đầu.', 'The end date must not be before the start date.'],
  NO_CHANGE: [409, 'Không có gì thay đổi so với hiện tại.', 'Nothing changes.'],
  INVALID_SOURCES: [400, 'Danh sách đơn vị nguồn không hợp lệ (trùng lặp, rỗng hoặc trùng đơn vị đích).', 'Invalid source units (duplicated, empty, or the same as the target).'],
  INVALID_TARGETS: [400, 'Danh sách đơn vị đích không hợp lệ.', 'Invalid target units.'],
  SAME_DAY_CHANGE: [409, 'Đơn vị đã có thay đổi bắt đầu từ đúng ngày này (đổi tên, điều chuyển hoặc thành lập); thay đổi kết thúc nó phải từ ngày sau.', 'The unit already has a change beginning on this date; a change ending it must come later.'],
  INVALID_SCORE: [400, 'Điểm không hợp lệ (cần một số, tối đa hai chữ số thập phân, đúng cách chấm của tiêu chí).', 'The score is not valid for this item.'],
  SCORE_OUT_OF_RANGE: [400, 'Điểm phải từ 0 đến điểm tối đa của tiêu chí.', 'The score must be within 0 and the item maximum.'],
  INVALID_PERCENT: [400, 'Tỷ lệ phải từ 0 đến 100 %.', 'The percentage must be within 0–100.'],
  INVALID_COUNT: [400, 'Số lỗi bị trừ điểm phải là số nguyên từ 0 trở lên.', 'The number of shortcomings must be a whole number ≥ 0.'],
  AWAITING_UNIT: [409, 'Tiêu chí đang được trả lại cho đơn vị giải trình; chờ đơn vị trả lời.', 'The item is with the unit for explanation.'],
  RETURNED_ONCE: [409, 'Mỗi tiêu chí chỉ được trả lại đơn vị giải trình một lần.', 'An item may be returned to the unit once.'],
  NOT_RETURNED: [409, 'Chỉ giải trình được tiêu chí đang được trả lại.', 'Only an item returned for explanation can be answered.'],
  INVALID_SURVEY: [400, 'Điểm tối đa của phiếu điều tra phải lớn hơn 0.', 'The survey maximum must be > 0.'],
  SURVEY_OUT_OF_RANGE: [400, 'Điểm điều tra phải từ 0 đến điểm tối đa.', 'Survey points must be within 0 and their maximum.'],
  SAME_DAY_RENAME: [409, 'Đơn vị đã được đổi tên từ chính ngày này; không đổi tên lần nữa với cùng ngày hiệu lực (hãy chọn ngày hiệu lực khác).', 'The unit was already renamed from this date; it cannot be renamed again with the same date.'],
  SURVEY_INVALID: [400, 'Phiếu trả lời không hợp lệ.', 'The answers are not valid for this questionnaire.'],
  INVALID_CHILDREN: [400, 'Danh sách đơn vị trực thuộc chuyển giao không hợp lệ.', 'Invalid list of sub-units to hand over.'],
};

export function fromDomain(e: DomainError): AppError {
  const [status, vi, en] = DOMAIN[e.code] ?? [409, 'Yêu cầu vi phạm quy tắc nghiệp vụ.', e.message];
  return new AppError(status, e.code, vi, en, { ...e.details, reason: e.message });
}

export const errors = {
  unauthenticated: () => new AppError(401, 'UNAUTHENTICATED', 'Bạn cần đăng nhập.', 'Please log in.'),
  forbidden: () => new AppError(403, 'FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này.', 'You are not allowed to do this.'),
  notFound: (what = 'record') =>
    new AppError(404, 'NOT_FOUND', 'Không tìm thấy dữ liệu yêu cầu.', `The ${what} was not found.`),
  conflict: (code: string, vi: string, en: string, details: Record<string, unknown> = {}) =>
    new AppError(409, code, vi, en, details),
  badRequest: (code: string, vi: string, en: string, details: Record<string, unknown> = {}) =>
    new AppError(400, code, vi, en, details),
  /** over a size limit the message names (file bytes, unzipped size, parts) */
  tooLarge: (code: string, vi: string, en: string, details: Record<string, unknown> = {}) =>
    new AppError(413, code, vi, en, details),
  /** a field holding a NUL or a lone UTF-16 surrogate, which the database cannot keep */
  invalidText: (field: string, char: string) =>
    new AppError(
      400,
      'INVALID_TEXT',
      `Trường "${field}" có ký tự không hợp lệ (${char}); hãy xoá ký tự này rồi gửi lại.`,
      `The field "${field}" holds an invalid character (${char}).`,
      { field, char },
    ),
  csrf: () =>
    new AppError(403, 'CSRF', 'Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF); hãy tải lại trang.', 'Missing or wrong CSRF token; reload the page.'),
};

