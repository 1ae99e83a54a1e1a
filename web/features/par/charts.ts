/** The options of the PAR results charts, kept apart from the screen so that their layout can be tested. */
import { formatNumber } from '../../app/format';

/** Words on lines of at most `width` characters (a longer word stands alone on its line). */
export function wrapLabel(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** Characters per line of a radar label: the labels sit around the web, in the card's margin. */
export const RADAR_LABEL_WIDTH = 18;

export interface RadarArea {
  code: string;
  name: string;
  max: number;
  self: number;
  index: number | null;
}

/**
 * A unit's areas on a radar: the whole name of each area, wrapped on short lines, and a web small enough
 * (radius 55 %) that the labels around it stay inside the chart.
 */
export function radarOption(areas: RadarArea[], names: { index: string; self: string }) {
  return {
    tooltip: {},
    radar: {
      radius: '55%',
      center: ['50%', '48%'],
      indicator: areas.map((a) => ({ name: wrapLabel(`${a.code}. ${a.name}`, RADAR_LABEL_WIDTH), max: 100 })),
      axisName: { color: '#333', fontSize: 11, lineHeight: 13 },
    },
    series: [
      {
        type: 'radar',
        data: [
          { name: names.index, value: areas.map((a) => a.index ?? 0) },
          { name: names.self, value: areas.map((a) => (a.max ? Math.round((a.self / a.max) * 10000) / 100 : 0)) },
        ],
      },
    ],
    legend: { bottom: 0 },
  };
}

/** Units' indexes as bars, names in full on the left (the grid makes room for them). */
export function barsOption(units: { label: string; index: number }[]) {
  return {
    tooltip: {},
    grid: { left: 10, right: 50, top: 10, bottom: 30, containLabel: true },
    xAxis: { type: 'value', max: 100 },
    yAxis: { type: 'category', inverse: true, data: units.map((u) => u.label), axisLabel: { width: 200, overflow: 'break' } },
    series: [{ type: 'bar', data: units.map((u) => u.index), label: { show: true, position: 'right', formatter: (p: { value: number }) => formatNumber(p.value, 2) } }],
  };
}
