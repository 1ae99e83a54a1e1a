/**
 * The periodic reports of the period (the reports page's list, `listReports`): submitted and not yet, of the
 * units within the scope. The period is the overview's when it is a reporting period (Q1, 6M, Q3, 9M, year),
 * otherwise the year of the window's end.
 */
import { parseReportingPeriod } from '../../../../domain/periods/reporting.js';
import { listReports } from '../../reports/reports.js';
import { provincesOn } from '../../org/scope.js';
import { type OverviewContext, q, type TileDef } from '../types.js';

export const reportPeriodOf = (ctx: OverviewContext) => {
  const k = ctx.w.key;
  return k && /^\d{4}(-(Q1|6M|Q3|9M))?$/.test(k) && parseReportingPeriod(k) ? k : String(ctx.w.year);
};

const list = (ctx: OverviewContext) =>
  ctx.memo('reports', async () => {
    const period = reportPeriodOf(ctx);
    const p = parseReportingPeriod(period)!;
    const province = provincesOn(ctx.h, p.to).find((x) => ctx.scopeOf(x.id).some((id) => ctx.scope.unitIds?.includes(id))) ?? provincesOn(ctx.h, p.to)[0];
    const r = await listReports(ctx.db, ctx.user, period, province?.id, ctx.now);
    const within = new Set(ctx.scope.unitIds ?? []);
    const own = ctx.scope.unit.id === province?.id ? null : ctx.scope.unit.id;
    // a unit's overview: its own report (the units below a district are not its to report for)
    const units = r.units.filter((u) => (own ? u.unitId === own : within.has(u.unitId)));
    return { period, units, submitted: units.filter((u) => u.state === 'submitted'), province: province?.id ?? null, own };
  });

/** the period's list of the province; a unit's own report when the overview is of a unit */
const link = (r: { period: string; province: number | null; own: number | null }) => (r.own ? `/reports/${r.period}/units/${r.own}` : `/reports?${q({ period: r.period, province: r.province })}`);

export const reportsSubmitted: TileDef = {
  key: 'reportsSubmitted',
  name: 'Báo cáo CCHC của kỳ đã gửi',
  nameEn: 'Periodic reports submitted',
  measure: 'báo cáo',
  better: 'higher',
  compute: async (ctx) => {
    const r = await list(ctx);
    return { value: r.submitted.length, target: r.units.length, link: link(r), note: `kỳ ${r.period}` };
  },
};

export const reportsMissing: TileDef = {
  key: 'reportsMissing',
  name: 'Đơn vị chưa gửi báo cáo',
  nameEn: 'Units that have not submitted',
  measure: 'đơn vị',
  better: 'lower',
  compute: async (ctx) => {
    const r = await list(ctx);
    return { value: r.units.length - r.submitted.length, link: link(r), note: `kỳ ${r.period}` };
  },
  // the worst units on it are those that have not submitted (value 1)
  each: async (ctx) => {
    const r = await list(ctx);
    return new Map(r.units.map((u) => [u.unitId, { value: u.state === 'submitted' ? 0 : 1, link: link(r) }]));
  },
};
