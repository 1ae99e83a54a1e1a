/** The one-stop figures as indicators (read from the daily counters, like the dashboard). */
import type { OneStopReport } from '../../../domain/dossiers/report.js';
import { ratioValue } from '../../../domain/indicators/indicator.js';
import { type ComputedIndicator, type Figure, linkQuery, registerIndicator, type Window } from '../indicators/registry.js';
import { onlineServices, oneStopReport, reportsOfUnits } from './stats.js';

const list = (category: string) => (scope: Parameters<typeof linkQuery>[0], w: Window) => `/dossiers/list?${linkQuery(scope, w, { category })}`;

function fromReport(code: string, name: string, nameEn: string, measure: string, aggregation: 'sum' | 'ratio', pick: (r: OneStopReport) => Figure, category: string): ComputedIndicator {
  const link = list(category);
  return {
    code,
    name,
    nameEn,
    measure,
    aggregation,
    unitTypes: null,
    source: 'computed',
    module: 'dossiers',
    compute: async (db, scope, w) => ({ ...pick(await oneStopReport(db, scope, w.from, w.to, w.at)), link: link(scope, w) }),
    computeEach: async (db, unitIds, scopeOf, w) => {
      const reports = await reportsOfUnits(db, unitIds, scopeOf, w.from, w.to, w.at);
      return new Map([...reports].map(([id, r]) => [id, { ...pick(r), link: `/dossiers/list?${new URLSearchParams({ unit: String(id), from: w.from, to: w.to, category })}` }]));
    },
  };
}

const sumOf = (v: number): Figure => ({ value: v });

registerIndicator(fromReport('dossiers.received', 'Hồ sơ tiếp nhận trong kỳ', 'Dossiers received', 'hồ sơ', 'sum', (r) => sumOf(r.received), 'received'));
registerIndicator(fromReport('dossiers.resolved', 'Hồ sơ đã giải quyết', 'Dossiers resolved', 'hồ sơ', 'sum', (r) => sumOf(r.resolved), 'resolved'));
registerIndicator(fromReport('dossiers.late', 'Hồ sơ giải quyết quá hạn', 'Dossiers resolved late', 'hồ sơ', 'sum', (r) => sumOf(r.late), 'late'));
registerIndicator(fromReport('dossiers.onTimeRate', 'Tỷ lệ hồ sơ giải quyết trước và đúng hạn', 'Dossiers resolved on time', '%', 'ratio', (r) => ratioValue(r.early + r.onTime, r.resolved), 'resolved'));
registerIndicator(fromReport('dossiers.onlineRate', 'Tỷ lệ hồ sơ nộp trực tuyến', 'Dossiers submitted online', '%', 'ratio', (r) => ratioValue(r.receivedOnline, r.received), 'received'));
registerIndicator(fromReport('dossiers.inProgressLate', 'Hồ sơ đang giải quyết quá hạn', 'Open dossiers past the deadline', 'hồ sơ', 'sum', (r) => sumOf(r.inProgressLate), 'in_progress_late'));

registerIndicator({
  code: 'services.onlineWithDossiers',
  name: 'Tỷ lệ dịch vụ công trực tuyến phát sinh hồ sơ',
  nameEn: 'Online services that had dossiers',
  measure: '%',
  aggregation: 'ratio',
  unitTypes: null,
  source: 'computed',
  module: 'dossiers',
  description: 'Thủ tục có cung cấp dịch vụ công trực tuyến và có ít nhất một hồ sơ nộp trực tuyến trong kỳ ÷ thủ tục có cung cấp dịch vụ công trực tuyến (cơ quan thực hiện thuộc đơn vị).',
  compute: async (db, scope, w) => {
    const s = await onlineServices(db, scope, w.from, w.to);
    return { ...ratioValue(s.onlineWithDossiers, s.online), link: `/procedures?${new URLSearchParams(scope.unit ? { unit: String(scope.unit.id) } : {})}` };
  },
});
