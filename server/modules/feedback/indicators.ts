/** Feedback figures as indicators and as a block of the periodic report (read from the daily counters). */
import { ratioValue } from '../../../domain/indicators/indicator.js';
import { formatPercentVi } from '../../../domain/numbers/rate.js';
import { type ComputedIndicator, type Figure, registerIndicator, type Window } from '../indicators/registry.js';
import type { Scope } from '../org/scope.js';
import { registerReportBlock } from '../reports/blocks.js';
import { type Figures, figuresOf } from './counters.js';

const judgedAt = (w: Window) => w.at ?? new Date(`${w.to}T23:59:59.999+07:00`);
const link = (scope: Scope, w: Window, extra: Record<string, string> = {}) => `/feedback/figures?${new URLSearchParams({ ...(scope.unit ? { unit: String(scope.unit.id) } : {}), from: w.from, to: w.to, ...extra })}`;

function indicator(code: string, name: string, nameEn: string, measure: string, aggregation: 'sum' | 'ratio', pick: (f: Figures) => Figure, description: string): ComputedIndicator {
  return {
    code, name, nameEn, measure, aggregation, unitTypes: null, source: 'computed', module: 'feedback', description,
    compute: async (db, scope, w) => ({ ...pick(await figuresOf(db, scope.unitIds, w.from, w.to, judgedAt(w))), link: link(scope, w) }),
  };
}

registerIndicator(indicator('feedback.received', 'Phản ánh, kiến nghị tiếp nhận trong kỳ', 'Citizen feedback received', 'phản ánh', 'sum', (f) => ({ value: f.received }), 'Phản ánh, kiến nghị tiếp nhận từ mọi kênh (Cổng thông tin, Tổng đài 1022, thư, thư điện tử, Cổng Dịch vụ công quốc gia).'));
registerIndicator(indicator('feedback.onTimeRate', 'Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn', 'Citizen feedback handled on time', '%', 'ratio', (f) => ratioValue(f.onTime, f.onTime + f.late + f.openLate), 'Xử lý đúng hạn ÷ (đúng hạn + quá hạn + đang xử lý đã quá hạn): phản ánh còn mở đã quá hạn được tính là trễ (Nghị định 20/2008/NĐ-CP; Quyết định 766/QĐ-TTg, tiêu chí 5.2).'));

const n = (x: number) => x.toLocaleString('vi-VN');

export function feedbackLines(f: Figures): string[] {
  return [
    `Tiếp nhận ${n(f.received)} phản ánh, kiến nghị trong kỳ.`,
    `Đã xử lý ${n(f.onTime + f.late)} phản ánh, kiến nghị, trong đó đúng hạn ${n(f.onTime)}, quá hạn ${n(f.late)}; đang xử lý ${n(f.openOnTime + f.openLate)}, trong đó đã quá hạn ${n(f.openLate)}.`,
    `Tỷ lệ xử lý đúng hạn (tính cả phản ánh đang xử lý đã quá hạn là trễ hạn): ${f.onTimeRate === null ? 'không phát sinh' : formatPercentVi(Math.round(f.onTimeRate * 10000) / 100)}.`,
  ];
}

registerReportBlock({
  key: 'feedback',
  title: 'Tiếp nhận, xử lý phản ánh, kiến nghị',
  async compute({ db, scope, w }) {
    const f = await figuresOf(db, scope.unitIds, w.from, w.to, judgedAt(w));
    const [received, handled, rate] = feedbackLines(f);
    return {
      figures: { ...f },
      lines: [
        { text: received, link: `/feedback?${new URLSearchParams({ ...(scope.unit ? { unit: String(scope.unit.id) } : {}), state: 'all', from: w.from, to: w.to })}` },
        { text: handled, link: `/feedback?${new URLSearchParams({ ...(scope.unit ? { unit: String(scope.unit.id) } : {}), state: 'open' })}` },
        { text: rate, link: link(scope, w) },
      ],
    };
  },
});
