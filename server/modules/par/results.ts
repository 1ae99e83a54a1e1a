/**
 * Results of a round: per unit the unit's score, the appraised score, survey points, index, rank within its
 * type and group, the breakdown by area, and last year's index; exported to .xlsx and a .docx report.
 * Units that have not submitted show no score: their self-assessment is still a draft.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Db } from '../../db/client.js';
import { parRoundUnits, parRounds, parScores } from '../../db/schema.js';
import { setsOf } from './criteriaSets.js';
import type { OrgHistory } from '../../../domain/org/history.js';
import { lineage } from '../../../domain/org/history.js';
import { latestName } from '../../../domain/org/scope.js';
import type { AppraisalState } from '../../../domain/par/assessment.js';
import { type GroupThreshold, groupOf, previousIndex, rankWithinType, type UnitResult, unitTotals } from '../../../domain/par/results.js';
import { round2 } from '../../../domain/par/scoring.js';
import { loadHistory } from '../org/history.js';
import { presentRound, requireRound, type RoundRow } from './rounds.js';

async function computeResults(db: Db, round: RoundRow, withPrevious: boolean, h: OrgHistory): Promise<UnitResult[]> {
  const rus = await db.select().from(parRoundUnits).where(eq(parRoundUnits.roundId, round.id));
  const sets = await setsOf(db, rus);
  const submitted = rus.filter((u) => u.submittedAt);
  const scores = submitted.length ? await db.select().from(parScores).where(inArray(parScores.roundUnitId, submitted.map((u) => u.id))) : [];
  const rows = rus.map((u) => {
    const s = sets.get(u.setId)!;
    const mine = scores.filter((x) => x.roundUnitId === u.id);
    const t = unitTotals(
      s,
      mine.map((x) => ({ itemCode: x.itemCode, selfScore: x.selfScore === null ? null : Number(x.selfScore), appraisedScore: x.appraisedScore === null ? null : Number(x.appraisedScore), appraisal: x.appraisal as AppraisalState | null })),
      u.surveyScore === null ? null : Number(u.surveyScore),
    );
    const done = u.submittedAt !== null;
    return {
      unitId: u.unitId,
      unitCode: h.units.find((x) => x.id === u.unitId)?.code ?? '',
      unitName: latestName(h, u.unitId),
      unitType: s.unitType,
      submitted: done,
      selfScore: done ? t.selfScore : null,
      appraisedScore: done ? t.appraisedScore : null,
      surveyScore: t.surveyScore,
      maxScore: t.maxScore,
      index: done ? t.index : null,
      difference: done && t.appraisedScore !== null ? round2(t.appraisedScore - t.selfScore) : null,
      areas: done ? t.areas : [],
    };
  });
  const groups = round.groups as GroupThreshold[];
  let previous = new Map<number, number | null>();
  if (withPrevious) {
    const [prev] = await db
      .select()
      .from(parRounds)
      .where(and(eq(parRounds.year, round.year - 1), inArray(parRounds.status, ['approved', 'published'])))
      .orderBy(desc(parRounds.id))
      .limit(1);
    if (prev) previous = new Map((await computeResults(db, prev, false, h)).map((r) => [r.unitId, r.index]));
  }
  return rankWithinType(rows)
    .map((r) => {
      const p = withPrevious ? previousIndex(r.unitId, lineage(h, r.unitId).cameFrom.map((s) => s.unitId), previous) : null;
      return { ...r, group: groupOf(r.index, groups), previous: p && { ...p, change: p.index !== null && r.index !== null ? round2(r.index - p.index) : null } };
    })
    .sort((a, b) => a.unitType.localeCompare(b.unitType) || (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.unitName.localeCompare(b.unitName, 'vi'));
}

/** The results as the people following the round see them; `onlyUnit` limits them to one unit's row. */
export async function roundResults(db: Db, roundId: number, onlyUnit: number | null = null) {
  const round = await requireRound(db, roundId);
  const units = await computeResults(db, round, true, await loadHistory(db));
  return { round: presentRound(round), units: onlyUnit === null ? units : units.filter((u) => u.unitId === onlyUnit) };
}

/** The public ranking of a published round: no drafts, no appraisal detail. */
export async function publicRanking(db: Db, roundId: number) {
  const round = await requireRound(db, roundId);
  if (round.status !== 'published') return null;
  const units = await computeResults(db, round, false, await loadHistory(db));
  return {
    round: { id: round.id, year: round.year, name: round.name, publishedAt: round.publishedAt },
    units: units.map((u) => ({ unitId: u.unitId, unitName: u.unitName, unitType: u.unitType, index: u.index, rank: u.rank, group: u.group, areas: u.areas.map((a) => ({ code: a.code, name: a.name, index: a.index })) })),
  };
}

export async function publishedRounds(db: Db) {
  return (await db.select().from(parRounds).where(eq(parRounds.status, 'published')).orderBy(desc(parRounds.year))).map((r) => ({ id: r.id, year: r.year, name: r.name, publishedAt: r.publishedAt }));
}

