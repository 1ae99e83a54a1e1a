/**
 * Satisfaction of citizens and businesses: the overall index of the survey answers of the window (the one in
 * use's formula), read from the survey counters as the results page (GET /api/satisfaction) reads them.
 */
import { satisfactionIndex, satisfactionOfUnits } from '../../surveys/satisfaction.js';
import { type OverviewContext, q, type TileDef } from '../types.js';

const link = (ctx: OverviewContext, unitId = ctx.scope.unit.id) => `/surveys/results?${q({ unit: unitId, from: ctx.w.from, to: ctx.w.to })}`;

export const satisfaction: TileDef = {
  key: 'satisfaction',
  indicator: 'surveys.satisfaction',
  name: 'Mức độ hài lòng của người dân, doanh nghiệp',
  nameEn: 'Satisfaction',
  measure: '%',
  better: 'higher',
  compute: async (ctx) => {
    // no questionnaire in use: no survey, no figure
    const x = await satisfactionIndex(ctx.db, ctx.scope.unitIds, ctx.w.from, ctx.w.to).catch(() => null);
    if (!x) return { value: null, link: null, state: 'no_data', note: 'chưa có phiếu khảo sát' };
    return { value: x.overall.index, numerator: null, denominator: x.overall.answers, link: link(ctx), state: x.overall.index === null ? 'no_data' : 'ok', note: x.overall.smallSample ? 'mẫu nhỏ' : null };
  },
  each: async (ctx) => {
    const m = await satisfactionOfUnits(ctx.db, ctx.units.map((u) => u.id), ctx.scopeOf, ctx.w.from, ctx.w.to);
    return new Map([...m].map(([id, v]) => [id, { value: v.index, link: link(ctx, id) }]));
  },
};
