/**
 * The province's units coloured by a figure, drawn as SVG from the boundaries the administrator imported
 * (no tile server: works offline). A schematic layer (the demo's grid) says that it is not a real map.
 */
import { Alert, Anchor, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { LoadState, useLoad } from '../../app/components';
import { formatDate, todayVn } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { fill, formatValue } from './shared';

type Position = [number, number];
type Geometry = { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
interface MapData {
  layer: { id: number; name: string; schematic: boolean } | null;
  figure: { key: string; name: string; nameEn: string; measure: string; better: 'higher' | 'lower' };
  unit: { id: number; name: string };
  from: string;
  to: string;
  features: { unitId: number; name: string; geometry: Geometry; value: number | null; link: string | null }[];
}

const FIGURES = ['dossiersOnTimeRate', 'parIndex', 'satisfaction', 'dossiersOnlineRate', 'planTasksDone'];
const polygons = (g: Geometry): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

/** red (worst) → amber → green (best) over the range of the values shown */
function colour(v: number | null, min: number, max: number, better: 'higher' | 'lower') {
  if (v === null) return '#e9ecef';
  let x = max > min ? (v - min) / (max - min) : 1;
  if (better === 'lower') x = 1 - x;
  const hue = Math.round(x * 120);
  return `hsl(${hue} 65% 55%)`;
}

export function MapPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const figure = params.get('figure') ?? 'dossiersOnTimeRate';
  const query = useMemo(() => {
    const q = new URLSearchParams(params);
    if (!q.has('period') && !q.has('asOf') && !q.has('from')) q.set('period', todayVn().slice(0, 4));
    q.set('figure', figure);
    return q.toString();
  }, [params, figure]);
  const load = useLoad(() => api.get<MapData>(`/api/map?${query}`), [query]);
  const m = load.data;
  const view = useMemo(() => {
    if (!m?.features.length) return null;
    const pts = m.features.flatMap((f) => polygons(f.geometry).flat(2) as unknown as Position[]);
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    // equirectangular, latitude corrected at the middle (a province is small)
    const k = m.layer?.schematic ? 1 : Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
    const w = (x1 - x0) * k || 1;
    const h = y1 - y0 || 1;
    const scale = 1000 / Math.max(w, h);
    const project = (p: Position) => `${((p[0] - x0) * k * scale).toFixed(1)},${((y1 - p[1]) * scale).toFixed(1)}`;
    const values = m.features.map((f) => f.value).filter((v): v is number => v !== null);
    // a label at the middle of each unit's box (a few units only: otherwise the tooltips name them)
    const label = (g: Geometry) => {
      const ps = polygons(g).flat(2) as unknown as Position[];
      const px = ps.map((p) => p[0]);
      const py = ps.map((p) => p[1]);
      return project([(Math.min(...px) + Math.max(...px)) / 2, (Math.min(...py) + Math.max(...py)) / 2]).split(',').map(Number);
    };
    return { width: w * scale, height: h * scale, project, label, labels: m.features.length <= 60, min: Math.min(...values), max: Math.max(...values), values };
  }, [m]);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>
          {t('mapTitle')}
          {m ? ` – ${m.unit.name}` : ''}
        </Title>
        <Anchor component={Link} to={`/overview?${new URLSearchParams([...params].filter(([k]) => k !== 'figure'))}`}>
          ← {t('overviewTitle')}
        </Anchor>
      </Group>
      <SegmentedControl
        data={FIGURES.map((f) => ({ value: f, label: t(`mapFigure.${f}`) }))}
        value={figure}
        onChange={(v) => setParams((p) => (p.set('figure', v), p))}
        data-testid="map-figure"
        style={{ overflowX: 'auto', maxWidth: '100%' }}
      />
      <LoadState loading={load.loading} error={load.error} />
      {m && !m.layer && <Alert>{t('mapNoLayer')}</Alert>}
      {m?.layer && m.features.length === 0 && <Alert data-testid="map-no-shapes">{t('mapNoShapes')}</Alert>}
      {m?.layer?.schematic && (
        <Alert color="yellow" data-testid="map-schematic">
          {t('mapSchematic')}
        </Alert>
      )}
      {m && view && (
        <Card withBorder>
          <Text size="sm" c="dimmed">
            {lang === 'en' ? m.figure.nameEn : m.figure.name} · {fill(t('overviewFromTo'), { from: formatDate(m.from), to: formatDate(m.to) })}
          </Text>
          {view.values.length === 0 && <Text c="dimmed">{t('overviewNoData')}</Text>}
          <svg viewBox={`-5 -5 ${view.width + 10} ${view.height + 10}`} style={{ width: '100%', maxHeight: '70vh' }} role="img" aria-label={t('mapTitle')} data-testid="map-svg">
            {m.features.map((f) => (
              <path
                key={f.unitId}
                d={polygons(f.geometry)
                  .flatMap((poly) => poly.map((ring) => `M${ring.map(view.project).join('L')}Z`))
                  .join('')}
                fill={colour(f.value, view.min, view.max, m.figure.better)}
                stroke="#fff"
                strokeWidth={1.5}
                fillRule="evenodd"
                style={{ cursor: f.link ? 'pointer' : 'default' }}
                onClick={() => f.link && navigate(f.link)}
                data-testid={`map-unit-${f.unitId}`}
              >
                <title>{`${f.name}: ${f.value === null ? t('overviewNoData') : formatValue(f.value, m.figure.measure)}`}</title>
              </path>
            ))}
            {view.labels &&
              m.features.map((f) => {
                const [x, y] = view.label(f.geometry);
                return (
                  <text key={`l${f.unitId}`} x={x} y={y} textAnchor="middle" dominantBaseline="middle" fontSize={Math.max(12, Math.min(28, view.width / 40))} fill="#1a1b1e" pointerEvents="none">
                    {f.name}
                    <tspan x={x} dy="1.3em" fontWeight={700}>
                      {f.value === null ? '—' : formatValue(f.value, m.figure.measure)}
                    </tspan>
                  </text>
                );
              })}
          </svg>
          {view.values.length > 0 && (
            <Group gap="xs" mt="xs">
              <Text size="xs">{formatValue(m.figure.better === 'higher' ? view.min : view.max, m.figure.measure)}</Text>
              <div style={{ width: 160, height: 10, background: 'linear-gradient(90deg, hsl(0 65% 55%), hsl(60 65% 55%), hsl(120 65% 55%))' }} />
              <Text size="xs">{formatValue(m.figure.better === 'higher' ? view.max : view.min, m.figure.measure)}</Text>
              <div style={{ width: 14, height: 10, background: '#e9ecef', marginLeft: 12 }} />
              <Text size="xs">{t('overviewNoData')}</Text>
            </Group>
          )}
        </Card>
      )}
    </Stack>
  );
}
