/**
 * Unit boundaries imported as GeoJSON: a FeatureCollection whose features are Polygons or MultiPolygons, each
 * naming its unit by `properties.code` (the unit's code, e.g. TN.PLONGAN) — checked whole, with an error per
 * feature in Vietnamese, and capped so that a map stays light on a phone (features, points, bytes).
 */
export const MAP_LIMITS = { bytes: 5 * 1024 * 1024, features: 2000, points: 200_000, pointsPerFeature: 20_000 } as const;

export type Position = [number, number];
export type Geometry = { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };

export interface ShapeIn {
  /** 1-based position of the feature in the file */
  row: number;
  code: string;
  name: string | null;
  geometry: Geometry;
}

export interface ShapeError {
  row: number | null;
  message: string;
}

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

function ring(r: unknown, row: number, errors: ShapeError[]): Position[] | null {
  if (!Array.isArray(r) || r.length < 4) {
    errors.push({ row, message: 'Mỗi vòng của đa giác cần ít nhất 4 điểm (điểm cuối trùng điểm đầu).' });
    return null;
  }
  const out: Position[] = [];
  for (const p of r) {
    if (!Array.isArray(p) || p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      errors.push({ row, message: 'Tọa độ phải là cặp số [kinh độ, vĩ độ].' });
      return null;
    }
    if (Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) {
      errors.push({ row, message: `Tọa độ [${p[0]}, ${p[1]}] nằm ngoài phạm vi kinh độ ±180, vĩ độ ±90.` });
      return null;
    }
    out.push([round5(p[0]), round5(p[1])]);
  }
  const [a, b] = [out[0], out[out.length - 1]];
  if (a[0] !== b[0] || a[1] !== b[1]) {
    errors.push({ row, message: 'Vòng của đa giác phải khép kín (điểm cuối trùng điểm đầu).' });
    return null;
  }
  return out;
}

function polygon(rings: unknown, row: number, errors: ShapeError[]): Position[][] | null {
  if (!Array.isArray(rings) || rings.length === 0) {
    errors.push({ row, message: 'Đa giác không có tọa độ.' });
    return null;
  }
  const out: Position[][] = [];
  for (const r of rings) {
    const x = ring(r, row, errors);
    if (!x) return null;
    out.push(x);
  }
  return out;
}

const countPoints = (g: Geometry) => (g.type === 'Polygon' ? g.coordinates.flat().length : g.coordinates.flat(2).length);

/** The features of a GeoJSON text that are valid, and the errors of the others (an import saves nothing while there is one). */
export function readBoundaries(text: string): { shapes: ShapeIn[]; errors: ShapeError[] } {
  const errors: ShapeError[] = [];
  if (text.length > MAP_LIMITS.bytes) return { shapes: [], errors: [{ row: null, message: `Tệp lớn hơn ${MAP_LIMITS.bytes / 1024 / 1024} MB; hãy đơn giản hóa ranh giới.` }] };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { shapes: [], errors: [{ row: null, message: 'Tệp không phải JSON hợp lệ (GeoJSON).' }] };
  }
  const fc = doc as { type?: unknown; features?: unknown };
  if (!fc || typeof fc !== 'object' || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    return { shapes: [], errors: [{ row: null, message: 'Tệp phải là một GeoJSON FeatureCollection.' }] };
  }
  if (fc.features.length === 0) return { shapes: [], errors: [{ row: null, message: 'Tệp không có đối tượng (feature) nào.' }] };
  if (fc.features.length > MAP_LIMITS.features) return { shapes: [], errors: [{ row: null, message: `Tệp có ${fc.features.length} đối tượng; tối đa ${MAP_LIMITS.features}.` }] };
  const shapes: ShapeIn[] = [];
  const seen = new Map<string, number>();
  let points = 0;
  fc.features.forEach((f: unknown, i: number) => {
    const row = i + 1;
    const feat = f as { type?: unknown; properties?: Record<string, unknown> | null; geometry?: { type?: unknown; coordinates?: unknown } | null };
    if (!feat || feat.type !== 'Feature') return void errors.push({ row, message: 'Không phải một Feature.' });
    const code = typeof feat.properties?.code === 'string' ? feat.properties.code.trim() : '';
    if (!code) return void errors.push({ row, message: 'Thiếu mã đơn vị (properties.code).' });
    if (seen.has(code)) return void errors.push({ row, message: `Mã đơn vị ${code} đã có ở đối tượng thứ ${seen.get(code)}.` });
    seen.set(code, row);
    const g = feat.geometry;
    let geometry: Geometry | null = null;
    const before = errors.length;
    if (g?.type === 'Polygon') {
      const c = polygon(g.coordinates, row, errors);
      if (c) geometry = { type: 'Polygon', coordinates: c };
    } else if (g?.type === 'MultiPolygon') {
      if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) errors.push({ row, message: 'Đa giác không có tọa độ.' });
      else {
        const parts = g.coordinates.map((p) => polygon(p, row, errors));
        if (parts.every((p) => p)) geometry = { type: 'MultiPolygon', coordinates: parts as Position[][][] };
      }
    } else errors.push({ row, message: `Hình của đơn vị phải là Polygon hoặc MultiPolygon (đang là ${String(g?.type ?? 'trống')}).` });
    if (!geometry || errors.length > before) return;
    const n = countPoints(geometry);
    if (n > MAP_LIMITS.pointsPerFeature) return void errors.push({ row, message: `Ranh giới có ${n} điểm; tối đa ${MAP_LIMITS.pointsPerFeature} điểm mỗi đơn vị.` });
    points += n;
    const name = typeof feat.properties?.name === 'string' ? feat.properties.name : null;
    shapes.push({ row, code, name, geometry });
  });
  if (points > MAP_LIMITS.points) errors.push({ row: null, message: `Tệp có ${points} điểm; tối đa ${MAP_LIMITS.points}.` });
  // every feature is checked and its errors listed; the caller saves nothing while there is any error
  return { shapes, errors };
}

/**
 * A schematic grid, one square per unit, in rows: a drawing for the demo, not real boundaries (the layer is
 * marked schematic and the map says so). Coordinates are an abstract plane inside the GeoJSON ranges.
 */
export function schematicGrid(units: { code: string; name: string }[]): string {
  const cols = Math.max(1, Math.ceil(Math.sqrt(units.length * 1.5)));
  const features = units.map((u, i) => {
    const x = i % cols;
    const y = Math.floor(i / cols);
    const [x0, y0, x1, y1] = [x, -y, x + 0.95, -y - 0.95];
    return { type: 'Feature', properties: { code: u.code, name: u.name }, geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] } };
  });
  return JSON.stringify({ type: 'FeatureCollection', features });
}
