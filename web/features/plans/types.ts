export type TaskStatus = 'not_started' | 'in_progress' | 'done' | 'not_applicable';

export interface PlanSummary {
  id: number;
  year: number;
  title: string;
  decisionNumber: string | null;
  decisionDate: string | null;
  unitId: number;
  unitName: string;
  taskCount: number;
  budgetMillion: number | null;
}

export interface UnitRef {
  id: number;
  name: string;
  via?: string;
}

export interface Product {
  text: string;
  timeframeText: string;
  timeframeKind: string;
  windows: { start: string; end: string }[];
  due: string | null;
  recurring: boolean;
  budgetMillion: number | null;
  budgetNote: string | null;
}

export interface PlanTask {
  id: number;
  number: string;
  area: number;
  areaName: string;
  text: string;
  due: string | null;
  budgetMillionVnd: number | null;
  leadText: string;
  coordinatingText: string;
  leadGroups: string[];
  coordinatingGroups: string[];
  leadUnits: UnitRef[];
  coordinatingUnits: UnitRef[];
  products: Product[];
  status: TaskStatus;
  overdue: boolean;
}

export interface Completion {
  done: number;
  total: number;
  percent: number | null;
  budgetMillion: number;
}

export interface Figures {
  overall: Completion;
  byArea: (Completion & { area: number; name: string })[];
  byUnit: (Completion & { unitId: number; name: string })[];
  byStatus: Record<TaskStatus, number>;
}

export interface FollowUpItem {
  taskId: number;
  number: string;
  text: string;
  due: string;
  unitId: number;
  unitName: string;
  status: TaskStatus;
}

export interface Report {
  id: number;
  taskId: number;
  unitId: number;
  period: string;
  status: TaskStatus;
  percent: number;
  report: string;
  state: 'draft' | 'submitted' | 'accepted' | 'returned';
  reviewComment: string | null;
  updatedAt: string;
  evidence: { id: number; fileName: string; size: number }[];
}
