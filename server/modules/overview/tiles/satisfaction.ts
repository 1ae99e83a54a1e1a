/**
 * Satisfaction (surveys) — SLOT. The surveys module (another branch) serves GET /api/satisfaction; when it is
 * merged, compute reads its function for the scope and window and links to its page. Until then the tile says
 * "chưa có dữ liệu" (no fake number).
 */
import type { TileDef } from '../types.js';

export const satisfaction: TileDef = {
  key: 'satisfaction',
  name: 'Mức độ hài lòng của người dân, doanh nghiệp',
  nameEn: 'Satisfaction',
  measure: '%',
  better: 'higher',
  compute: async () => ({ value: null, link: null, state: 'no_data', note: 'chưa có dữ liệu' }),
};
