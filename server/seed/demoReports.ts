/**
 * Demo periodic reports, through the same use cases as the screens, each dated inside its own window:
 * - the 6-month report of 2026 (window 15/12/2025 – 14/6/2026): units wrote and submitted in June, Sở Nội vụ
 *   drafted the province's report from theirs and finalised it on 24/6/2026; a one-stop system sent a late
 *   batch afterwards, so the frozen report shows a late correction;
 * - the Q3 report of 2026 (15/6 – 14/9/2026) under way: some units submitted, one returned, some drafting;
 *   Sở Tư pháp, Sở KH&CN and Sở Nội vụ have not started (the newcomer's walk-through starts there);
 * - Long An's Q3/2023 report (seed 000), finalised in September 2023 (when the registers hold its figures).
 * Texts are samples, labelled as such.
 */
import type { Db } from '../db/client.js';
import type { Role } from '../../domain/access/policy.js';
import type { IsoDate } from '../../domain/org/dates.js';
import type { SessionUser } from '../modules/auth/sessions.js';
import { type IncomingEvent, ingestEvents } from '../modules/dossiers/ingest.js';
import { loadHistory } from '../modules/org/history.js';
import { draftProvinceReport, finaliseReport, reportingUnits, returnReport, saveReport, submitReport } from '../modules/reports/reports.js';
import { provincesOn } from '../modules/org/scope.js';
import { DEMO_ACTOR } from './demo.js';

const at = (day: IsoDate, hhmm: string) => new Date(`${day}T${hhmm}:00+07:00`);
const person = (id: number, role: Role, unitId: number): SessionUser => ({ id, username: 'demo', fullName: 'Dữ liệu mẫu', role, unitId, locale: 'vi' });

/** A unit's sample texts for the sections it usually writes. */
function sampleTexts(unitName: string, label: string): Record<string, string> {
  return {
    direction: `${unitName} ban hành kế hoạch CCHC năm, quán triệt đến từng phòng, bộ phận; kiểm tra việc thực hiện trong ${label} (nội dung mẫu).`,
    procedures: `Công khai đầy đủ thủ tục hành chính tại bộ phận một cửa và trên Cổng dịch vụ công; tiếp tục rà soát, đề xuất đơn giản hóa thủ tục (nội dung mẫu).`,
    civilService: `Bố trí công chức theo vị trí việc làm được phê duyệt; cử công chức tham gia bồi dưỡng kỹ năng giải quyết thủ tục (nội dung mẫu).`,
    digital: `Sử dụng hệ thống quản lý văn bản và điều hành, ký số văn bản đi; khuyến khích người dân nộp hồ sơ trực tuyến (nội dung mẫu).`,
    assessment: `Cơ bản hoàn thành nhiệm vụ CCHC của kỳ; còn hồ sơ giải quyết quá hạn do phải lấy ý kiến liên ngành (nội dung mẫu).`,
    next: `Tập trung giải quyết hồ sơ tồn đọng, nâng tỷ lệ hồ sơ trực tuyến toàn trình (nội dung mẫu).`,
  };
}

