/** Targets in the periodic report: met / not met / no data for the window's year; the targets as an appendix. */
import { targetLines } from '../../../domain/reports/sentences.js';
import { registerReportBlock } from '../reports/blocks.js';
import { targetStatus } from './targets.js';

const STATE_VI = { met: 'Đạt', not_met: 'Chưa đạt', no_data: 'Chưa có số liệu' } as const;
const fmt = (v: number | null) => (v === null ? '—' : new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(v));

registerReportBlock({
  key: 'targets',
  title: 'Thực hiện chỉ tiêu',
  async compute({ db, scope, w, now, province }) {
    const s = await targetStatus(db, w.year, province ? undefined : scope.unit?.id, now, w.period.calendar);
    const lines = s.targets.flatMap((t) => t.units);
    const counts = { met: lines.filter((u) => u.state === 'met').length, notMet: lines.filter((u) => u.state === 'not_met').length, noData: lines.filter((u) => u.state === 'no_data').length };
    return {
      figures: counts,
      lines: targetLines(counts).map((text) => ({ text, link: `/indicators/targets?year=${w.year}${scope.unit && !province ? `&unit=${scope.unit.id}` : ''}` })),
      appendix: {
        title: `Kết quả thực hiện chỉ tiêu năm ${w.year}`,
        headers: ['TT', 'Chỉ tiêu', 'Đơn vị', 'Chỉ tiêu giao', 'Kết quả', 'Đánh giá'],
        widths: [5, 40, 22, 11, 11, 11],
        rows: s.targets.flatMap((t) => t.units.map((u) => [0, t.text ?? t.indicator, u.unitName, t.targetText, `${fmt(u.actual)}${t.measure === '%' && u.actual !== null ? ' %' : ''}`, STATE_VI[u.state]])).map((r, i) => [i + 1, ...r.slice(1)]),
      },
    };
  },
});