const TYPE_VI: Record<string, string> = {
  department: 'Sở, ban, ngành',
  commune: 'Xã, phường',
  district: 'Huyện, thị xã, thành phố',
  central_agency: 'Cơ quan ngành dọc',
  public_service: 'Đơn vị sự nghiệp',
  province: 'Tỉnh',
};
const typeVi = (t: string) => TYPE_VI[t] ?? t;
/** vi-VN decimals: 86,25 */
const vi = (n: number | null) => (n === null ? '' : n.toLocaleString('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

export const RESULT_COLUMNS = ['Loại đơn vị', 'Xếp hạng', 'Mã đơn vị', 'Đơn vị', 'Điểm tự đánh giá', 'Điểm thẩm định', 'Điểm điều tra XHH', 'Điểm tối đa', 'Chỉ số (%)', 'Nhóm', 'Chênh lệch thẩm định', 'Chỉ số năm trước (%)', 'Tăng/giảm'];

export async function exportResultsXlsx(db: Db, roundId: number): Promise<Buffer> {
  const { round, units } = await roundResults(db, roundId);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cchc';
  const ws = wb.addWorksheet('Xếp hạng');
  ws.addRow(RESULT_COLUMNS).font = { bold: true };
  for (const u of units) {
    ws.addRow([typeVi(u.unitType), u.rank, u.unitCode, u.unitName, u.selfScore, u.appraisedScore, u.surveyScore, u.maxScore, u.index, u.group, u.difference, u.previous?.index ?? null, u.previous?.change ?? null]);
  }
  ws.columns.forEach((c, i) => (c.width = [22, 9, 16, 36, 12, 12, 12, 10, 10, 7, 12, 12, 10][i]));
  for (const col of [5, 6, 7, 8, 9, 11, 12, 13]) ws.getColumn(col).numFmt = '0.00';
  const areas = wb.addWorksheet('Theo lĩnh vực');
  areas.addRow(['Đơn vị', 'Mã lĩnh vực', 'Lĩnh vực', 'Điểm tối đa', 'Điểm tự đánh giá', 'Điểm đạt', 'Tỷ lệ (%)']).font = { bold: true };
  for (const u of units) for (const a of u.areas) areas.addRow([u.unitName, a.code, a.name, a.max, a.self, a.final, a.index]);
  areas.columns.forEach((c, i) => (c.width = [36, 10, 50, 10, 12, 10, 10][i]));
  const info = wb.addWorksheet('Thông tin');
  info.addRows([
    ['Đợt đánh giá', round.name],
    ['Năm đánh giá', round.year],
    ['Trạng thái', round.status === 'published' ? 'Đã công bố' : round.status === 'approved' ? 'Đã phê duyệt' : 'Đang đánh giá (kết quả tạm tính)'],
    ['Phân nhóm', round.groups.map((g) => `${g.name}: từ ${g.atLeast} %`).join('; ')],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const cell = (text: string, bold = false, right = false) =>
  new TableCell({ children: [new Paragraph({ alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold, size: 22 })] })] });

/** The report: summary, then a ranking table per unit type, groups and last year's index. */
export async function exportResultsDocx(db: Db, roundId: number): Promise<Buffer> {
  const { round, units } = await roundResults(db, roundId);
  const types = [...new Set(units.map((u) => u.unitType))];
  const p = (text: string, opts: { bold?: boolean; heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; center?: boolean } = {}) =>
    new Paragraph({ heading: opts.heading, alignment: opts.center ? AlignmentType.CENTER : undefined, spacing: { after: 120 }, children: [new TextRun({ text, bold: opts.bold, size: 26 })] });
  const children: (Paragraph | Table)[] = [
    p('BÁO CÁO', { bold: true, center: true }),
    p(`Kết quả xác định Chỉ số cải cách hành chính năm ${round.year}`, { bold: true, center: true }),
    p(`Đợt đánh giá: ${round.name}. ${round.status === 'published' ? 'Kết quả đã được phê duyệt và công bố.' : round.status === 'approved' ? 'Kết quả đã được phê duyệt.' : 'Kết quả tạm tính, chưa phê duyệt.'}`),
    p(`Chỉ số = điểm đạt được ÷ tổng điểm tối đa × 100 (làm tròn hai chữ số thập phân); phân nhóm: ${round.groups.map((g) => `nhóm ${g.name} từ ${g.atLeast} %`).join(', ')}.`),
  ];
  for (const type of types) {
    const list = units.filter((u) => u.unitType === type);
    const ranked = list.filter((u) => u.index !== null);
    const avg = ranked.length ? round2(ranked.reduce((a, u) => a + u.index!, 0) / ranked.length) : null;
    children.push(p(`${typeVi(type)}: ${list.length} đơn vị; chỉ số trung bình ${vi(avg)} %; ${round.groups.map((g) => `nhóm ${g.name}: ${list.filter((u) => u.group === g.name).length}`).join(', ')}.`, { bold: true }));
    const header = new TableRow({ tableHeader: true, children: ['Hạng', 'Đơn vị', 'Tự đánh giá', 'Thẩm định', 'Điều tra XHH', 'Chỉ số (%)', 'Nhóm', 'Năm trước (%)'].map((h) => cell(h, true)) });
    const rows = list.map(
      (u) =>
        new TableRow({
          children: [cell(u.rank === null ? '' : String(u.rank), false, true), cell(u.unitName), cell(vi(u.selfScore), false, true), cell(vi(u.appraisedScore), false, true), cell(vi(u.surveyScore), false, true), cell(vi(u.index), true, true), cell(u.group ?? ''), cell(vi(u.previous?.index ?? null), false, true)],
        }),
    );
    children.push(new Table({ rows: [header, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } }));
    children.push(p(''));
  }
  const doc = new Document({ creator: 'cchc', title: `Chỉ số CCHC ${round.year}`, sections: [{ children }] });
  return Packer.toBuffer(doc);
}
