/**
 * The PAR index of the latest round published by the window's end (the results page's index; the province's:
 * the mean of its units', as the `par.index` indicator combines them). The round's results are read once for
 * the figure and the worst units.
 */
import { combine } from '../../../../domain/indicators/indicator.js';
import { latestPublished } from '../../par/indicators.js';
import type { OverviewContext, TileDef } from '../types.js';

const results = (ctx: OverviewContext) => ctx.memo('parLatest', () => latestPublished(ctx.db, ctx.w));

export const parIndex: TileDef = {
  key: 'parIndex',
  indicator: 'par.index',
  name: 'Chỉ số CCHC',
  nameEn: 'PAR index',
  measure: '%',
  better: 'higher',
  compute: async (ctx) => {
    const r = await results(ctx);
    if (!r) return { value: null, link: null, state: 'no_data' };
    const link = `/par/rounds/${r.round.id}/results`;
    const mine = r.units.find((u) => u.unitId === ctx.scope.unit.id);
    if (mine) return { value: mine.index, link, note: r.round.name };
    const within = new Set(ctx.scope.unitIds);
    return { ...combine('average', r.units.filter((u) => within.has(u.unitId)).map((u) => ({ value: u.index }))), link, note: r.round.name };
  },
  each: async (ctx) => {
    const r = await results(ctx);
    const link = r ? `/par/rounds/${r.round.id}/results` : null;
    return new Map(ctx.units.map((u) => [u.id, { value: r?.units.find((x) => x.unitId === u.id)?.index ?? null, link }]));
  },
};
