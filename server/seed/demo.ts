/** Loads the demo data through the same use cases a user would call, in one transaction. */
import { seedFile } from '../paths.js';
import { readFileSync } from 'node:fs';
import type { Tx } from '../db/client.js';
import type { Role } from '../../domain/access/policy.js';
import type { AuditActor } from '../modules/audit/record.js';
import { applyOrgChangeInTx } from '../modules/org/commands.js';
import { importPlan } from '../modules/plans/importPlan.js';
import { setPlanTargets } from '../modules/plans/targets.js';
import { createUserInTx } from '../modules/users/commands.js';
import { hashPassword } from '../modules/auth/passwords.js';
import {
  COMMUNE_MERGERS,
  DEMO_START,
  DEMO_USERS,
  DEPARTMENT_MERGER_DATE,
  DEPARTMENT_MERGERS,
  type DemoUnit,
  LONG_AN,
  LONG_AN_COMMUNES,
  LONG_AN_DEPARTMENTS,
  LONG_AN_DISTRICTS,
  LONG_AN_OTHER,
  OLD_TAY_NINH,
  OLD_TAY_NINH_UNITS,
  reformAgencyMergers,
  REFORM_DATE,
  TAY_NINH,
} from './demoOrg.js';

export const DEMO_ACTOR: AuditActor = { id: null, name: 'demo' };

const RESOLUTION_202 = 'Nghị quyết 202/2025/QH15';
const LOCAL_GOV_LAW = 'Luật Tổ chức chính quyền địa phương 2025';
const DECREE_45 = 'Nghị định 45/2025/NĐ-CP';

/** Returns the ids of the demo units by code. */
export async function loadDemoOrg(tx: Tx): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const id = (code: string) => {
    const v = ids.get(code);
    if (v === undefined) throw new Error(`demo unit ${code} missing`);
    return v;
  };
  const spec = (u: DemoUnit) => ({ code: u.code, name: u.name, type: u.type, parentId: u.parent ? id(u.parent) : null });
  // each change recorded on the day it took effect, in the morning
  const on = (date: string) => new Date(`${date}T08:00:00+07:00`);
  const create = async (u: DemoUnit, validFrom: string, legalBasis?: string) => {
    const r = await applyOrgChangeInTx(tx, DEMO_ACTOR, { kind: 'create', ...spec(u), validFrom, validTo: null }, { legalBasis, note: validFrom === DEMO_START ? 'Dữ liệu minh hoạ: lịch sử trước 2015 không ghi nhận' : undefined }, on(validFrom));
    ids.set(u.code, r.createdIds[0]);
  };
  const merge = async (sources: string[], target: string | DemoUnit, date: string, legalBasis: string, note?: string) => {
    const r = await applyOrgChangeInTx(
      tx,
      DEMO_ACTOR,
      { kind: 'merge', sourceIds: sources.map(id), date, target: typeof target === 'string' ? { existingId: id(target) } : { create: spec(target) } },
      { legalBasis, note },
      on(date),
    );
    if (typeof target !== 'string') ids.set(target.code, r.createdIds[0]);
  };

  for (const u of [LONG_AN, ...LONG_AN_DEPARTMENTS, ...LONG_AN_OTHER, ...LONG_AN_DISTRICTS, ...LONG_AN_COMMUNES, OLD_TAY_NINH, ...OLD_TAY_NINH_UNITS]) {
    await create(u, DEMO_START);
  }
  for (const m of DEPARTMENT_MERGERS) await merge(m.sources, m.target, DEPARTMENT_MERGER_DATE, DECREE_45);

  await create(TAY_NINH, REFORM_DATE, RESOLUTION_202);
  for (const m of COMMUNE_MERGERS) await merge(m.sources, m.target, REFORM_DATE, RESOLUTION_202, 'Thành phần sáp nhập minh hoạ');
  for (const d of LONG_AN_DISTRICTS) {
    await applyOrgChangeInTx(tx, DEMO_ACTOR, { kind: 'close', unitId: id(d.code), date: REFORM_DATE }, { legalBasis: LOCAL_GOV_LAW, note: 'Kết thúc hoạt động cấp huyện' }, on(REFORM_DATE));
  }
  const mergedAway = new Set(DEPARTMENT_MERGERS.flatMap((m) => m.sources));
  const live = [...LONG_AN_DEPARTMENTS.map((d) => d.code).filter((c) => !mergedAway.has(c)), 'LA.SNNMT', ...LONG_AN_OTHER.map((u) => u.code)];
  for (const m of reformAgencyMergers(live)) await merge(m.sources, m.target, REFORM_DATE, RESOLUTION_202);
  await applyOrgChangeInTx(tx, DEMO_ACTOR, { kind: 'merge', sourceIds: [id('LA'), id('TNC')], date: REFORM_DATE, target: { existingId: id('TN') } }, { legalBasis: RESOLUTION_202, note: 'Sắp xếp tỉnh Long An và tỉnh Tây Ninh thành tỉnh Tây Ninh' }, on(REFORM_DATE));
  return ids;
}

export async function loadDemoUsers(tx: Tx, ids: Map<string, number>, password: string): Promise<void> {
  const hashed = await hashPassword(password); // one password for every demo user: hashed once (each hash has its salt)
  for (const u of DEMO_USERS) {
    await createUserInTx(tx, DEMO_ACTOR, { username: u.username, fullName: u.fullName, role: u.role as Role, unitId: ids.get(u.unit)!, password }, hashed);
  }
}

export const DEMO_PLAN_FILE = seedFile('ke-hoach-cchc-2020-long-an.csv');

/**
 * The 2020 CCHC plan of Long An (Decision 4976/QĐ-UBND, seed 004), imported through the same path as a
 * user's file. The names the table uses that are not unit names are mapped as a user would, once.
 */
export async function loadDemoPlan(tx: Tx, ids: Map<string, number>): Promise<number> {
  const r = await importPlan(tx, DEMO_ACTOR, {
    fileName: 'ke-hoach-cchc-2020-long-an.csv',
    file: readFileSync(DEMO_PLAN_FILE),
    year: 2020,
    unitId: ids.get('LA')!,
    title: 'Kế hoạch thực hiện công tác cải cách hành chính năm 2020 trên địa bàn tỉnh Long An',
    decisionNumber: '4976/QĐ-UBND',
    decisionDate: '2019-12-30',
    mappings: [
      { text: 'Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh', unitId: ids.get('LA.VP')! },
      { text: 'Đài PTTH tỉnh', unitId: ids.get('LA.DPTTH')! },
      { text: 'Báo Long An', unitId: null },
      { text: 'Ban Pháp chế HĐND tỉnh', unitId: null },
    ],
  });
  const goals = JSON.parse(readFileSync(DEMO_PLAN_TARGETS_FILE, 'utf8')) as { goals: string; targets: string[] };
  await setPlanTargets(tx, DEMO_ACTOR, r.planId, goals.goals, goals.targets);
  return r.planId;
}

/** Goals and the seven target lines of Decision 4976/QĐ-UBND, section I. */
export const DEMO_PLAN_TARGETS_FILE = seedFile('ke-hoach-cchc-2020-long-an-muc-tieu.json');
