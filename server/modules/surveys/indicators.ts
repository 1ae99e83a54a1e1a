/** The satisfaction index as an indicator and as a block of the periodic report (read from the survey counters). */
import { registerIndicator } from '../indicators/registry.js';
import { registerReportBlock } from '../reports/blocks.js';
import { formatPercentVi } from '../../../domain/numbers/rate.js';
import { satisfactionIndex, satisfactionOfUnits } from './satisfaction.js';

const link = (unit: number | null, from: string, to: string) => `/surveys/results?${new URLSearchParams({ ...(unit ? { unit: String(unit) } : {}), from, to })}`;

registerIndicator({
  code: 'surveys.satisfaction',
  name: 'Chỉ số hài lòng của người dân, tổ chức',
  nameEn: 'Satisfaction index',
  measure: '%',
  aggregation: 'average',
  unitTypes: null,
  source: 'computed',
  module: 'surveys',
  description: 'Chỉ số chung của phiếu khảo sát đang dùng (theo công thức của phiếu) trên các phiếu trả lời trong kỳ; không có phiếu trả lời: không có số liệu.',
  compute: async (db, scope, w) => {
    const s = await satisfactionIndex(db, scope.unitIds, w.from, w.to).catch(() => null);
    return { value: s?.overall.index ?? null, link: link(scope.unit?.id ?? null, w.from, w.to) };
  },
  computeEach: async (db, unitIds, scopeOf, w) => {
    const m = await satisfactionOfUnits(db, unitIds, scopeOf, w.from, w.to);
    return new Map([...m].map(([id, x]) => [id, { value: x.index, link: link(id, w.from, w.to) }]));
  },
});

registerReportBlock({
  key: 'satisfaction',
  title: 'Mức độ hài lòng của người dân, tổ chức',
  async compute({ db, scope, w }) {
    const s = await satisfactionIndex(db, scope.unitIds, w.from, w.to).catch(() => null);
    const href = link(scope.unit?.id ?? null, w.from, w.to);
    if (!s || s.responses === 0) return { figures: { responses: 0, index: null }, lines: [{ text: 'Trong kỳ chưa có phiếu khảo sát sự hài lòng nào được trả lời.', link: href }] };
    const lines = [
      {
        text: `Trong kỳ có ${s.responses.toLocaleString('vi-VN')} phiếu khảo sát sự hài lòng được trả lời; chỉ số hài lòng chung đạt ${formatPercentVi(s.overall.index)}${s.overall.smallSample ? ` (cỡ mẫu nhỏ hơn ${s.minSample.toLocaleString('vi-VN')} câu trả lời, chưa đủ để xếp hạng)` : ''}${s.questionnaire.isSample ? ' (theo phiếu mẫu)' : ''}.`,
        link: href,
      },
      { text: `Theo yếu tố: ${s.elements.map((e) => `${e.name.toLowerCase()} ${e.index === null ? 'chưa có câu trả lời' : formatPercentVi(e.index)}`).join('; ')}.`, link: href },
    ];
    return {
      figures: { responses: s.responses, index: s.overall.index, dissatisfied: s.dissatisfiedResponses },
      lines,
      appendix: {
        title: 'Chỉ số hài lòng theo yếu tố',
        headers: ['TT', 'Yếu tố', 'Số câu trả lời', 'Chỉ số (%)'],
        widths: [4, 50, 14, 14],
        rows: s.elements.map((e, i) => [i + 1, e.name, e.answers, formatPercentVi(e.index)]),
      },
    };
  },
});
