/** What the PAR round endpoints return: the server's use cases' own results (web/app/apiTypes.ts). */
import type { ApiResult } from '../../app/apiTypes';
import type { getAssessment } from '../../../server/modules/par/assessment';
import type { getRound, presentRound } from '../../../server/modules/par/rounds';
export type { UnitResult } from '../../../domain/par/results';

export type Round = ApiResult<typeof presentRound>;
export type RoundStatus = Round['status'];
export type RoundDetail = ApiResult<typeof getRound>;
export type RoundUnit = RoundDetail['units'][number];
export type Assessment = ApiResult<typeof getAssessment>;
export type AssessmentItem = Assessment['items'][number];
