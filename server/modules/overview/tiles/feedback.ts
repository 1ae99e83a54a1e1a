/**
 * Citizens' feedback handled on time — SLOT. The feedback module (another branch) provides
 * `feedbackFigures(db, unitIds, from, to) → { onTimeRate, openLate, … }`; when it is merged, compute becomes:
 *
 *   const f = await feedbackFigures(ctx.db, ctx.scope.unitIds, ctx.w.from, ctx.w.to);
 *   return { value: f.onTimeRate, link: `/feedback?${q({ unit: ctx.scope.unit.id, from: ctx.w.from, to: ctx.w.to })}` };
 *
 * Until then the tile says "chưa có dữ liệu" (no fake number).
 */
import type { TileDef } from '../types.js';

export const feedbackOnTimeRate: TileDef = {
  key: 'feedbackOnTimeRate',
  name: 'Phản ánh, kiến nghị xử lý đúng hạn',
  nameEn: 'Feedback handled on time',
  measure: '%',
  better: 'higher',
  compute: async () => ({ value: null, link: null, state: 'no_data', note: 'chưa có dữ liệu' }),
};

export const feedbackOpenLate: TileDef = {
  key: 'feedbackOpenLate',
  name: 'Phản ánh, kiến nghị quá hạn chưa xử lý',
  nameEn: 'Feedback open past the deadline',
  measure: 'phản ánh',
  better: 'lower',
  compute: async () => ({ value: null, link: null, state: 'no_data', note: 'chưa có dữ liệu' }),
};
