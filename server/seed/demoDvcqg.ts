/**
 * Demo of the national portal sync (labelled "mẫu"): a source account for a sample OpenCPS-type system, two
 * sample national codes given to demo procedures, a few dossiers of the last weeks synced as that system sends
 * them (a snapshot, then its progress update, at the time of each step) and, today, a dossier whose unit name
 * is not known yet: held for the administrator to map. All through the receiver's own use cases.
 */
import type { Db } from '../db/client.js';
import { dvcqgSources, procedures } from '../db/schema.js';
import { eq } from 'drizzle-orm';
import { formatPortalDate } from '../../domain/dvcqg/snapshot.js';
import { addDays, vietnamDateOf } from '../../domain/org/dates.js';
import { randomPassword } from '../modules/auth/passwords.js';
import { loadCalendar } from '../modules/calendar/calendar.js';
import { mapProcedureCode } from '../modules/dvcqg/mapping.js';
import { receiveSync } from '../modules/dvcqg/receive.js';
import { createSource, noteMessage } from '../modules/dvcqg/sources.js';
import { DEMO_ACTOR } from './demo.js';

export const DEMO_DVCQG_USERNAME = 'motcua.mau';
export const DEMO_DVCQG_MADONVI = 'MAU.TN.001';
export const DEMO_HELD_UNIT = 'Bộ phận Một cửa Ban Quản lý Khu kinh tế (mẫu)';

interface Plan {
  code: string;
  national: string;
  unit: string;
  online?: boolean;
  /** working days after the first day for each step: [status, day, hour] */
  steps: [number, number, number][];
  supplement?: [number, number];
}

const PLANS: Plan[] = [
  { code: 'MAU-DVCQG-0001', national: 'QG.MAU.01', unit: 'Sở Tư pháp', online: true, steps: [[2, 0, 8], [4, 0, 10], [9, 6, 15], [10, 7, 9]] },
  { code: 'MAU-DVCQG-0002', national: 'QG.MAU.01', unit: 'Sở Tư pháp', steps: [[2, 1, 9], [4, 1, 14], [5, 2, 9], [4, 4, 9], [9, 12, 10], [10, 12, 15]], supplement: [2, 4] },
  { code: 'MAU-DVCQG-0003', national: 'QG.MAU.02', unit: 'Sở Tài chính', online: true, steps: [[2, 2, 8], [4, 2, 9], [9, 6, 16], [10, 7, 8]] },
  { code: 'MAU-DVCQG-0004', national: 'QG.MAU.02', unit: 'Sở Tài chính', steps: [[2, 3, 10], [4, 3, 11], [3, 4, 15]] },
  { code: 'MAU-DVCQG-0005', national: 'QG.MAU.01', unit: 'Sở Tư pháp', steps: [[2, 8, 9], [4, 8, 10]] },
];

/** `now`: the demo's today; `password`: the source account's (generated and returned when not given). */
export async function loadDemoDvcqg(db: Db, now: Date, password?: string): Promise<{ username: string; generatedPassword?: string }> {
  const pass = password ?? randomPassword();
  const { source } = await createSource(db, DEMO_ACTOR, { code: 'mau-motcua', name: 'Hệ thống một cửa mẫu (kiểu OpenCPS)', username: DEMO_DVCQG_USERNAME, madonvi: DEMO_DVCQG_MADONVI, password: pass }, now);
  for (const [local, national] of [['MAU.TP.01', 'QG.MAU.01'], ['MAU.DN.01', 'QG.MAU.02']]) {
    const [p] = await db.select({ id: procedures.id }).from(procedures).where(eq(procedures.code, local));
    if (p) await mapProcedureCode(db, DEMO_ACTOR, { nationalCode: national, procedureId: p.id }, now);
  }
  const calendar = await loadCalendar(db);
  // the working days from four weeks ago; a step is on one of them at a given hour
  const days: string[] = [];
  for (let d = vietnamDateOf(new Date(now.getTime() - 28 * 86_400_000)); days.length < 30; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) days.push(d);
  const at = (day: number, hour: number) => new Date(`${days[day]}T${String(hour).padStart(2, '0')}:00:00+07:00`);
  const [full] = await db.select().from(dvcqgSources).where(eq(dvcqgSources.id, source.id));
  const messages: { at: Date; service: 'DongBoHoSoMC' | 'CapNhatTienDoHoSoMC'; data: object[] }[] = [];
  for (const p of PLANS) {
    const received = at(p.steps[0][1], p.steps[0][2]);
    const appointment = calendar.addWorkingDays(received, 10);
    let end = '';
    let ret = '';
    for (const [status, day, hour] of p.steps) {
      const when = at(day, hour);
      if (when > now) break;
      if (status === 9 || status === 3) end = formatPortalDate(when);
      if (status === 10) ret = formatPortalDate(when);
      const entries = p.supplement && day >= p.supplement[0] ? [{ HoSoBoSungId: '1', NgayBoSung: formatPortalDate(at(p.supplement[0], 9)), NgayTiepNhanBoSung: day >= p.supplement[1] ? formatPortalDate(at(p.supplement[1], 9)) : '', NgayHenTraTruoc: formatPortalDate(appointment), NgayHenTraMoi: '' }] : [];
      const snapshot = {
        MaHoSo: p.code,
        MaTTHC: p.national,
        DonViXuLy: p.unit,
        LoaiDoiTuong: '1',
        NgayTiepNhan: formatPortalDate(received),
        NgayHenTra: formatPortalDate(appointment),
        TrangThaiHoSo: String(status),
        NgayKetThucXuLy: end,
        NgayTra: ret,
        HinhThuc: '0',
        ...(p.online ? { KenhThucHien: '2' } : {}),
        DanhSachLePhi: [],
        DanhSachHoSoBoSung: entries,
      };
      messages.push({ at: new Date(when.getTime() + 60_000), service: 'DongBoHoSoMC', data: [snapshot] });
      messages.push({ at: new Date(when.getTime() + 90_000), service: 'CapNhatTienDoHoSoMC', data: [{ MaHoSo: p.code, TrangThai: String(status), ThoiDiemXuLy: formatPortalDate(when) }] });
    }
  }
  messages.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const m of messages) if (m.at <= now) await receiveSync(db, full, m.service, m.data, m.at);
  // today: a dossier of a unit whose name is not known yet, held; the open dossiers synced again (unchanged)
  const today = calendar.nextWorkingTime(new Date(now.getTime() - 3 * 3600_000));
  const heldAt = today < now ? today : new Date(now.getTime() - 60_000);
  await receiveSync(db, full, 'DongBoHoSoMC', [{ MaHoSo: 'MAU-DVCQG-0006', MaTTHC: 'QG.MAU.02', DonViXuLy: DEMO_HELD_UNIT, LoaiDoiTuong: '2', NgayTiepNhan: formatPortalDate(heldAt), NgayHenTra: formatPortalDate(calendar.addWorkingDays(heldAt, 3)), TrangThaiHoSo: '2', HinhThuc: '0' }], now);
  await noteMessage(db, source.id, 'DongBoHoSoMC', now);
  return { username: DEMO_DVCQG_USERNAME, generatedPassword: password ? undefined : pass };
}
