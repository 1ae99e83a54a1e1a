/** The plan part of the periodic report: tasks of the year done by the window's end; the tasks as an appendix. */
import { planLines } from '../../../domain/reports/sentences.js';
import { linkQuery } from '../indicators/registry.js';
import { registerReportBlock } from '../reports/blocks.js';
import { yearTasks } from './yearTasks.js';

const STATUS_VI = { not_started: 'Chưa thực hiện', in_progress: 'Đang thực hiện', done: 'Hoàn thành', not_applicable: 'Không áp dụng' } as const;
const vnDate = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');

registerReportBlock({
  key: 'planTasks',
  title: 'Thực hiện kế hoạch CCHC',
  async compute({ db, scope, w, province }) {
    const t = await yearTasks(db, province ? null : scope.unitIds, w.year, w.to);
    const link = `/plans/year-tasks?${linkQuery(scope, w, { year: String(w.year) })}`;
    return {
      figures: { year: w.year, done: t.done, total: t.total, percent: t.percent, overdue: t.overdue },
      lines: planLines({ year: w.year, done: t.done, total: t.total, percent: t.percent, overdue: t.overdue }).map((text) => ({ text, link })),
      appendix: {
        title: `Tình hình thực hiện nhiệm vụ kế hoạch CCHC năm ${w.year}`,
        headers: ['TT', 'Nhiệm vụ', 'Hạn hoàn thành', 'Tình trạng'],
        widths: [6, 60, 12, 14],
        rows: t.tasks.map((x) => [x.number, x.text, vnDate(x.due), `${STATUS_VI[x.status]}${x.overdue ? ' (quá hạn)' : ''}`]),
      },
    };
  },
});
