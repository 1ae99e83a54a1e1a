/**
 * First start: load the demo data into an empty database (unless DEMO_DATA=false) and create `admin`.
 * Passwords that were not given are generated and returned, to be printed once.
 */
import { seedFile } from '../paths.js';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { orgUnitNames, orgUnits, users } from '../db/schema.js';
import { applyOrgChangeInTx } from '../modules/org/commands.js';
import { randomPassword } from '../modules/auth/passwords.js';
import { createUserInTx } from '../modules/users/commands.js';
import { vietnamDateOf } from '../../domain/org/dates.js';
import { DEMO_ACTOR, loadDemoOrg, loadDemoPlan, loadDemoUsers } from './demo.js';
import { closeDemoPlan2020, loadDemoPlan2026 } from './demoProgress.js';
import { recordYear } from '../modules/calendar/calendar.js';
import { importProcedures } from '../modules/procedures/procedures.js';
import { readFileSync } from 'node:fs';
import { loadDemoDossiers } from './demoDossiers.js';
import { loadDemoMap } from './demoMap.js';
import { loadDemoSurveys } from './demoSurveys.js';
import { loadDemoDvcqg } from './demoDvcqg.js';
import { COMMUNE_SET_2026, DEPARTMENT_SET_2026 } from './parSets.js';
import { createSet } from '../modules/par/criteriaSets.js';
import { loadDemoPar } from './demoPar.js';
import { loadDemoIndicators } from './demoIndicators.js';
import { loadDemoReports } from './demoReports.js';
import { loadDemoRegisters } from './demoRegisters.js';
import { loadDemoFeedback } from './demoFeedback.js';
import { ANNOUNCED_2025, ANNOUNCED_2026_TET } from '../../domain/calendar/announced.js';

export interface BootstrapResult {
  demoLoaded: boolean;
  adminCreated: boolean;
  /** set when the password was generated here and must be shown once */
  generatedAdminPassword?: string;
  generatedDemoPassword?: string;
  /** the demo DVCQG source account's password, when generated here */
  generatedDvcqgPassword?: string;
}

/** The unit `admin` belongs to: a live Sở Nội vụ, else any live root, else a new "Sở Nội vụ". */
async function adminUnit(tx: Tx): Promise<number> {
  const [snv] = await tx
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .innerJoin(orgUnitNames, eq(orgUnitNames.unitId, orgUnits.id))
    .where(and(isNull(orgUnits.validTo), isNull(orgUnitNames.validTo), eq(orgUnitNames.name, 'Sở Nội vụ')))
    .orderBy(orgUnits.id)
    .limit(1);
  if (snv) return snv.id;
  const [any] = await tx.select({ id: orgUnits.id }).from(orgUnits).where(isNull(orgUnits.validTo)).orderBy(orgUnits.id).limit(1);
  if (any) return any.id;
  const r = await applyOrgChangeInTx(tx, DEMO_ACTOR, { kind: 'create', code: 'SNV', name: 'Sở Nội vụ', type: 'department', parentId: null, validFrom: vietnamDateOf(new Date()), validTo: null });
  return r.createdIds[0];
}

/** Live or historical: the demo codes are unique over time. */
async function unitIdsByCode(tx: Tx): Promise<Map<string, number>> {
  return new Map((await tx.select({ id: orgUnits.id, code: orgUnits.code }).from(orgUnits)).map((u) => [u.code, u.id]));
}

export async function bootstrap(db: Db, opts: { demoData: boolean; demoDossiers?: boolean; demoPar?: boolean; demoReports?: boolean; adminPassword?: string; demoPassword?: string; dvcqgPassword?: string }): Promise<BootstrapResult> {
  return db.transaction(async (tx) => {
    const result: BootstrapResult = { demoLoaded: false, adminCreated: false };
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(orgUnits);
    if (n === 0 && opts.demoData) {
      await loadDemoOrg(tx);
      const ids = await unitIdsByCode(tx);
      const demoPassword = opts.demoPassword ?? randomPassword();
      if (!opts.demoPassword) result.generatedDemoPassword = demoPassword;
      await loadDemoUsers(tx, ids, demoPassword);
    }
    const [admin] = await tx.select({ id: users.id }).from(users).where(eq(users.username, 'admin'));
    let adminId = admin?.id;
    if (!admin) {
      const password = opts.adminPassword ?? randomPassword();
      if (!opts.adminPassword) result.generatedAdminPassword = password;
      adminId = (await createUserInTx(tx, DEMO_ACTOR, { username: 'admin', fullName: 'Quản trị hệ thống', role: 'admin', unitId: await adminUnit(tx), password })).id;
      result.adminCreated = true;
    }
    if (n === 0 && opts.demoData) {
      const ids = await unitIdsByCode(tx);
      const plan2020 = await loadDemoPlan(tx, ids);
      await closeDemoPlan2020(tx, plan2020, adminId!);
      await loadDemoPlan2026(tx, ids);
      const db2 = tx as unknown as Db;
      await recordYear(db2, DEMO_ACTOR, 2025, { replacesRules: true, source: ANNOUNCED_2025.source, daysOff: ANNOUNCED_2025.daysOff, workingWeekendDays: ANNOUNCED_2025.workingWeekendDays });
      // a sample procedure list (labelled MAU.*): names of common procedures, limits for illustration
      const list = seedFile('danh-muc-tthc-mau.csv');
      await importProcedures(db2, DEMO_ACTOR, 'danh-muc-tthc-mau.csv', readFileSync(list), false);
      await recordYear(db2, DEMO_ACTOR, 2026, { replacesRules: false, source: 'Tết Bính Ngọ 2026: nghỉ từ 14/2 đến 22/2 theo thông báo của Chính phủ; các ngày khác theo Bộ luật Lao động 2019, điều 112', daysOff: ANNOUNCED_2026_TET, workingWeekendDays: [] });
      if (opts.demoDossiers !== false) {
        // Long An's dossiers of mid-2023 too, so that its Q3/2023 report (seed 000) has its one-stop figures
        await loadDemoDossiers(db2, DEMO_ACTOR, { count: 700, from: new Date('2023-05-02T08:00:00+07:00'), until: new Date('2023-12-14T17:00:00+07:00'), now: new Date('2023-12-15T08:00:00+07:00'), seed: 2023 });
        await loadDemoDossiers(db2, DEMO_ACTOR);
        result.generatedDvcqgPassword = (await loadDemoDvcqg(db2, new Date(), opts.dvcqgPassword)).generatedPassword;
        await loadDemoSurveys(db2, DEMO_ACTOR, new Date());
      }
      const sets2026: number[] = [];
      for (const set of [DEPARTMENT_SET_2026, COMMUNE_SET_2026]) sets2026.push((await createSet(db2, DEMO_ACTOR, set, new Date('2025-12-15T09:00:00+07:00'))).id);
      if (opts.demoPar !== false) await loadDemoPar(db2, sets2026);
      await loadDemoRegisters(db2, await unitIdsByCode(tx), new Date());
      await loadDemoFeedback(db2, new Date());
      await loadDemoMap(db2, DEMO_ACTOR, new Date());
      await loadDemoIndicators(db2, adminId!, plan2020);
      if (opts.demoReports !== false) await loadDemoReports(db2, adminId!, new Date());
      result.demoLoaded = true;
    }
    return result;
  });
}
