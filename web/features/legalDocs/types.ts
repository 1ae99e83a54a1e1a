/** The shapes the legal-documents API returns (server/modules/legalDocs). */
export type LegalStatus = 'not_issued' | 'not_yet_effective' | 'in_force' | 'partly_expired' | 'expired';
export type Kind = 'resolution' | 'decision';

export interface EndingRef {
  symbol: string | null;
  link: string | null;
  document: { id: number; symbol: string } | null;
}

export interface LegalDoc {
  id: number;
  symbol: string;
  kind: Kind;
  issuer: { text: string; unitId: number | null; unitName: string | null };
  title: string;
  field: string;
  signedOn: string;
  effectiveOn: string;
  expiredOn: string | null;
  endedBy: EndingRef | null;
  partEndings: (EndingRef & { from: string; note: string | null })[];
  lead: { text: string | null; unitId: number | null; unitName: string | null };
  link: string | null;
  note: string | null;
  status: { asOf: string; status: LegalStatus; since: string | null; endedBy: EndingRef | null };
}

export interface LegalDocDetail extends LegalDoc {
  ended: { id: number; symbol: string; title: string; scope: 'whole' | 'part'; from: string }[];
}

export interface LegalDocList {
  asOf: string;
  total: number;
  counts: { byStatus: Record<LegalStatus, number>; byKind: Record<Kind, number> };
  items: LegalDoc[];
  fields: string[];
}
