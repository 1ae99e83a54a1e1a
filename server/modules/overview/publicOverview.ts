/**
 * The public portal's figures (GET /api/public/overview): the province's on-time and online rates this year
 * and last, its 766 index, the latest published PAR ranking's summary. Only published or aggregate data: no
 * dossier, no person, no draft, no round that is not published; feedback handled on time and satisfaction as
 * aggregates of the year. Kept for a few minutes and until a publication (one computation per interval
 * whatever the traffic).
 */
import { oneStopReport, index766 } from '../dossiers/stats.js';
import type { Db } from '../../db/client.js';
import { parsePeriod } from '../../../domain/periods/period.js';
import { vietnamDateOf } from '../../../domain/org/dates.js';
import { checkRange } from '../dossiers/stats.js';
import { loadHistory } from '../org/history.js';
import { provincesOn, resolveScope } from '../org/scope.js';
import { publicRanking, publishedRounds } from '../par/results.js';
import { score766 } from './tiles/index766.js';
import { feedbackPercent } from './tiles/feedback.js';
import { figuresOf } from '../feedback/counters.js';
import { satisfactionIndex } from '../surveys/satisfaction.js';
import { publicVersion } from '../public/version.js';

const TTL_MS = 5 * 60 * 1000;
let generation = 0;

/**
 * The version the figures are kept under (server/http/publicCache.ts): the public pages' version (a
 * publication shows at once), a new one every five minutes (the dossier and feedback figures follow what
 * comes in within that), and a generation `forgetPublicOverview` moves.
 */
export async function publicOverviewVersion(db: Db, now = Date.now()) {
  return `${await publicVersion.current(db, now)}:${Math.floor(now / TTL_MS)}:${generation}`;
}

/** Forget the kept figures (tests). */
export const forgetPublicOverview = () => generation++;

export async function publicOverview(db: Db, now = new Date()) {
  const today = vietnamDateOf(now);
  const year = Number(today.slice(0, 4));
  const h = await loadHistory(db);
  const province = provincesOn(h, today)[0];
  const scope = await resolveScope(db, province?.id);
  const yearFigures = async (y: number) => {
    const { from, to, at } = checkRange(`${y}-01-01`, `${y}-12-31`, now);
    const r = await oneStopReport(db, scope, from, to, at);
    return { year: y, from, to, received: r.received, resolved: r.resolved, onTimeRate: r.onTimeRate, onlineRate: r.onlineRate };
  };
  const idx = await index766(db, scope, parsePeriod(String(year))!, now);
  const rounds = await publishedRounds(db);
  const latest = rounds[0] ? await publicRanking(db, rounds[0].id) : null;
  const ranked = latest ? [...latest.units].filter((u) => u.index !== null).sort((a, b) => (b.index ?? 0) - (a.index ?? 0)) : [];
  const groups = new Map<string, number>();
  for (const u of ranked) if (u.group) groups.set(u.group, (groups.get(u.group) ?? 0) + 1);
  return {
    province: province ? { id: province.id, name: province.name } : null,
    asOf: today,
    dossiers: [await yearFigures(year), await yearFigures(year - 1)],
    index766: { year, score: score766(idx), complete: idx.complete, band: idx.band ?? idx.estimate?.band ?? null },
    par: latest
      ? {
          roundId: latest.round.id,
          year: latest.round.year,
          name: latest.round.name,
          publishedAt: latest.round.publishedAt,
          units: ranked.length,
          mean: ranked.length ? Math.round((ranked.reduce((a, u) => a + (u.index ?? 0), 0) / ranked.length) * 100) / 100 : null,
          groups: Object.fromEntries(groups),
          top: ranked.slice(0, 3).map((u) => ({ unitName: u.unitName, unitType: u.unitType, index: u.index, rank: u.rank })),
        }
      : null,
    // feedback of this year handled on time (open items past their deadline count as late), as the staff figures page
    feedback: await (async () => {
      const f = await figuresOf(db, scope.unitIds, `${year}-01-01`, today, now);
      return { year, received: f.received, onTimeRate: feedbackPercent(f.onTimeRate) };
    })(),
    // the satisfaction index of this year's survey answers (the questionnaire in use; none: no figure)
    satisfaction: await (async () => {
      const x = await satisfactionIndex(db, scope.unitIds, `${year}-01-01`, today).catch(() => null);
      return x ? { year, answers: x.overall.answers, value: x.overall.index } : null;
    })(),
  };
}
