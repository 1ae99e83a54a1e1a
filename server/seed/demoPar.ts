/**
 * Demo PAR rounds, run through the same use cases as users: the 2024 round of Long An's units and the 2025
 * round of Tây Ninh's (self-assessed with evidence, appraised with some adjustments, survey imported, approved
 * and published, so the 2025 ranking compares with 2024 through the merged units), and the 2026 round open
 * for self-assessment today with a few units under way. Scores are generated, labelled as samples.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { users } from '../db/schema.js';
import { addDays, type IsoDate, vietnamDateOf } from '../../domain/org/dates.js';
import { round2 } from '../../domain/par/scoring.js';
import type { ItemInput } from '../../domain/par/scoring.js';
import type { SessionUser } from '../modules/auth/sessions.js';
import { acceptRemaining, addItemEvidence, appraiseItem, getAssessment, type ItemChange, saveItems, submitAssessment } from '../modules/par/assessment.js';
import { createSet } from '../modules/par/criteriaSets.js';
import { approveRound, createRound, getRound, importSurvey, publishRound } from '../modules/par/rounds.js';
import { loadHistory } from '../modules/org/history.js';
import { unitsAsOf } from '../../domain/org/history.js';
import { DEMO_ACTOR } from './demo.js';
import { rng, type Rng } from './dossierGen.js';
import { COMMUNE_SET_2026, DEPARTMENT_SET_2026 } from './parSets.js';

/** A one-page PDF standing for a unit's evidence file. */
const DEMO_PDF = Buffer.from('%PDF-1.4\n% Tài liệu kiểm chứng mẫu (dữ liệu minh họa)\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

const person = (id: number, role: SessionUser['role'], unitId: number): SessionUser => ({ id, username: 'demo', fullName: 'Dữ liệu mẫu', role, unitId, locale: 'vi' });

/** What a unit of quality `q` (0–1) types for an item. */
function demoInput(r: Rng, kind: string, max: number, q: number, perItem = 0.5): ItemInput {
  const jitter = () => Math.min(1, Math.max(0, q + (r.next() - 0.5) * 0.3));
  switch (kind) {
    case 'yes_no':
      return { yes: r.next() < q + 0.08 };
    case 'tiers':
      return { percent: round2(80 + 20 * jitter()) };
    case 'deduction':
      return { count: Math.min(Math.ceil(max / perItem), Math.floor((1 - jitter()) * 4)) };
    default:
      return { value: round2(Math.round(max * jitter() * 4) / 4) };
  }
}

/** An instant on a Vietnamese day at a time of day (HH:MM), `minutes` later. */
const at = (day: IsoDate, hhmm: string, minutes = 0) => new Date(new Date(`${day}T${hhmm}:00+07:00`).getTime() + minutes * 60_000);

interface DemoRoundSpec {
  year: number;
  asOf: IsoDate;
  /** units whose code starts with this (the province of the day) */
  codePrefix: string;
  windows: { selfFrom: IsoDate; selfTo: IsoDate; appraisalFrom: IsoDate; appraisalTo: IsoDate };
  /** the day units score (inside the self-assessment window) */
  selfDay: IsoDate;
  /** the day of the appraisal, or null to leave the round in self-assessment */
  appraisalDay: IsoDate | null;
  /** when the survey points are imported, the results approved and published (finished rounds) */
  surveyAt?: Date;
  approvedAt?: Date;
  publishedAt?: Date;
  /** for a round under way: how many units have submitted, and how many have a draft */
  submitted?: number;
  drafts?: number;
}

async function demoRound(db: Db, spec: DemoRoundSpec, setIds: number[], adminId: number, provinceId: number, seed: number) {
  const r = rng(seed);
  const types = new Set(['department', 'commune']);
  const unitIds = unitsAsOf(await loadHistory(db), spec.asOf)
    .filter((u) => u.code.startsWith(spec.codePrefix) && types.has(u.type))
    .map((u) => u.id);
  const round = await createRound(db, DEMO_ACTOR, { year: spec.year, name: `Chỉ số CCHC năm ${spec.year} (dữ liệu mẫu)`, ...spec.windows, setIds, unitIds, asOf: spec.asOf }, at(addDays(spec.windows.selfFrom, -3), '10:00'));
  const admin = person(adminId, 'admin', provinceId);
  const detail = await getRound(db, admin, round.id);
  const h = await loadHistory(db);
  const finished = spec.appraisalDay !== null;
  const survey: string[] = ['Mã đơn vị,Tên đơn vị,Điểm,Điểm tối đa'];
  for (const [n, u] of detail.units.entries()) {
    const working = finished || n < (spec.submitted ?? 0) + (spec.drafts ?? 0);
    if (!working) continue;
    const head = person(adminId, 'unit_head', u.unitId);
    const q = 0.72 + r.next() * 0.26;
    // each unit works in office hours on its day: scores from 8:00, submission twenty minutes later
    const selfAt = at(spec.selfDay, '08:00', (n * 7) % 200);
    const a = await getAssessment(db, head, round.id, u.unitId, selfAt);
    const todo = finished || n < (spec.submitted ?? 0) ? a.items : a.items.slice(0, Math.ceil(a.items.length / 2));
    const changes: { code: string; change: ItemChange }[] = [];
    for (const item of todo) {
      if (item.inputRule === 'computed') continue;
      const perItem = item.rule.kind === 'deduction' ? item.rule.perItem : 0.5;
      const change: ItemChange = { input: demoInput(r, item.inputRule, item.max, q, perItem) };
      if (item.evidenceRequired) {
        // a file for the first such item, references to records kept on paper for the others
        if (!changes.some((c) => c.change.explanation)) await addItemEvidence(db, head, DEMO_ACTOR, round.id, u.unitId, item.code, { name: `minh-chung-${item.code}.pdf`, data: DEMO_PDF }, selfAt);
        else change.refs = `Quyết định số ${r.int(10, 300)}/QĐ-${spec.year} (bản giấy lưu tại đơn vị)`;
        change.explanation = 'Tài liệu kiểm chứng mẫu (dữ liệu minh họa).';
      }
      changes.push({ code: item.code, change });
    }
    await saveItems(db, head, DEMO_ACTOR, round.id, u.unitId, changes, at(spec.selfDay, '08:00', ((n * 7) % 200) + 5));
    if (!finished && n >= (spec.submitted ?? 0)) continue;
    await submitAssessment(db, head, DEMO_ACTOR, round.id, u.unitId, at(spec.selfDay, '08:00', ((n * 7) % 200) + 20));
    if (!finished) continue;
    const appraiser = person(adminId, 'appraiser', provinceId);
    const appraisalAt = at(spec.appraisalDay!, '08:00', (n * 5) % 200);
    for (const item of a.items) {
      if (item.inputRule !== 'manual' || r.next() >= 0.15) continue;
      const self = changes.find((c) => c.code === item.code)?.change.input;
      if (!self || !('value' in self) || self.value < 0.5) continue;
      const lower = round2(Math.max(0, self.value - 0.25 * r.int(1, 2)));
      await appraiseItem(db, appraiser, DEMO_ACTOR, round.id, u.unitId, item.code, { action: 'adjust', input: { value: lower }, reason: 'Tài liệu kiểm chứng chưa chứng minh đầy đủ kết quả tự chấm.' }, appraisalAt);
    }
    await acceptRemaining(db, appraiser, DEMO_ACTOR, round.id, u.unitId, at(spec.appraisalDay!, '08:00', ((n * 5) % 200) + 4));
    survey.push(`${h.units.find((x) => x.id === u.unitId)!.code},${u.unitName.replace(/,/g, ' ')},${Math.min(100, round2(60 + q * 36 + r.next() * 4))},100`);
  }
  if (!finished) return round.id;
  await importSurvey(db, DEMO_ACTOR, round.id, { name: 'diem-dieu-tra-mau.csv', data: Buffer.from(survey.join('\n')) }, false, spec.surveyAt);
  await approveRound(db, admin, DEMO_ACTOR, round.id, spec.approvedAt);
  await publishRound(db, admin, DEMO_ACTOR, round.id, spec.publishedAt);
  return round.id;
}

/** `sets2026`: the sample sets already loaded (department, commune); earlier years get copies. */
export async function loadDemoPar(db: Db, sets2026: number[], now = new Date()) {
  const [admin] = await db.select().from(users).where(eq(users.username, 'admin'));
  const h = await loadHistory(db);
  const province = h.units.find((u) => u.code === 'TN') ?? h.units[0];
  const setsFor = async (year: number) => {
    const ids: number[] = [];
    for (const set of [DEPARTMENT_SET_2026, COMMUNE_SET_2026]) ids.push((await createSet(db, DEMO_ACTOR, { ...set, year, name: set.name.replace('2026', String(year)) }, at(`${year}-12-15`, '09:00'))).id);
    return ids;
  };
  // 2024: Long An's departments and communes, assessed in early 2025
  await demoRound(db, { year: 2024, asOf: '2025-01-02', codePrefix: 'LA.', windows: { selfFrom: '2025-01-02', selfTo: '2025-01-31', appraisalFrom: '2025-02-03', appraisalTo: '2025-03-14' }, selfDay: '2025-01-20', appraisalDay: '2025-02-20', surveyAt: at('2025-03-03', '14:00'), approvedAt: at('2025-03-12', '15:30'), publishedAt: at('2025-03-20', '09:00') }, await setsFor(2024), admin.id, province.id, 2024);
  // 2025: Tây Ninh's units after the reform, assessed in early 2026
  await demoRound(db, { year: 2025, asOf: '2026-01-05', codePrefix: 'TN.', windows: { selfFrom: '2026-01-05', selfTo: '2026-01-30', appraisalFrom: '2026-02-02', appraisalTo: '2026-03-13' }, selfDay: '2026-01-20', appraisalDay: '2026-02-25', surveyAt: at('2026-03-04', '14:00'), approvedAt: at('2026-03-11', '15:30'), publishedAt: at('2026-03-19', '09:00') }, await setsFor(2025), admin.id, province.id, 2025);
  // 2026: open today, a few units under way (their work dated on the last weekday before today)
  const today = vietnamDateOf(now);
  let workDay = addDays(today, -1);
  while ([0, 6].includes(new Date(`${workDay}T12:00:00Z`).getUTCDay())) workDay = addDays(workDay, -1);
  await demoRound(
    db,
    { year: 2026, asOf: addDays(today, -10), codePrefix: 'TN.', windows: { selfFrom: addDays(today, -10), selfTo: addDays(today, 30), appraisalFrom: addDays(today, -10), appraisalTo: addDays(today, 60) }, selfDay: workDay, appraisalDay: null, submitted: 2, drafts: 3 },
    sets2026,
    admin.id,
    province.id,
    2026,
  );
}
