/** The shapes the staffing API returns (server/modules/staffing). */
export type StaffKind = 'civil_servant' | 'public_employee';

export interface Figure {
  assigned: number | null;
  present: number | null;
  gap: number | null;
  base2015: number | null;
  reductionRate: number | null;
  rateBasis: 'base2015' | 'reported' | null;
}

interface UnitRef {
  unitId: number;
  code: string;
  unitName: string;
  unitType: string;
}

export interface Staffing {
  year: number;
  years: number[];
  window: { from: string; to: string };
  unit: { id: number; name: string } | null;
  total: { civilServants: Figure; publicEmployees: Figure };
  rows: (UnitRef & { id: number; civilServants: Figure; publicEmployees: Figure; reference: string | null; note: string | null })[];
  schemes: { total: number; byKind: Record<StaffKind, number>; items: (UnitRef & { id: number; kind: StaffKind; decisionNumber: string; decisionDate: string; title: string | null })[] };
  recruitment: { total: number; byKind: Record<StaffKind, number>; items: (UnitRef & { id: number; year: number; kind: StaffKind; count: number; reference: string; decidedOn: string | null })[] };
}
