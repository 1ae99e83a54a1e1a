/** Issue 10: what the screens show people — periods, bases, percentages, chart labels, the trend's months, audit labels. */
import { describe, expect, it } from 'vitest';
import { formatPercent, formatPeriod, formatRatio } from '../../web/app/format';
import { radarOption, RADAR_LABEL_WIDTH, wrapLabel } from '../../web/features/par/charts';
import { twelveMonthsEnding } from '../../web/features/dossiers/trend';
import { actionLabel, entityPath } from '../../web/features/audit/labels';
import * as auditWords from '../../web/features/audit/messages';
import { unitLabel, averageIndex, changeSince } from '../../domain/par/results';
import { monthsBetween } from '../../domain/periods/period';

describe('periods as people read them', () => {
  it.each([
    ['2026-Q3', 'vi', 'Quý III/2026'],
    ['2026-Q1', 'vi', 'Quý I/2026'],
    ['2026-Q4', 'en', 'Q4 2026'],
    ['2026', 'vi', 'Năm 2026'],
    ['2026-03', 'vi', 'Tháng 03/2026'],
    ['2026-03', 'en', '03/2026'],
    ['hôm nay', 'vi', 'hôm nay'],
  ] as const)('%s (%s) → %s', (key, lang, shown) => expect(formatPeriod(key, lang)).toBe(shown));
});

describe('numbers in vi-VN', () => {
  it.each([
    ['1669/1766', '1.669/1.766'],
    ['12/30', '12/30'],
    ['1000000/2000000', '1.000.000/2.000.000'],
    ['', ''],
    ['n/a', 'n/a'],
  ])('basis %s → %s', (raw, shown) => expect(formatRatio(raw)).toBe(shown));
  it('a percentage never breaks before its sign', () => {
    expect(formatPercent(94.24)).toBe('94,24\u00a0%');
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(90, 0)).toBe('90\u00a0%');
  });
});

describe('the PAR radar keeps every label whole, on short lines, inside the chart', () => {
  const areas = [
    { code: '1', name: 'Công tác chỉ đạo, điều hành cải cách hành chính', max: 10, self: 9, index: 85 },
    { code: '2', name: 'Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật tại địa phương', max: 10, self: 8, index: 80 },
    { code: '3', name: 'Cải cách thủ tục hành chính', max: 10, self: 7, index: 70 },
  ];
  const opt = radarOption(areas, { index: 'Chỉ số', self: 'Tự đánh giá' });
  it('names are the whole area name, wrapped', () => {
    opt.radar.indicator.forEach((ind, i) => {
      expect(ind.name.replace(/\n/g, ' ')).toBe(`${areas[i].code}. ${areas[i].name}`);
      for (const line of ind.name.split('\n')) expect(line.length).toBeLessThanOrEqual(RADAR_LABEL_WIDTH + 4);
    });
    expect(opt.radar.indicator[1].name.split('\n').length).toBeGreaterThan(2);
  });
  it('the web leaves the margin to its labels', () => {
    expect(parseFloat(opt.radar.radius)).toBeLessThanOrEqual(60);
  });
  it('wraps words, never cuts them', () => {
    expect(wrapLabel('Cải cách thủ tục hành chính', 10)).toBe('Cải cách\nthủ tục\nhành chính');
    expect(wrapLabel('Siêudàiquákhôngxuốngdòng được', 5)).toBe('Siêudàiquákhôngxuốngdòng\nđược');
  });
});

describe('the dashboard trend asks for the twelve months ending with the period', () => {
  it.each([
    ['2026-03-31', '2025-04-01'],
    ['2026-12-31', '2026-01-01'],
    ['2026-01-15', '2025-02-01'],
    ['2026-11-30', '2025-12-01'],
  ])('to %s → from %s, 12 months', (to, from) => {
    const w = twelveMonthsEnding(to);
    expect(w).toEqual({ from, to });
    expect(monthsBetween(w.from, w.to)).toHaveLength(12);
  });
});

describe('PAR result lines', () => {
  const lines = [
    { unitId: 1, unitName: 'Phường 1', parentName: 'Thành phố Tân An', index: 90 },
    { unitId: 2, unitName: 'Phường 1', parentName: 'Thị xã Kiến Tường', index: null },
    { unitId: 3, unitName: 'Phường 2', parentName: 'Thành phố Tân An', index: 80.25 },
  ];
  it('a repeated name shows its parent; a unique one does not', () => {
    expect(lines.map((l) => unitLabel(l, lines))).toEqual(['Phường 1 (Thành phố Tân An)', 'Phường 1 (Thị xã Kiến Tường)', 'Phường 2']);
  });
  it('the average is over the units that have an index', () => {
    expect(averageIndex(lines)).toEqual({ average: 85.13, counted: 2 });
    expect(averageIndex([{ index: null }])).toEqual({ average: null, counted: 0 });
  });
  it.each([
    [90, 87.24, 2.76],
    [null, 87.24, null],
    [90, null, null],
  ] as const)('change %s against %s → %s', (now, before, change) => expect(changeSince(now, before)).toBe(change));
});

describe('audit actions have a label each', () => {
  const t = (k: string) => (auditWords.vi as Record<string, string>)[k] ?? k;
  it.each(['par.self.save', 'par.round.create', 'org.merge', 'user.update', 'dossier.ingest', 'progress.accept', 'calendar.year'])('%s', (a) => {
    const label = actionLabel(t, a);
    expect(label).not.toBe(a);
    expect(label).not.toMatch(/[a-z]+\.[a-z]/);
  });
  it('links a round, a unit and a score to their pages', () => {
    expect(entityPath({ action: 'par.round.create', entityType: 'par_round', entityId: '3', unitId: null, before: null, after: null })).toBe('/par/rounds/3');
    expect(entityPath({ action: 'par.self.save', entityType: 'par_score', entityId: '9', unitId: 5, before: null, after: { roundId: 3 } })).toBe('/par/rounds/3/units/5');
    expect(entityPath({ action: 'org.merge', entityType: 'org_unit', entityId: '12', unitId: null, before: null, after: null })).toBe('/org/units/12');
  });
});
