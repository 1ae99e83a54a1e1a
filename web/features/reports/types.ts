/** The shapes the report API returns (server/modules/reports/reports.ts). */
export type ReportState = 'draft' | 'submitted' | 'returned' | 'finalised';

export interface ReportRow {
  id: number;
  state: ReportState;
  number: string | null;
  symbol: string | null;
  signedOn: string | null;
  signer: { authority?: string; title: string; name?: string | null } | null;
  recipients: string[] | null;
  returnComment: string | null;
  updatedAt: string | null;
  submittedAt: string | null;
  finalisedAt: string | null;
  auditHead: { lastId: number; lastHash: string; count: number } | null;
}

export interface ReportLine {
  text: string;
  link?: string | null;
}

export interface ReportSection {
  key: string;
  title: string;
  level: 1 | 2;
  hint: string | null;
  lines: ReportLine[];
  text: string;
  unitTexts?: { unitId: number; unitName: string; text: string }[];
}

export interface ReportView {
  unit: { id: number; name: string; type: string };
  kind: 'unit' | 'province';
  period: { key: string; label: string; due: string };
  report: ReportRow | null;
  draftHidden: boolean;
  can: { edit: boolean; submit: boolean; return: boolean; finalise: boolean; draftFromUnits: boolean };
  window: { from: string; to: string; judgedAt: string; calendar: boolean };
  sections: ReportSection[];
  figures: Record<string, unknown>;
  appendices: { key: string; title: string; headers: string[]; rows: (string | number | null)[][] }[];
  frozen: boolean;
  differences: { path: string; frozen: number | null; now: number | null }[] | null;
}

export interface ReportList {
  period: { key: string; label: string; due: string };
  window: { from: string; to: string };
  provinces: { id: number; name: string }[];
  province: { unitId: number; unitName: string; state: ReportState | null; finalisedAt: string | null } | null;
  units: { unitId: number; unitName: string; unitType: string; state: ReportState | null; submittedAt: string | null }[];
  counts: { units: number; submitted: number };
}
