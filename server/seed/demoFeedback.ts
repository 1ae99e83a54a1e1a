/**
 * Demo citizen feedback (PAKN) of 2026, made through the same use cases as the screens, each step at a
 * working instant after the one before: answered and published items across units (one transferred, one late),
 * a refusal, forwardings, and open items — one on time, one overdue, one waiting for the citizen's information,
 * one draft waiting for approval, one still at the desk. Steps later than `now` are left out.
 */
import type { Db } from '../db/client.js';
import { orgUnits, users } from '../db/schema.js';
import type { SessionUser } from '../modules/auth/sessions.js';
import * as F from '../modules/feedback/items.js';

type Step =
  | ['accept' | 'transfer', string, string, string?] // at, unit code, by (username)
  | ['refuse' | 'outside' | 'conduct', string, string]
  | ['info', string, string]
  | ['infoReceived', string]
  | ['answer', string, string]
  | ['approve', string]
  | ['publish', string]
  | ['rate', string, boolean];

interface DemoItem {
  channel: 'web' | 'hotline' | 'letter' | 'email' | 'portal';
  at: string;
  name: string;
  phone: string;
  address: string;
  field: string;
  content: string;
  dossierCode?: string;
  /** received by staff of this unit (else the desk or the public form) */
  steps: Step[];
}

