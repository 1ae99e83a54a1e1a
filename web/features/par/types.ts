/** What the PAR round endpoints return (server/modules/par). */
import type { ItemData } from '../../../domain/par/assessment';
import type { GroupThreshold } from '../../../domain/par/results';
export type { UnitResult } from '../../../domain/par/results';
import type { ItemInput, ScoringRule } from '../../../domain/par/scoring';

export type RoundStatus = 'open' | 'approved' | 'published';

export interface Round {
  id: number;
  year: number;
  name: string;
  selfFrom: string;
  selfTo: string;
  appraisalFrom: string;
  appraisalTo: string;
  groups: GroupThreshold[];
  status: RoundStatus;
  approvedAt: string | null;
  publishedAt: string | null;
}

export interface RoundUnit {
  unitId: number;
  unitName: string;
  unitType: string;
  submittedAt: string | null;
  reopenedUntil: string | null;
  progress: { scored: number; total: number };
  appraised: { done: number; returned: number; total: number };
  surveyScore: number | null;
  appraiserId: number | null;
  appraiserName: string | null;
}

export interface RoundDetail extends Round {
  sets: { id: number; unitType: string; name: string; version: number }[];
  appraisers: { id: number; name: string }[];
  units: RoundUnit[];
}

export interface AssessmentItem {
  code: string;
  area: string;
  name: string;
  max: number;
  guidance: string | null;
  evidenceRequired: boolean;
  rule: ScoringRule;
  inputRule: ScoringRule['kind'];
  data: ItemData | null;
  input: ItemInput | null;
  selfScore: number | null;
  explanation: string | null;
  refs: string | null;
  evidence: { id: number; fileName: string; size: number }[];
  appraisal: 'returned' | 'answered' | 'accepted' | 'adjusted' | null;
  appraisedScore: number | null;
  appraisalReason: string | null;
  returnedAt: string | null;
  returnNote: string | null;
  editable: boolean;
}

export interface Assessment {
  round: Round;
  unit: { id: number; name: string; type: string };
  set: { id: number; name: string; surveyShare: number; areas: { code: string; name: string; max: number }[] };
  submittedAt: string | null;
  reopenedUntil: string | null;
  surveyScore: number | null;
  draftHidden: boolean;
  items: AssessmentItem[];
  progress: { scored: number; total: number };
  problems: { itemCode: string; problem: 'NOT_SCORED' | 'NO_EVIDENCE' }[];
  totals: { selfScore: number; appraisedScore: number | null; maxScore: number; index: number | null; appraisedItems: number; items: number } | null;
  can: { edit: boolean; submit: boolean; appraise: boolean };
}
