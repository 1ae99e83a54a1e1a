/**
 * Demo indicators and targets, through the same use cases as the screens: Long An's 2023 targets of seed 003
 * (85 % of online services with dossiers, 60 % of dossiers online, 86 / 70 / 60 % of work records handled
 * online at province / district / commune level) and the 2020 targets of seed 004 (Decision 4976/QĐ-UBND,
 * linked to the plan's target lines), with values: computed from the demo dossiers where the system holds
 * them, entered by the units otherwise (labelled as illustrative figures).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { planTargets } from '../db/schema.js';
import type { Role } from '../../domain/access/policy.js';
import { unitsAsOf } from '../../domain/org/history.js';
import type { SessionUser } from '../modules/auth/sessions.js';
import { createTarget } from '../modules/indicators/targets.js';
import { createDefinition, saveValue } from '../modules/indicators/values.js';
import { loadHistory } from '../modules/org/history.js';
import { DEMO_ACTOR } from './demo.js';
import { rng } from './dossierGen.js';

const at = (day: string, hhmm = '09:00') => new Date(`${day}T${hhmm}:00+07:00`);
const NOTE = 'Số liệu minh họa (dữ liệu mẫu), đơn vị tự báo cáo.';

const ENTERED = [
  { code: 'work.onlineRecords', name: 'Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng', measure: '%', aggregation: 'ratio' as const, unitTypes: ['province', 'department', 'district', 'commune'], description: 'Số hồ sơ công việc xử lý trên môi trường mạng ÷ tổng số hồ sơ công việc của đơn vị trong kỳ (trừ hồ sơ mật).' },
  { code: 'services.level3', name: 'Tỷ lệ dịch vụ công trực tuyến mức độ 3', measure: '%', aggregation: 'ratio' as const, unitTypes: ['province'], description: 'Theo phân loại mức độ trước Nghị định 42/2022/NĐ-CP.' },
  { code: 'services.level4', name: 'Tỷ lệ dịch vụ công trực tuyến mức độ 4', measure: '%', aggregation: 'ratio' as const, unitTypes: ['province'], description: 'Theo phân loại mức độ trước Nghị định 42/2022/NĐ-CP.' },
  { code: 'documents.electronic', name: 'Tỷ lệ văn bản trao đổi giữa các cơ quan dưới dạng điện tử', measure: '%', aggregation: 'ratio' as const, unitTypes: null },
  { code: 'documents.signed', name: 'Tỷ lệ văn bản điện tử đi được ký số', measure: '%', aggregation: 'ratio' as const, unitTypes: null },
  { code: 'satisfaction.administration', name: 'Mức độ hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính', measure: '%', aggregation: 'average' as const, unitTypes: null, description: 'Đến khi có khảo sát của hệ thống: theo kết quả khảo sát do đơn vị báo cáo.' },
];

const person = (id: number, role: Role, unitId: number): SessionUser => ({ id, username: 'demo', fullName: 'Dữ liệu mẫu', role, unitId, locale: 'vi' });

export async function loadDemoIndicators(db: Db, adminId: number, plan2020Id: number) {
  for (const d of ENTERED) await createDefinition(db, DEMO_ACTOR, d, at('2019-12-20'));
  const h = await loadHistory(db);
  const r = rng(2023);
  const admin = person(adminId, 'admin', 0);

  // 2023 (seed 003): Long An's units report their work records handled online
  const la = unitsAsOf(h, '2023-12-14').filter((u) => u.code.startsWith('LA'));
  const rates = { department: [0.8, 0.97], district: [0.62, 0.85], commune: [0.5, 0.78], province: [0.8, 0.9] } as Record<string, [number, number]>;
  for (const u of la) {
    const band = rates[u.type];
    if (!band) continue;
    const total = u.type === 'commune' ? r.int(300, 900) : u.type === 'district' ? r.int(2500, 6000) : r.int(1200, 5000);
    const online = Math.round(total * (band[0] + r.next() * (band[1] - band[0])));
    const officer = person(adminId, 'unit_officer', u.id);
    await saveValue(db, officer, DEMO_ACTOR, { code: 'work.onlineRecords', unitId: u.id, period: '2023', numerator: online, denominator: total, note: NOTE }, at('2023-12-08', '10:00'));
  }
  const year2023 = [
    { code: 'services.onlineWithDossiers', comparator: '>=' as const, value: 85, text: '85% dịch vụ công trực tuyến phát sinh hồ sơ' },
    { code: 'dossiers.onlineRate', comparator: '>=' as const, value: 60, text: '60% hồ sơ được nộp trực tuyến' },
    { code: 'work.onlineRecords', level: 'department' as const, comparator: '>=' as const, value: 86, text: '86% hồ sơ công việc cấp tỉnh được xử lý trên môi trường mạng' },
    { code: 'work.onlineRecords', level: 'district' as const, comparator: '>=' as const, value: 70, text: '70% hồ sơ công việc cấp huyện được xử lý trên môi trường mạng' },
    { code: 'work.onlineRecords', level: 'commune' as const, comparator: '>=' as const, value: 60, text: '60% hồ sơ công việc cấp xã được xử lý trên môi trường mạng' },
  ];
  for (const t of year2023) await createTarget(db, DEMO_ACTOR, { ...t, year: 2023 }, at('2023-01-10'));
  // the procedures of the sample catalogue belong to Tây Ninh's agencies: for 2023 Long An reported the figure itself
  const longAn2023 = h.units.find((u) => u.code === 'LA')!;
  await saveValue(db, admin, DEMO_ACTOR, { code: 'services.onlineWithDossiers', unitId: longAn2023.id, period: '2023', numerator: 1182, denominator: 1367, note: NOTE }, at('2023-12-08', '15:00'));

  // 2020 (seed 004): the plan's target lines become targets; values as Long An reported them at year end
  const lines = await db.select({ id: planTargets.id, seq: planTargets.seq }).from(planTargets).where(eq(planTargets.planId, plan2020Id));
  const line = (seq: number) => lines.find((l) => l.seq === seq)?.id ?? null;
  const year2020: { code: string; comparator: '>' | '>='; value: number; seq: number; text: string; entered?: [number, number] }[] = [
    { code: 'services.level3', comparator: '>', value: 45, seq: 1, text: 'Trên 45% dịch vụ công được cung cấp trực tuyến ở mức độ 3', entered: [512, 1034] },
    { code: 'services.level4', comparator: '>', value: 10, seq: 1, text: 'Trên 10% dịch vụ công trực tuyến ở mức độ 4', entered: [148, 1034] },
    { code: 'dossiers.onTimeRate', comparator: '>', value: 98, seq: 1, text: 'Trên 98% hồ sơ giải quyết đúng hạn', entered: [412_860, 418_075] },
    { code: 'documents.electronic', comparator: '>=', value: 90, seq: 2, text: '90% văn bản trao đổi giữa các cơ quan nhà nước dưới dạng điện tử', entered: [86_410, 94_320] },
    { code: 'documents.signed', comparator: '>', value: 80, seq: 2, text: 'Trên 80% văn bản điện tử đi được ký số', entered: [71_200, 86_410] },
    { code: 'satisfaction.administration', comparator: '>', value: 90, seq: 3, text: 'Trên 90% sự hài lòng đối với sự phục vụ của cơ quan hành chính nhà nước' },
  ];
  const longAn = h.units.find((u) => u.code === 'LA')!;
  for (const t of year2020) {
    await createTarget(db, DEMO_ACTOR, { code: t.code, year: 2020, comparator: t.comparator, value: t.value, planTargetId: line(t.seq), text: t.text }, at('2020-01-06'));
    if (t.entered) {
      await saveValue(db, admin, DEMO_ACTOR, { code: t.code, unitId: longAn.id, period: '2020', numerator: t.entered[0], denominator: t.entered[1], note: NOTE }, at('2020-12-10', '14:00'));
    }
  }
  await saveValue(db, admin, DEMO_ACTOR, { code: 'satisfaction.administration', unitId: longAn.id, period: '2020', value: 91.2, note: NOTE }, at('2020-12-10', '14:10'));
}
