/**
 * Citizens' feedback (PAKN): handled on time (open items past their deadline count as late) and open past the
 * deadline, read from the feedback counters exactly as the figures page (GET /api/feedback/stats) reads them.
 */
import { figuresOf } from '../../feedback/counters.js';
import { type OverviewContext, q, type TileDef } from '../types.js';

const figures = (ctx: OverviewContext) => ctx.memo('feedback', () => figuresOf(ctx.db, ctx.scope.unitIds, ctx.w.from, ctx.w.to, ctx.now));
const link = (ctx: OverviewContext) => `/feedback/figures?${q({ unit: ctx.scope.unit.id, from: ctx.w.from, to: ctx.w.to })}`;
/** the page shows the rate as a percentage of the counts; two decimals, as every rate of the overview */
export const feedbackPercent = (rate: number | null) => (rate === null ? null : Math.round(rate * 10_000) / 100);

export const feedbackOnTimeRate: TileDef = {
  key: 'feedbackOnTimeRate',
  indicator: 'feedback.onTimeRate',
  name: 'Phản ánh, kiến nghị xử lý đúng hạn',
  nameEn: 'Feedback handled on time',
  measure: '%',
  better: 'higher',
  compute: async (ctx) => {
    const f = await figures(ctx);
    return { value: feedbackPercent(f.onTimeRate), numerator: f.onTime, denominator: f.onTime + f.late + f.openLate, link: link(ctx), state: f.onTimeRate === null ? 'no_data' : 'ok' };
  },
};

export const feedbackOpenLate: TileDef = {
  key: 'feedbackOpenLate',
  name: 'Phản ánh, kiến nghị quá hạn chưa xử lý',
  nameEn: 'Feedback open past the deadline',
  measure: 'phản ánh',
  better: 'lower',
  compute: async (ctx) => ({ value: (await figures(ctx)).openLate, link: link(ctx) }),
};
