/** Targets of the window's year met and not met (the targets page's counts, `targetStatus`: the year's reporting window, as targets are judged). */
import { targetStatus } from '../../indicators/targets.js';
import { type OverviewContext, q, type TileDef } from '../types.js';

const status = (ctx: OverviewContext) =>
  ctx.memo('targets', async () => {
    const province = ctx.h.units.find((u) => u.id === ctx.scope.unit.id)?.type === 'province';
    const s = await targetStatus(ctx.db, ctx.w.year, province ? undefined : ctx.scope.unit.id, ctx.now, false);
    return { met: s.targets.reduce((a, t) => a + t.met, 0), notMet: s.targets.reduce((a, t) => a + t.notMet, 0), noData: s.targets.reduce((a, t) => a + t.noData, 0), province };
  });

const link = (ctx: OverviewContext, province: boolean) => `/indicators/targets?${q({ year: ctx.w.year, unit: province ? null : ctx.scope.unit.id })}`;

export const targetsMet: TileDef = {
  key: 'targetsMet',
  name: 'Chỉ tiêu đạt',
  nameEn: 'Targets met',
  measure: 'chỉ tiêu',
  better: 'higher',
  compute: async (ctx) => {
    const s = await status(ctx);
    return { value: s.met, target: s.met + s.notMet + s.noData, link: link(ctx, s.province) };
  },
};

export const targetsMissed: TileDef = {
  key: 'targetsMissed',
  name: 'Chỉ tiêu chưa đạt',
  nameEn: 'Targets not met',
  measure: 'chỉ tiêu',
  better: 'lower',
  compute: async (ctx) => {
    const s = await status(ctx);
    return { value: s.notMet, link: link(ctx, s.province) };
  },
};
