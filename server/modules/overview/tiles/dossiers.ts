/** The one-stop tiles: the dashboard's report (server/modules/dossiers/stats.ts), read once for all of them. */
import type { OneStopReport } from '../../../../domain/dossiers/report.js';
import { oneStopReport, reportsOfUnits } from '../../dossiers/stats.js';
import { type OverviewContext, q, type TileDef } from '../types.js';

const report = (ctx: OverviewContext) => ctx.memo('oneStop', () => oneStopReport(ctx.db, ctx.scope, ctx.w.from, ctx.w.to, ctx.w.at));
const reports = (ctx: OverviewContext) =>
  ctx.memo('oneStopEach', () =>
    reportsOfUnits(
      ctx.db,
      ctx.units.map((u) => u.id),
      ctx.scopeOf,
      ctx.w.from,
      ctx.w.to,
      ctx.w.at,
    ),
  );

/** the dashboard of the unit and window, and a unit's dossiers of one category */
export const dashboardLink = (ctx: OverviewContext, unitId = ctx.scope.unit.id) => `/dossiers?${q({ unit: unitId, from: ctx.w.from, to: ctx.w.to })}`;
export const listLink = (ctx: OverviewContext, unitId: number, category: string) => `/dossiers/list?${q({ unit: unitId, from: ctx.w.from, to: ctx.w.to, category })}`;

function fromReport(key: string, indicator: string, name: string, nameEn: string, measure: string, better: 'higher' | 'lower', pick: (r: OneStopReport) => { value: number | null; numerator?: number | null; denominator?: number | null }, worstCategory: string | null): TileDef {
  return {
    key,
    indicator,
    name,
    nameEn,
    measure,
    better,
    compute: async (ctx) => ({ ...pick(await report(ctx)), link: dashboardLink(ctx) }),
    // a count of dossiers received ranks no unit worse than another (worstCategory null)
    each: worstCategory ? async (ctx) => new Map([...(await reports(ctx))].map(([id, r]) => [id, { value: pick(r).value, link: listLink(ctx, id, worstCategory) }])) : undefined,
  };
}

export const dossiersOnTimeRate = fromReport('dossiersOnTimeRate', 'dossiers.onTimeRate', 'Hồ sơ giải quyết trước và đúng hạn', 'Dossiers resolved on time', '%', 'higher', (r) => ({ value: r.onTimeRate, numerator: r.early + r.onTime, denominator: r.resolved }), 'late');
export const dossiersOnlineRate = fromReport('dossiersOnlineRate', 'dossiers.onlineRate', 'Hồ sơ nộp trực tuyến', 'Dossiers submitted online', '%', 'higher', (r) => ({ value: r.onlineRate, numerator: r.receivedOnline, denominator: r.received }), 'received');
export const dossiersReceived = fromReport('dossiersReceived', 'dossiers.received', 'Hồ sơ tiếp nhận', 'Dossiers received', 'hồ sơ', 'higher', (r) => ({ value: r.received }), null);
export const dossiersOpenLate = fromReport('dossiersOpenLate', 'dossiers.inProgressLate', 'Hồ sơ đang giải quyết quá hạn', 'Open dossiers past the deadline', 'hồ sơ', 'lower', (r) => ({ value: r.inProgressLate }), 'in_progress_late');
