/**
 * Demo satisfaction surveys, through the same use cases as the screens: the sample questionnaire (labelled as
 * a sample), answers to part of the dossiers returned in the last months, each given a few hours to days
 * after its result was returned (never later than now), a campaign at the justice department over this
 * quarter with paper forms entered on days inside its window, and the publicity dates of the finance
 * department's procedures (one announced late).
 */
import { and, eq, gte, isNotNull, like, or } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { dossiers, orgUnits, procedures } from '../db/schema.js';
import type { AuditActor } from '../modules/audit/record.js';
import { ensureSampleQuestionnaire, definitionOf } from '../modules/surveys/questionnaires.js';
import { answerCampaign, answerDossier, createCampaign } from '../modules/surveys/responses.js';
import { setPublicity } from '../modules/procedures/procedures.js';
import { addDays, vietnamDateOf } from '../../domain/org/dates.js';
import type { QuestionnaireDef } from '../../domain/surveys/questionnaire.js';
import { rng } from './dossierGen.js';

type R = ReturnType<typeof rng>;

/** Mostly satisfied answers, a few unhappy respondents. */
function answersFor(def: QuestionnaireDef, r: R) {
  const unhappy = r.next() < 0.08;
  return def.questions.map((q) => {
    const options = def.scales.find((s) => s.key === q.scale)!.options;
    const x = r.next();
    // options go from the worst to the best: unhappy respondents pick among the worst three, others mostly the best
    const i = unhappy ? Math.floor(x * 3) : options.length - 1 - Math.floor(x * x * 3);
    return { questionId: q.id, value: options[Math.max(0, Math.min(options.length - 1, i))].value };
  });
}

export async function loadDemoSurveys(db: Db, actor: AuditActor, now = new Date()) {
  const q = await ensureSampleQuestionnaire(db, actor);
  const def = definitionOf(q);
  const r = rng(2640);
  const since = new Date(now.getTime() - 150 * 86_400_000);
  const returned = await db
    .select({ code: dossiers.code, endAt: dossiers.endAt })
    .from(dossiers)
    .where(and(eq(dossiers.status, 'returned'), isNotNull(dossiers.endAt), gte(dossiers.endAt, since), or(like(dossiers.sourceSystem, 'demo-%'))))
    .orderBy(dossiers.endAt, dossiers.id);
  let answered = 0;
  for (const d of returned) {
    if (r.next() > 0.12) continue;
    const at = new Date(d.endAt!.getTime() + (2 + r.next() * 70) * 3600_000);
    if (at.getTime() > now.getTime() - 60_000) continue;
    await answerDossier(db, d.code, answersFor(def, r), at);
    answered++;
  }

  // a campaign at the justice department over this quarter, its paper forms entered by staff
  const [stp] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, 'TN.STP'));
  let campaign = 0;
  if (stp) {
    const today = vietnamDateOf(now);
    const y = Number(today.slice(0, 4));
    const qs = Number(today.slice(5, 7)) - ((Number(today.slice(5, 7)) - 1) % 3);
    const opensOn = `${y}-${String(qs).padStart(2, '0')}-01`;
    const closesOn = addDays(qs === 10 ? `${y + 1}-01-01` : `${y}-${String(qs + 3).padStart(2, '0')}-01`, -1);
    const c = await createCampaign(db, actor, { name: 'Khảo sát sự hài lòng tại Bộ phận một cửa Sở Tư pháp (mẫu)', unitId: stp.id, opensOn, closesOn, sampleSize: 60 });
    const days = Math.max(1, Math.round((new Date(`${today}T00:00:00Z`).getTime() - new Date(`${opensOn}T00:00:00Z`).getTime()) / 86_400_000));
    for (let i = 0; i < 24; i++) {
      const answeredOn = addDays(opensOn, Math.floor(r.next() * days));
      await answerCampaign(db, c.id, answersFor(def, r), actor, now, answeredOn > today ? today : answeredOn);
      campaign++;
    }
  }

  // publicity of the finance department's sample procedures: announced and published, one announced late
  const [stc] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, 'TN.STC'));
  let announced = 0;
  if (stc) {
    const mine = await db.select({ code: procedures.code }).from(procedures).where(and(eq(procedures.agencyUnitId, stc.id), like(procedures.code, 'MAU.%'))).orderBy(procedures.code);
    for (const [i, p] of mine.entries()) {
      const late = i === 0;
      await setPublicity(db, actor, p.code, { decisionNo: `${1200 + i}/QĐ-UBND (mẫu)`, announcedOn: late ? '2025-06-27' : '2025-06-20', effectiveOn: '2025-07-01', publishedOn: late ? '2025-07-03' : '2025-06-25' });
      announced++;
    }
  }
  return { answered, campaign, announced };
}
