/** What the plan endpoints return: the server's use cases' own results (web/app/apiTypes.ts). */
import type { ApiResult } from '../../app/apiTypes';
import type { listTaskReports } from '../../../server/modules/plans/progress';
import type { listPlans, listPlanTasks } from '../../../server/modules/plans/queries';
import type { followUp, planFigures } from '../../../server/modules/plans/status';
export type { TaskStatus } from '../../../domain/plans/progress';

export type PlanSummary = ApiResult<typeof listPlans>[number];
export type PlanTask = ApiResult<typeof listPlanTasks>[number];
export type UnitRef = PlanTask['leadUnits'][number];
export type Product = PlanTask['products'][number];
export type Figures = ApiResult<typeof planFigures>;
export type Completion = Figures['overall'];
export type FollowUpItem = ApiResult<typeof followUp>['overdue'][number];
export type Report = ApiResult<typeof listTaskReports>[number];
