import { describe, expect, it } from 'vitest';
import { MAP_LIMITS, readBoundaries, schematicGrid } from './geojson.js';

const square = [[[106, 10], [106.1, 10], [106.1, 10.1], [106, 10.1], [106, 10]]];
const fc = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const feat = (code: unknown, geometry: unknown) => ({ type: 'Feature', properties: { code }, geometry });

describe('reading unit boundaries (GeoJSON)', () => {
  it('reads Polygons and MultiPolygons with their unit codes, rounded to 5 decimals', () => {
    const r = readBoundaries(fc([feat('TN.PLONGAN', { type: 'Polygon', coordinates: [[[106.123456, 10.5], [106.2, 10.5], [106.2, 10.6], [106.123456, 10.5]]] }), feat('TN.X', { type: 'MultiPolygon', coordinates: [square, square] })]));
    expect(r.errors).toEqual([]);
    expect(r.shapes.map((s) => [s.code, s.geometry.type])).toEqual([['TN.PLONGAN', 'Polygon'], ['TN.X', 'MultiPolygon']]);
    expect(r.shapes[0].geometry.coordinates[0][0]).toEqual([106.12346, 10.5]);
  });

  it.each([
    ['not JSON', '{', null, /JSON/],
    ['not a FeatureCollection', JSON.stringify({ type: 'Feature' }), null, /FeatureCollection/],
    ['no feature', fc([]), null, /không có đối tượng/],
    ['a feature without a code', fc([feat('', { type: 'Polygon', coordinates: square })]), 1, /properties.code/],
    ['the same code twice', fc([feat('A', { type: 'Polygon', coordinates: square }), feat('A', { type: 'Polygon', coordinates: square })]), 2, /đã có ở đối tượng thứ 1/],
    ['a point', fc([feat('A', { type: 'Point', coordinates: [106, 10] })]), 1, /Polygon hoặc MultiPolygon/],
    ['a ring not closed', fc([feat('A', { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] })]), 1, /khép kín/],
    ['a ring of 3 points', fc([feat('A', { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] })]), 1, /ít nhất 4 điểm/],
    ['a latitude out of range', fc([feat('A', { type: 'Polygon', coordinates: [[[0, 0], [1, 95], [1, 1], [0, 0]]] })]), 1, /ngoài phạm vi/],
    ['text as a coordinate', fc([feat('A', { type: 'Polygon', coordinates: [[['a', 0], [1, 0], [1, 1], ['a', 0]]] })]), 1, /cặp số/],
  ])('%s is refused with a Vietnamese message', (_n, text, row, message) => {
    const r = readBoundaries(text);
    expect(r.errors[0].row).toBe(row);
    expect(r.errors[0].message).toMatch(message);
  });

  it('every feature is checked: the good ones read, each bad one listed with its position', () => {
    const r = readBoundaries(fc([feat('A', { type: 'Polygon', coordinates: square }), feat('B', { type: 'Point', coordinates: [0, 0] })]));
    expect(r.shapes.map((x) => x.code)).toEqual(['A']);
    expect(r.errors).toEqual([{ row: 2, message: expect.stringMatching(/Polygon/) }]);
  });

  it('caps the number of features and the size', () => {
    const many = Array.from({ length: MAP_LIMITS.features + 1 }, (_, i) => feat(`U${i}`, { type: 'Polygon', coordinates: square }));
    expect(readBoundaries(fc(many)).errors[0].message).toMatch(/tối đa 2000/);
    expect(readBoundaries(' '.repeat(MAP_LIMITS.bytes + 1)).errors[0].message).toMatch(/MB/);
  });

  it('the schematic grid is valid GeoJSON, one square per unit', () => {
    const r = readBoundaries(schematicGrid([{ code: 'A', name: 'Xã A' }, { code: 'B', name: 'Xã B' }, { code: 'C', name: 'Xã C' }]));
    expect(r.errors).toEqual([]);
    expect(r.shapes.map((s) => s.code)).toEqual(['A', 'B', 'C']);
  });
});
