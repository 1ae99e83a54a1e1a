/**
 * The overview's map: unit boundaries the administrator imports as GeoJSON (checked whole, all or nothing,
 * audited; the new layer replaces the old), and each unit's figure to colour it by (on-time rate, PAR index,
 * satisfaction…), read as the overview's tile reads it. The demo's layer is a schematic grid, marked so.
 */
import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { mapLayers, mapShapes, orgUnits } from '../../db/schema.js';
import { readBoundaries } from '../../../domain/map/geojson.js';
import { latestName } from '../../../domain/org/scope.js';
import { AppError } from '../../errors.js';
import { type AuditActor, recordAudit } from '../audit/record.js';
import type { SessionUser } from '../auth/sessions.js';
import { type OverviewQuery, tileByUnit } from './overview.js';

/** The figures a map can be coloured by. */
export const MAP_FIGURES = ['dossiersOnTimeRate', 'dossiersOnlineRate', 'planTasksDone', 'parIndex', 'satisfaction', 'feedbackOnTimeRate'] as const;

export async function importBoundaries(db: Db, actor: AuditActor, input: { name: string; schematic: boolean; text: string }, now: Date) {
  const { shapes, errors } = readBoundaries(input.text);
  const units = await db.select({ id: orgUnits.id, code: orgUnits.code }).from(orgUnits);
  const byCode = new Map(units.map((u) => [u.code, u.id]));
  const unknown = shapes.filter((s) => !byCode.has(s.code)).map((s) => ({ row: s.row, message: `Không có đơn vị mã ${s.code}.` }));
  const all = [...errors, ...unknown];
  if (all.length) throw new AppError(400, 'INVALID_BOUNDARIES', `Tệp ranh giới có ${all.length} lỗi; chưa nhập gì.`, `The boundaries file has ${all.length} errors; nothing was imported.`, { errors: all.slice(0, 200) });
  return db.transaction(async (tx) => {
    await tx.delete(mapLayers);
    const [layer] = await tx.insert(mapLayers).values({ name: input.name, schematic: input.schematic, createdBy: actor.id, createdAt: now }).returning();
    await tx.insert(mapShapes).values(shapes.map((s) => ({ layerId: layer.id, unitId: byCode.get(s.code)!, geometry: s.geometry })));
    await recordAudit(tx, actor, { action: 'map.import', entityType: 'map_layer', entityId: layer.id, after: { name: layer.name, schematic: layer.schematic, units: shapes.length } }, now);
    return { id: layer.id, name: layer.name, schematic: layer.schematic, units: shapes.length };
  });
}

export async function mapOf(db: Db, user: SessionUser, unit: number | undefined, q: OverviewQuery, figure: string, now = new Date()) {
  const [layer] = await db.select().from(mapLayers).orderBy(desc(mapLayers.id)).limit(1);
  const { tile, ctx, values } = await tileByUnit(db, user, unit, q, figure, now);
  const shapes = layer ? await db.select({ unitId: mapShapes.unitId, geometry: mapShapes.geometry }).from(mapShapes).where(eq(mapShapes.layerId, layer.id)) : [];
  const within = new Set(ctx.scope.unitIds);
  const names = new Map(ctx.units.map((u) => [u.id, u.name]));
  return {
    layer: layer ? { id: layer.id, name: layer.name, schematic: layer.schematic } : null,
    figure: { key: tile.key, name: tile.name, nameEn: tile.nameEn, measure: tile.measure, better: tile.better },
    unit: ctx.scope.unit,
    from: ctx.w.from,
    to: ctx.w.periodTo,
    // the shapes of units inside the scope; a unit not alive in the window shows without a figure
    features: shapes
      .filter((s) => within.has(s.unitId))
      .map((s) => ({ unitId: s.unitId, name: names.get(s.unitId) ?? latestName(ctx.h, s.unitId), geometry: s.geometry, value: values.get(s.unitId)?.value ?? null, link: values.get(s.unitId)?.link ?? null })),
  };
}
