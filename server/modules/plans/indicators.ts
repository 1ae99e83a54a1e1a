/** The plans' figures as indicators: tasks of the window's year done by its last day, and overdue. */
import { ratioValue } from '../../../domain/indicators/indicator.js';
import { linkQuery, registerIndicator } from '../indicators/registry.js';
import { yearTasks } from './yearTasks.js';
import { isProvinceScope } from '../org/scope.js';

const link = (q: string) => `/plans/year-tasks?${q}`;

registerIndicator({
  code: 'plans.tasksDone',
  name: 'Tỷ lệ nhiệm vụ kế hoạch CCHC hoàn thành',
  nameEn: 'CCHC plan tasks done',
  measure: '%',
  aggregation: 'ratio',
  unitTypes: null,
  source: 'computed',
  module: 'plans',
  description: 'Nhiệm vụ trong kế hoạch CCHC của năm (của tỉnh; của đơn vị: nhiệm vụ đơn vị chủ trì) đã hoàn thành đến cuối kỳ ÷ tổng số nhiệm vụ (trừ nhiệm vụ không áp dụng).',
  compute: async (db, scope, w) => {
    const t = await yearTasks(db, (await isProvinceScope(scope)) ? null : scope.unitIds, w.year, w.to);
    return { ...ratioValue(t.done, t.total), link: link(linkQuery(scope, w, { year: String(w.year) })) };
  },
});

registerIndicator({
  code: 'plans.tasksOverdue',
  name: 'Nhiệm vụ kế hoạch CCHC quá hạn',
  nameEn: 'CCHC plan tasks overdue',
  measure: 'nhiệm vụ',
  aggregation: 'sum',
  unitTypes: null,
  source: 'computed',
  module: 'plans',
  better: 'lower',
  compute: async (db, scope, w) => {
    const t = await yearTasks(db, (await isProvinceScope(scope)) ? null : scope.unitIds, w.year, w.to);
    return { value: t.overdue, link: link(linkQuery(scope, w, { year: String(w.year), status: 'overdue' })) };
  },
});