const ITEMS: DemoItem[] = [
  {
    channel: 'web', at: '2026-02-03T08:40:00', name: 'Nguyễn Thị Hoa', phone: '0913 201 441', address: 'Khu phố 3, phường Long An, Tây Ninh', field: 'Hộ tịch',
    content: 'Khi đăng ký khai sinh trực tuyến, hệ thống vẫn yêu cầu nộp bản giấy xác nhận cư trú dù thông tin đã có trên Cơ sở dữ liệu quốc gia về dân cư. Đề nghị bỏ yêu cầu này.',
    dossierCode: 'H01.001-260202-0014',
    steps: [['accept', '2026-02-03T14:00:00', 'TN.STP'], ['answer', '2026-02-24T10:00:00', 'Sở Tư pháp đã đề nghị đơn vị vận hành bỏ trường bắt buộc "giấy xác nhận cư trú" trên biểu mẫu khai sinh trực tuyến từ ngày 24/02/2026; thông tin cư trú được khai thác từ Cơ sở dữ liệu quốc gia về dân cư.'], ['approve', '2026-02-25T09:00:00'], ['publish', '2026-02-25T15:00:00'], ['rate', '2026-02-26T20:00:00', true]],
  },
  {
    channel: 'hotline', at: '2026-03-10T10:20:00', name: 'Trần Văn Bình', phone: '0987 554 120', address: 'Ấp Bình Hòa, xã Bến Lức, Tây Ninh', field: 'Khoa học và công nghệ',
    content: 'Gọi Tổng đài 1022: thủ tục đăng ký kết quả nhiệm vụ khoa học và công nghệ không nêu rõ thời hạn giải quyết trên Cổng dịch vụ công của tỉnh.',
    steps: [['accept', '2026-03-10T15:00:00', 'TN.SKHCN'], ['answer', '2026-03-20T09:30:00', 'Sở Khoa học và Công nghệ đã cập nhật thời hạn giải quyết (10 ngày làm việc) của thủ tục trên Cổng dịch vụ công của tỉnh ngày 20/03/2026.'], ['approve', '2026-03-23T08:30:00'], ['publish', '2026-03-24T09:00:00']],
  },
  {
    channel: 'letter', at: '2026-04-06T09:00:00', name: 'Lê Văn Cường', phone: '0903 887 231', address: 'Phường Khánh Hậu, Tây Ninh', field: 'Khác',
    content: 'Thư không ghi nội dung phản ánh cụ thể về quy định hành chính.',
    steps: [['refuse', '2026-04-07T10:00:00', 'Không đáp ứng điều 7 Nghị định 20/2008/NĐ-CP: không nêu quy định hành chính được phản ánh.']],
  },
  {
    channel: 'email', at: '2026-05-12T14:00:00', name: 'Phạm Thị Dung', phone: '0935 110 902', address: 'Xã Cần Giuộc, Tây Ninh', field: 'Xây dựng',
    content: 'Đề nghị sửa quy định về hồ sơ cấp giấy phép xây dựng nhà ở riêng lẻ tại Nghị định của Chính phủ (yêu cầu bản vẽ do tổ chức có chứng chỉ lập).',
    steps: [['outside', '2026-05-14T09:30:00', 'Quy định thuộc thẩm quyền của Chính phủ; chuyển Bộ Xây dựng theo điều 9 Nghị định 20/2008/NĐ-CP.']],
  },
  {
    channel: 'portal', at: '2026-06-02T09:00:00', name: 'Võ Minh Em', phone: '0918 303 665', address: 'Phường Kiến Tường, Tây Ninh', field: 'Khoa học và công nghệ',
    content: 'Phản ánh qua Cổng Dịch vụ công quốc gia: thủ tục cấp giấy chứng nhận doanh nghiệp khoa học và công nghệ yêu cầu nộp nhiều bản sao chứng thực.',
    steps: [['accept', '2026-06-02T14:00:00', 'TN.STP'], ['transfer', '2026-06-05T10:00:00', 'TN.SKHCN', 'stp.canbo'], ['answer', '2026-06-19T10:00:00', 'Sở Khoa học và Công nghệ đã bỏ yêu cầu bản sao chứng thực; doanh nghiệp nộp bản chụp hoặc bản điện tử.'], ['approve', '2026-06-22T09:00:00'], ['publish', '2026-06-23T09:00:00'], ['rate', '2026-06-24T19:30:00', false]],
  },
  {
    channel: 'web', at: '2026-07-08T08:30:00', name: 'Đỗ Văn Giang', phone: '0977 221 004', address: 'Xã Bến Lức, Tây Ninh', field: 'Khác',
    content: 'Cán bộ tiếp nhận tại bộ phận một cửa có thái độ không đúng mực khi hướng dẫn hồ sơ.',
    steps: [['conduct', '2026-07-09T10:00:00', 'Phản ánh về hành vi của cán bộ; chuyển cơ quan quản lý cán bộ (UBND xã Bến Lức) xem xét.']],
  },
  {
    channel: 'hotline', at: '2026-08-03T09:00:00', name: 'Hồ Thị Hạnh', phone: '0909 667 318', address: 'Phường Long An, Tây Ninh', field: 'Nội vụ',
    content: 'Gọi Tổng đài 1022: hướng dẫn thủ tục thi đua, khen thưởng trên trang của Sở còn theo mẫu cũ.',
    steps: [['accept', '2026-08-03T15:00:00', 'TN.SNV'], ['answer', '2026-08-26T09:00:00', 'Sở Nội vụ đã thay mẫu hướng dẫn theo quy định hiện hành ngày 26/08/2026.'], ['approve', '2026-08-27T10:00:00'], ['publish', '2026-08-28T09:00:00']],
  },
  {
    channel: 'web', at: '2026-10-05T09:30:00', name: 'Ngô Văn Khánh', phone: '0938 440 019', address: 'Phường Khánh Hậu, Tây Ninh', field: 'Hộ tịch',
    content: 'Thời hạn giải quyết thủ tục cấp bản sao trích lục hộ tịch trên cổng (3 ngày) khác với thời hạn niêm yết tại bộ phận một cửa (5 ngày).',
    steps: [['accept', '2026-10-05T14:00:00', 'TN.STP']],
  },
  {
    channel: 'web', at: '2026-11-09T09:00:00', name: 'Lý Thị Lan', phone: '0971 505 338', address: 'Xã Cần Giuộc, Tây Ninh', field: 'Chứng thực',
    content: 'Đề nghị cho phép chứng thực bản sao điện tử từ bản chính tại tất cả bộ phận một cửa cấp xã.',
    steps: [['accept', '2026-11-09T10:00:00', 'TN.STP'], ['answer', '2026-11-27T10:00:00', 'Sở Tư pháp đã hướng dẫn UBND các xã, phường thực hiện chứng thực bản sao điện tử từ bản chính từ tháng 12/2026.']],
  },
  {
    channel: 'web', at: '2026-11-16T10:00:00', name: 'Mai Văn Minh', phone: '0916 118 207', address: 'Phường Kiến Tường, Tây Ninh', field: 'Khoa học và công nghệ',
    content: 'Thủ tục đánh giá, thẩm định công nghệ dự án đầu tư chưa có trên Cổng dịch vụ công.',
    steps: [['accept', '2026-11-16T15:00:00', 'TN.SKHCN'], ['info', '2026-11-18T09:00:00', 'Đề nghị ông cho biết tên dự án và thời điểm tra cứu trên Cổng để Sở kiểm tra.']],
  },
  {
    channel: 'hotline', at: '2026-11-25T09:15:00', name: 'Trịnh Thị Ngọc', phone: '0902 336 771', address: 'Xã Bến Lức, Tây Ninh', field: 'Nội vụ',
    content: 'Gọi Tổng đài 1022: chưa rõ nơi nộp hồ sơ đề nghị công nhận chức danh trưởng ấp sau sắp xếp đơn vị hành chính.',
    steps: [['accept', '2026-11-25T14:00:00', 'TN.SNV']],
  },
  {
    channel: 'web', at: '2026-11-30T16:10:00', name: 'Bùi Văn Phúc', phone: '0933 765 002', address: 'Phường Long An, Tây Ninh', field: 'Đất đai',
    content: 'Đề nghị công khai danh mục giấy tờ cần nộp khi đăng ký biến động đất đai do thay đổi tên đơn vị hành chính.',
    steps: [],
  },
];

