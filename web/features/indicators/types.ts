/** The shapes the indicator API returns (server/modules/indicators/*). */
export type Aggregation = 'sum' | 'ratio' | 'average';

export interface IndicatorDef {
  code: string;
  name: string;
  nameEn: string;
  measure: string;
  aggregation: Aggregation;
  unitTypes: string[] | null;
  source: 'computed' | 'entered';
  module: string;
  description?: string | null;
  better?: 'higher' | 'lower';
}

export interface Figure {
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
  link?: string | null;
  entered?: boolean;
}

export interface IndicatorValues extends Figure {
  indicator: IndicatorDef;
  unit: { id: number; name: string } | null;
  window: { from: string; to: string; judgedAt: string; calendar: boolean };
  units?: (Figure & { unitId: number; unitName: string; unitType: string })[];
}

export type TargetState = 'met' | 'not_met' | 'no_data';

export interface TargetRow {
  id: number;
  code: string;
  indicator: string;
  measure: string;
  level: string | null;
  unitId: number | null;
  target: { comparator: string; value: number };
  targetText: string;
  text: string | null;
  planTargetId: number | null;
  planTarget: PlanLine | null;
  units: { unitId: number | null; unitName: string; actual: number | null; numerator: number | null; denominator: number | null; entered: boolean; link: string | null; state: TargetState }[];
  met: number;
  notMet: number;
  noData: number;
}

export interface PlanLine {
  id: number;
  planId: number;
  seq: number;
  text: string;
  planTitle: string;
  planYear: number;
}

export interface TargetList {
  year: number;
  window: { from: string; to: string; judgedAt: string };
  targets: TargetRow[];
  planLines: PlanLine[];
}
