/** A tile that is an indicator of the registry (server/modules/indicators): its figure, its link, its units'. */
import { computedIndicator } from '../../indicators/registry.js';
import { figureOf, figuresOfUnits, requireIndicator } from '../../indicators/figures.js';
import type { OverviewContext, TileDef } from '../types.js';

export function indicatorTile(key: string, code: string, o: { better?: 'higher' | 'lower'; link?: (ctx: OverviewContext, unitId: number) => string | null; worst?: boolean } = {}): TileDef {
  const def = computedIndicator(code);
  if (!def) throw new Error(`no indicator ${code}`);
  return {
    key,
    indicator: code,
    name: def.name,
    nameEn: def.nameEn,
    measure: def.measure,
    better: o.better ?? def.better ?? 'higher',
    compute: async (ctx) => {
      const f = await figureOf(ctx.db, await requireIndicator(ctx.db, code), ctx.scope, ctx.w);
      return { value: f.value, numerator: f.numerator ?? null, denominator: f.denominator ?? null, entered: f.entered, link: o.link ? o.link(ctx, ctx.scope.unit.id) : (f.link ?? null), state: f.value === null ? 'no_data' : 'ok' };
    },
    each: o.worst === false ? undefined : async (ctx) => {
      const ids = ctx.units.filter((u) => !def.unitTypes || def.unitTypes.includes(u.type)).map((u) => u.id);
      const figures = await figuresOfUnits(ctx.db, def, ids, ctx.scopeOf, (id) => ({ unit: { id, name: '' }, unitIds: ctx.scopeOf(id), history: async () => ctx.h }), ctx.w);
      return new Map([...figures].map(([id, f]) => [id, { value: f.value, link: o.link ? o.link(ctx, id) : (f.link ?? null) }]));
    },
  };
}
