/** Staffing in the periodic report: the year's figures of the scope, schemes and recruitment of the window. */
import { staffingLines } from '../../../domain/reports/sentences.js';
import { registerIndicator } from '../indicators/registry.js';
import { registerReportBlock } from '../reports/blocks.js';
import { staffingFigures } from './figures.js';

const basis = (b: string | null) => (b === 'reported' ? 'reported' : b ? 'base2015' : null);

registerReportBlock({
  key: 'staffing',
  title: 'Biên chế, vị trí việc làm, tuyển dụng',
  async compute({ db, scope, w }) {
    const f = await staffingFigures(db, scope.unitIds, w.year, { from: w.from, to: w.to });
    const h = await scope.history();
    const name = (id: number) => h.names.filter((n) => n.unitId === id).sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0]?.name ?? String(id);
    const cs = { ...f.civilServants, rateBasis: basis(f.civilServants.rateBasis) as 'base2015' | 'reported' | null };
    const pe = { ...f.publicEmployees, rateBasis: basis(f.publicEmployees.rateBasis) as 'base2015' | 'reported' | null };
    const link = `/staffing?${new URLSearchParams({ year: String(w.year), ...(scope.unit ? { unit: String(scope.unit.id) } : {}) })}`;
    const n = (v: number | null) => (v === null ? '' : v);
    return {
      figures: {
        year: w.year,
        civilServants: { assigned: cs.assigned, present: cs.present, gap: cs.gap, reductionRate: cs.reductionRate },
        publicEmployees: { assigned: pe.assigned, present: pe.present, gap: pe.gap, reductionRate: pe.reductionRate },
        schemes: f.schemes.total,
        recruited: f.recruited,
      },
      lines: staffingLines({ year: w.year, civilServants: cs, publicEmployees: pe, schemes: f.schemes.total, recruited: f.recruited }).map((text) => ({ text, link })),
      appendix: {
        title: `Biên chế công chức, số lượng người làm việc năm ${w.year}`,
        headers: ['TT', 'Đơn vị', 'Công chức được giao', 'Công chức có mặt', 'Chênh lệch', 'Viên chức được giao', 'Viên chức có mặt', 'Chênh lệch'],
        widths: [5, 33, 10, 10, 9, 10, 10, 9],
        rows: [
          ...f.rows.map((r, i) => [i + 1, name(r.unitId), n(r.civilServants.assigned), n(r.civilServants.present), n(r.civilServants.gap), n(r.publicEmployees.assigned), n(r.publicEmployees.present), n(r.publicEmployees.gap)]),
          ['', { text: 'Tổng cộng', bold: true }, n(cs.assigned), n(cs.present), n(cs.gap), n(pe.assigned), n(pe.present), n(pe.gap)],
        ],
      },
    };
  },
});

for (const [key, pick, label] of [
  ['civilServantsAssigned', (f: Awaited<ReturnType<typeof staffingFigures>>) => f.civilServants.assigned, 'Biên chế công chức được giao'],
  ['civilServantsPresent', (f: Awaited<ReturnType<typeof staffingFigures>>) => f.civilServants.present, 'Công chức có mặt'],
  ['publicEmployeesAssigned', (f: Awaited<ReturnType<typeof staffingFigures>>) => f.publicEmployees.assigned, 'Số lượng người làm việc (viên chức) được giao'],
  ['publicEmployeesPresent', (f: Awaited<ReturnType<typeof staffingFigures>>) => f.publicEmployees.present, 'Viên chức có mặt'],
] as const) {
  registerIndicator({
    code: `staffing.${key}`,
    name: label,
    nameEn: label,
    measure: 'người',
    aggregation: 'sum',
    unitTypes: null,
    source: 'computed',
    module: 'staffing',
    compute: async (db, scope, w) => ({ value: pick(await staffingFigures(db, scope.unitIds, w.year)), link: `/staffing?${new URLSearchParams({ year: String(w.year), ...(scope.unit ? { unit: String(scope.unit.id) } : {}) })}` }),
  });
}