export async function loadDemoReports(db: Db, adminId: number, now: Date) {
  const h = await loadHistory(db);
  const admin = person(adminId, 'admin', 0);
  const done = (when: Date) => when.getTime() <= now.getTime() - 60_000;

  // ---- 6 months of 2026: complete and finalised ----
  const sixMonths = '2026-6M';
  const province = provincesOn(h, '2026-06-14')[0];
  const units = reportingUnits(h, province.id, '2026-06-14');
  const writers = units.filter((u) => u.type === 'department').slice(0, 8).concat(units.filter((u) => u.type === 'commune').slice(0, 4));
  if (done(at('2026-06-24', '16:00'))) {
    for (const [k, u] of writers.entries()) {
      const day = `2026-06-${String(8 + (k % 6)).padStart(2, '0')}`;
      await saveReport(db, person(adminId, 'unit_officer', u.id), DEMO_ACTOR, u.id, sixMonths, { texts: sampleTexts(u.name, '6 tháng đầu năm 2026') }, at(day, '09:30'));
      await submitReport(db, person(adminId, 'unit_head', u.id), DEMO_ACTOR, u.id, sixMonths, at(day, '15:00'));
    }
    await draftProvinceReport(db, admin, DEMO_ACTOR, province.id, sixMonths, false, at('2026-06-17', '10:00'));
    await finaliseReport(db, admin, DEMO_ACTOR, province.id, sixMonths, { number: '186', signedOn: '2026-06-24', signer: { authority: 'TM. Ủy ban nhân dân', title: 'Chủ tịch', name: '(mẫu)' } }, at('2026-06-24', '16:00'));
    // a late batch from a one-stop system: a dossier received in May reached the province after the report
    const late: IncomingEvent[] = [
      { sourceSystem: 'demo-igate', dossierCode: 'TN-STC-260520-LATE', procedureCode: 'MAU.DN.01', unitCode: 'TN.STC', kind: 'received', at: '2026-05-20T09:10:00+07:00', channel: 'counter' },
      { sourceSystem: 'demo-igate', dossierCode: 'TN-STC-260520-LATE', kind: 'processed', at: '2026-05-22T10:00:00+07:00' },
    ];
    if (done(at('2026-07-02', '09:00'))) await ingestEvents(db, DEMO_ACTOR, late, at('2026-07-02', '09:00'));
  }

  // ---- Long An, Q3/2023 (seed 000): the province's report, finalised on 22/9/2023 ----
  const q3of2023 = '2023-Q3';
  const longAn = provincesOn(h, '2023-09-14')[0];
  if (longAn && done(at('2023-09-22', '15:00'))) {
    await saveReport(
      db,
      admin,
      DEMO_ACTOR,
      longAn.id,
      q3of2023,
      {
        texts: {
          direction: 'UBND tỉnh ban hành các văn bản chỉ đạo, đôn đốc thực hiện nhiệm vụ CCHC năm 2023; tổ chức kiểm tra công tác CCHC tại các sở, ngành và UBND cấp huyện (nội dung mẫu theo tin bài seed 000).',
          civilService: 'UBND tỉnh đã phê duyệt điều chỉnh đề án vị trí việc làm đối với 34 đơn vị (19 sở, ngành tỉnh, 15 UBND cấp huyện) sau khi thực hiện sắp xếp tổ chức bộ máy; ban hành quyết định tuyển dụng công chức đối với 43 thí sinh trúng tuyển.',
          assessment: 'Việc triển khai tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp (Tổng đài 1022) còn hạn chế; một số thủ tục hành chính ở bộ, ngành trung ương có phần mềm riêng chưa được kết nối, liên thông với hệ thống giải quyết thủ tục hành chính của tỉnh.',
        },
        recipients: ['Bộ Nội vụ', 'TT. Tỉnh ủy', 'TT. HĐND tỉnh', 'CT, các PCT UBND tỉnh', 'Sở Nội vụ', 'Lưu: VT'],
      },
      at('2023-09-18', '10:00'),
    );
    await finaliseReport(db, admin, DEMO_ACTOR, longAn.id, q3of2023, { number: '4312', signedOn: '2023-09-22', signer: { authority: 'TM. Ủy ban nhân dân', title: 'Chủ tịch', name: '(mẫu)' } }, at('2023-09-22', '15:00'));
  }

  // ---- Q3 2026 under way ----
  const q3 = '2026-Q3';
  const q3units = reportingUnits(h, province.id, '2026-09-14');
  const skip = new Set(['TN.STP', 'TN.SKHCN', 'TN.SNV']);
  const code = (id: number) => h.units.find((u) => u.id === id)?.code ?? '';
  const others = q3units.filter((u) => !skip.has(code(u.id)));
  const plan: { unitId: number; name: string; end: 'submitted' | 'returned' | 'draft' }[] = [
    ...others.filter((u) => u.type === 'department').slice(0, 4).map((u) => ({ unitId: u.id, name: u.name, end: 'submitted' as const })),
    ...others.filter((u) => u.type === 'commune').slice(0, 2).map((u) => ({ unitId: u.id, name: u.name, end: 'submitted' as const })),
    ...others.filter((u) => u.type === 'commune').slice(2, 3).map((u) => ({ unitId: u.id, name: u.name, end: 'returned' as const })),
    ...others.filter((u) => u.type === 'department').slice(4, 6).map((u) => ({ unitId: u.id, name: u.name, end: 'draft' as const })),
  ];
  for (const [k, p] of plan.entries()) {
    const day = `2026-09-${String(8 + (k % 7)).padStart(2, '0')}`;
    if (!done(at(day, '16:00'))) continue;
    await saveReport(db, person(adminId, 'unit_officer', p.unitId), DEMO_ACTOR, p.unitId, q3, { texts: sampleTexts(p.name, 'quý III/2026') }, at(day, '09:15'));
    if (p.end === 'draft') continue;
    await submitReport(db, person(adminId, 'unit_head', p.unitId), DEMO_ACTOR, p.unitId, q3, at(day, '14:30'));
    if (p.end === 'returned') await returnReport(db, admin, DEMO_ACTOR, p.unitId, q3, 'Đề nghị bổ sung số liệu hồ sơ tồn đọng và nguyên nhân quá hạn (nội dung mẫu).', at(day, '16:00'));
  }
}
