/**
 * The Decision 766 index of the unit for a calendar period (the index is defined by month, quarter and year):
 * the overview's period when it is one, otherwise the year of the window's end. Read by `index766` as the
 * 766 page reads it. Its score is the total when every component has data, otherwise the estimate.
 */
import { parsePeriod } from '../../../../domain/periods/period.js';
import { checkRange, index766, index766Of, oneStopReport } from '../../dossiers/stats.js';
import { type OverviewContext, q, type TileDef } from '../types.js';

export const periodOf766 = (ctx: OverviewContext) => (ctx.w.calendar && ctx.w.key && parsePeriod(ctx.w.key) ? ctx.w.key : String(ctx.w.year));
const BAND_VI: Record<string, string> = { excellent: 'xuất sắc', good: 'tốt', fair: 'khá', average: 'trung bình', weak: 'yếu' };

export const score766 = (idx: { total: number; complete: boolean; estimate: { score: number } | null }) => (idx.complete ? idx.total : (idx.estimate?.score ?? null));

export const index766Tile: TileDef = {
  key: 'index766',
  name: 'Chỉ số phục vụ người dân, doanh nghiệp (QĐ 766)',
  nameEn: 'Service index (Decision 766)',
  measure: 'điểm',
  better: 'higher',
  compute: async (ctx) => {
    const period = periodOf766(ctx);
    const p = parsePeriod(period)!;
    const r = checkRange(p.from, p.to, ctx.now);
    // the window is the 766 period: index766's own computation, from the one-stop report the other tiles read
    const idx =
      r.from === ctx.w.from && r.to === ctx.w.to
        ? await index766Of(ctx.db, ctx.scope, r.from, r.to, r.at, await ctx.memo('oneStop', () => oneStopReport(ctx.db, ctx.scope, ctx.w.from, ctx.w.to, ctx.w.at)))
        : await index766(ctx.db, ctx.scope, p, ctx.now);
    return {
      value: score766(idx),
      link: `/index766?${q({ unit: ctx.scope.unit.id, period })}`,
      note: `${idx.complete ? '' : 'ước tính trên các thành phần có số liệu; '}kỳ ${period}${idx.band ?? idx.estimate?.band ? `; xếp loại ${BAND_VI[(idx.band ?? idx.estimate?.band)!] ?? ''}` : ''}`,
      state: score766(idx) === null ? 'no_data' : 'ok',
    };
  },
};