const t = (s: string) => new Date(`${s}+07:00`);

export async function loadDemoFeedback(db: Db, now = new Date()) {
  const units = new Map((await db.select({ id: orgUnits.id, code: orgUnits.code }).from(orgUnits)).map((u) => [u.code, u.id]));
  const people = new Map(
    (await db.select().from(users)).map((u) => [u.username, { id: u.id, username: u.username, fullName: u.fullName, role: u.role as SessionUser['role'], unitId: u.unitId, locale: 'vi' } satisfies SessionUser]),
  );
  const desk = people.get('admin')!;
  const staffOf = (unitId: number, role: 'unit_officer' | 'unit_head') => [...people.values()].find((p) => p.unitId === unitId && p.role === role)!;
  for (const d of ITEMS) {
    if (t(d.at) > now) continue;
    // the public form (channel web), or the desk entering what came by the hotline, letter, e-mail or the portal
    const by = d.channel === 'web' ? null : desk;
    const { id, code } = await F.receiveFeedback(db, by, { channel: d.channel, name: d.name, phone: d.phone, address: d.address, content: d.content, field: d.field, dossierCode: d.dossierCode ?? null, receivedAt: t(d.at) }, [], t(d.at));
    let unitId: number | null = null;
    for (const s of d.steps) {
      if (t(s[1]) > now) break;
      const at = t(s[1]);
      switch (s[0]) {
        case 'accept':
          unitId = units.get(s[2])!;
          await F.classify(db, desk, id, { kind: 'within', unitId }, at);
          break;
        case 'transfer':
          await F.transfer(db, people.get(s[3]!)!, id, { unitId: units.get(s[2])!, reason: 'Nội dung thuộc lĩnh vực quản lý của đơn vị nhận' }, at);
          unitId = units.get(s[2])!;
          break;
        case 'refuse':
          await F.classify(db, desk, id, { kind: 'refused', reason: s[2] }, at);
          break;
        case 'outside':
          await F.classify(db, desk, id, { kind: 'outside', reason: s[2], forwardedTo: 'Bộ Xây dựng' }, at);
          break;
        case 'conduct':
          await F.classify(db, desk, id, { kind: 'conduct', reason: s[2] }, at);
          break;
        case 'info':
          await F.requestInfo(db, staffOf(unitId!, 'unit_officer'), id, { question: s[2] }, at);
          break;
        case 'infoReceived':
          await F.infoReceived(db, staffOf(unitId!, 'unit_officer'), id, { text: 'Thông tin bổ sung' }, at);
          break;
        case 'answer':
          await F.answer(db, staffOf(unitId!, 'unit_officer'), id, { answer: s[2] }, at);
          break;
        case 'approve':
          await F.approve(db, staffOf(unitId!, 'unit_head'), id, {}, at);
          break;
        case 'publish':
          await F.publish(db, desk, id, at);
          break;
        case 'rate':
          await F.rate(db, code, { contact: d.phone, satisfied: s[2] }, at);
          break;
      }
    }
  }
}

