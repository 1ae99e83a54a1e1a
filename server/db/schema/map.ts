/** Unit boundaries for the overview's map: one layer at a time, imported by the administrator as GeoJSON. */
import { boolean, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';
import { orgUnits } from './org.js';

export const mapLayers = pgTable('map_layers', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  name: text('name').notNull(),
  /** a schematic drawing (the demo's grid), not real boundaries: the map says so */
  schematic: boolean('schematic').notNull().default(false),
  createdBy: integer('created_by'),
  createdAt: createdAt(),
});

export const mapShapes = pgTable('map_shapes', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  layerId: integer('layer_id')
    .notNull()
    .references(() => mapLayers.id, { onDelete: 'cascade' }),
  unitId: integer('unit_id')
    .notNull()
    .references(() => orgUnits.id),
  /** a GeoJSON Polygon or MultiPolygon, coordinates rounded to 5 decimals */
  geometry: jsonb('geometry').notNull(),
});
