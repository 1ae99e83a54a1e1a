/**
 * The demo's map layer: a schematic grid, one square per commune and ward of today's province, imported
 * through the same use case as the administrator's GeoJSON — labelled as a drawing, since no real boundaries
 * of the sample's units can honestly be made.
 */
import type { Db } from '../db/client.js';
import { schematicGrid } from '../../domain/map/geojson.js';
import { unitsAsOf } from '../../domain/org/history.js';
import { vietnamDateOf } from '../../domain/org/dates.js';
import type { AuditActor } from '../modules/audit/record.js';
import { loadHistory } from '../modules/org/history.js';
import { provincesOn } from '../modules/org/scope.js';
import { importBoundaries } from '../modules/overview/map.js';

export const DEMO_MAP_NAME = 'Sơ đồ minh họa dạng lưới – không phải ranh giới hành chính thật';

export async function loadDemoMap(db: Db, actor: AuditActor, now: Date) {
  const h = await loadHistory(db);
  const today = vietnamDateOf(now);
  const province = provincesOn(h, today)[0];
  if (!province) return null;
  const alive = unitsAsOf(h, today);
  const below = new Set<number>([province.id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of alive) if (u.parentId !== null && below.has(u.parentId) && !below.has(u.id)) (below.add(u.id), (grew = true));
  }
  const communes = alive.filter((u) => u.type === 'commune' && below.has(u.id)).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  if (!communes.length) return null;
  return importBoundaries(db, actor, { name: DEMO_MAP_NAME, schematic: true, text: schematicGrid(communes) }, now);
}
