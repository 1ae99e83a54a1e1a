/** The legal documents in the periodic report: issued in the window (the province's by HĐND and UBND; a department's those it led). */
import { legalDocumentLines } from '../../../domain/reports/sentences.js';
import { registerIndicator } from '../indicators/registry.js';
import { registerReportBlock } from '../reports/blocks.js';
import { isProvinceScope, type Scope } from '../org/scope.js';
import { listLegalDocuments, legalDocumentsIssued } from './documents.js';
import { issuingScope } from './units.js';

const KIND_VI = { resolution: 'Nghị quyết', decision: 'Quyết định' } as const;
const vnDate = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');

async function issued(db: Parameters<typeof legalDocumentsIssued>[0], scope: Scope, from: string, to: string, province: boolean) {
  const h = await scope.history();
  if (!scope.unit) return { counts: await legalDocumentsIssued(db, null, from, to), param: {} as Record<string, string> };
  return province
    ? { counts: await legalDocumentsIssued(db, issuingScope(h, scope.unit.id), from, to), param: { issuer: String(scope.unit.id) } }
    : { counts: await legalDocumentsIssued(db, issuingScope(h, scope.unit.id), from, to, 'lead'), param: { lead: String(scope.unit.id) } };
}

registerReportBlock({
  key: 'legalDocuments',
  title: 'Văn bản quy phạm pháp luật ban hành',
  async compute({ db, scope, w, province }) {
    const { counts, param } = await issued(db, scope, w.from, w.to, province);
    const link = `/legal-documents?${new URLSearchParams({ from: w.from, to: w.to, asOf: w.periodTo, ...param })}`;
    const list = await listLegalDocuments(db, { asOf: w.periodTo, from: w.from, to: w.to, ...(param.issuer ? { issuer: Number(param.issuer) } : {}), ...(param.lead ? { lead: Number(param.lead) } : {}), limit: 500 });
    return {
      figures: { total: counts.total, byKind: counts.byKind },
      lines: legalDocumentLines(counts, province).map((text) => ({ text, link })),
      appendix: {
        title: 'Văn bản quy phạm pháp luật ban hành trong kỳ',
        headers: ['TT', 'Số, ký hiệu', 'Loại', 'Ngày ký', 'Trích yếu', 'Lĩnh vực'],
        widths: [5, 16, 11, 11, 45, 14],
        rows: list.items.map((d: { symbol: string; kind: 'resolution' | 'decision'; signedOn: string; title: string; field: string | null }, i: number) => [i + 1, d.symbol, KIND_VI[d.kind], vnDate(d.signedOn), d.title, d.field ?? '']),
      },
    };
  },
});

registerIndicator({
  code: 'legalDocs.issued',
  name: 'Văn bản quy phạm pháp luật ban hành trong kỳ',
  nameEn: 'Legal normative documents issued',
  measure: 'văn bản',
  aggregation: 'sum',
  unitTypes: ['province', 'district', 'department'],
  source: 'computed',
  module: 'legalDocs',
  description: 'Theo ngày ký: của tỉnh, văn bản HĐND, UBND tỉnh ban hành; của sở, ngành, văn bản do đơn vị chủ trì tham mưu.',
  compute: async (db, scope, w) => {
    const province = await isProvinceScope(scope);
    const { counts, param } = await issued(db, scope, w.from, w.to, province);
    return { value: counts.total, link: `/legal-documents?${new URLSearchParams({ from: w.from, to: w.to, ...param })}` };
  },
});
