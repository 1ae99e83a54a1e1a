/**
 * Results of a round: per unit the unit's score, the appraised score, survey points, index, rank within its
 * type and group, the breakdown by area, and last year's index; exported to .xlsx and a .docx report.
 * Units that have not submitted show no score: their self-assessment is still a draft.
 */
import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { type Block, buildOfficialDocx } from '../documents/decree30.js';
import { DataCache } from '../../db/dataCache.js';
import type { Db, Tx } from '../../db/client.js';
import { parRoundUnits, parRounds, parScores } from '../../db/schema.js';
import { setsOf } from './criteriaSets.js';
import type { OrgHistory } from '../../../domain/org/history.js';
import { lineage, unitsAsOf } from '../../../domain/org/history.js';
import { historyIndex } from '../../../domain/org/historyIndex.js';
import { aliveOn, type IsoDate, vietnamDateOf } from '../../../domain/org/dates.js';
import { latestName } from '../../../domain/org/scope.js';
import type { AppraisalState } from '../../../domain/par/assessment.js';
import { averageIndex, changeSince, type GroupThreshold, groupOf, type ItemScore, previousIndex, rankWithinType, type UnitResult, unitLabel, unitTotals } from '../../../domain/par/results.js';
import { round2 } from '../../../domain/par/scoring.js';
import { setupPrint } from '../files/xlsxPrint.js';
import { loadHistory } from '../org/history.js';
import { presentRound, requireRound, type RoundRow } from './rounds.js';

/** The name of a unit's parent on `date` (its last parent if it had none that day), under the parent's name of that day. */
export function parentNameOn(h: OrgHistory, unitId: number, date: IsoDate): string | null {
  const ix = historyIndex(h);
  const spans = ix.parentsByUnit.get(unitId) ?? [];
  const span = spans.find((p) => aliveOn(p, date)) ?? [...spans].sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
  if (!span) return null;
  return (ix.namesByUnit.get(span.parentId) ?? []).find((n) => aliveOn(n, date))?.name ?? latestName(h, span.parentId);
}

/**
 * The results of a round: read as stored at approval, or computed from the scores while the round is open.
 * Scores are read once, only the columns the totals need, and grouped by unit in a Map.
 */
async function computeResults(db: Db | Tx, round: RoundRow, withPrevious: boolean, h: OrgHistory): Promise<UnitResult[]> {
  if (round.results) return round.results as UnitResult[];
  const rus = await db
    .select({ id: parRoundUnits.id, unitId: parRoundUnits.unitId, setId: parRoundUnits.setId, submittedAt: parRoundUnits.submittedAt, surveyScore: parRoundUnits.surveyScore })
    .from(parRoundUnits)
    .where(eq(parRoundUnits.roundId, round.id));
  const sets = await setsOf(db as Db, rus);
  const scores = await db
    .select({ roundUnitId: parScores.roundUnitId, itemCode: parScores.itemCode, selfScore: parScores.selfScore, appraisedScore: parScores.appraisedScore, appraisal: parScores.appraisal })
    .from(parScores)
    .innerJoin(parRoundUnits, eq(parRoundUnits.id, parScores.roundUnitId))
    .where(and(eq(parRoundUnits.roundId, round.id), isNotNull(parRoundUnits.submittedAt)));
  const byUnit = new Map<number, ItemScore[]>();
  for (const x of scores) {
    const item = { itemCode: x.itemCode, selfScore: x.selfScore === null ? null : Number(x.selfScore), appraisedScore: x.appraisedScore === null ? null : Number(x.appraisedScore), appraisal: x.appraisal as AppraisalState | null };
    const list = byUnit.get(x.roundUnitId);
    if (list) list.push(item);
    else byUnit.set(x.roundUnitId, [item]);
  }
  const ix = historyIndex(h);
  const asOf = presentRound(round).selfFrom;
  const rows = rus.map((u) => {
    const s = sets.get(u.setId)!;
    const t = unitTotals(s, byUnit.get(u.id) ?? [], u.surveyScore === null ? null : Number(u.surveyScore));
    const done = u.submittedAt !== null;
    return {
      unitId: u.unitId,
      unitCode: ix.unitById.get(u.unitId)?.code ?? '',
      unitName: latestName(h, u.unitId),
      parentName: parentNameOn(h, u.unitId, asOf),
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
    // last year's round is approved: its stored results (computed once if it was approved before they were kept)
    if (prev) previous = new Map((await computeResults(db, prev, false, h)).map((r) => [r.unitId, r.index]));
  }
  return rankWithinType(rows)
    .map((r) => {
      const p = withPrevious ? previousIndex(r.unitId, lineage(h, r.unitId).cameFrom.map((s) => s.unitId), previous) : null;
      // a change is only computed against a real index of this round: a unit that has not submitted has none
      return { ...r, group: groupOf(r.index, groups), previous: p && { ...p, change: changeSince(r.index, p.index) } };
    })
    .sort((a, b) => a.unitType.localeCompare(b.unitType) || (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.unitName.localeCompare(b.unitName, 'vi'));
}

/**
 * Keeps the round's results as they are now (called when the round is approved: nothing can change after it),
 * so that the results, the public ranking and next year's comparison read them instead of recomputing.
 */
export async function storeResults(db: Db | Tx, roundId: number): Promise<UnitResult[]> {
  const round = await requireRound(db, roundId);
  const units = await computeResults(db, { ...round, results: null }, true, await loadHistory(db as Db));
  await db.update(parRounds).set({ results: units }).where(eq(parRounds.id, roundId));
  return units;
}

/** The results as the people following the round see them; `onlyUnit` limits them to one unit's row. */
/**
 * A round's results for every unit, kept while the records stay as they were (server/db/dataCache.ts); the
 * same for every reader, each sees only the units of their scope (`roundResults`).
 */
const resultsCache = new DataCache<{ round: RoundRow; units: UnitResult[] }>('PAR results', 64);

export async function roundResults(db: Db, roundId: number, onlyUnit: number | null = null) {
  const { round, units } = await resultsCache.get(db, String(roundId), async () => {
    const round = await requireRound(db, roundId);
    return { round, units: await computeResults(db, round, true, await loadHistory(db)) };
  });
  return { round: presentRound(round), units: onlyUnit === null ? units : units.filter((u) => u.unitId === onlyUnit) };
}

/** The public ranking of a published round: no drafts, no appraisal detail. */
export async function publicRanking(db: Db, roundId: number) {
  const round = await requireRound(db, roundId);
  if (round.status !== 'published') return null;
  const units = await computeResults(db, round, false, await loadHistory(db));
  return {
    round: { id: round.id, year: round.year, name: round.name, publishedAt: round.publishedAt, groups: round.groups as GroupThreshold[] },
    units: units.map((u) => ({ unitId: u.unitId, unitName: u.unitName, parentName: u.parentName, unitType: u.unitType, index: u.index, rank: u.rank, group: u.group, areas: u.areas.map((a) => ({ code: a.code, name: a.name, index: a.index })) })),
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

/** What a unit shows where it has no index because it has sent nothing. */
export const NOT_SUBMITTED = 'chưa gửi';
/** The words every provisional result carries (round not approved). */
export const PROVISIONAL = 'Kết quả tạm tính, chưa phê duyệt';

type Presented = ReturnType<typeof presentRound>;
const vnDate = (d: Date | string | null) => {
  if (!d) return '';
  const iso = typeof d === 'string' ? d.slice(0, 10) : new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
};
/** The round's standing in words: provisional, approved, or published. */
export function statusLine(round: Presented): string {
  if (round.status === 'published') return `Kết quả đã được phê duyệt ngày ${vnDate(round.approvedAt)} và công bố ngày ${vnDate(round.publishedAt)}.`;
  if (round.status === 'approved') return `Kết quả đã được phê duyệt ngày ${vnDate(round.approvedAt)}, chưa công bố.`;
  return `${PROVISIONAL}: đợt đánh giá đang diễn ra, số liệu còn thay đổi.`;
}
const thr = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
const groupsLine = (round: Presented) => {
  const sorted = [...round.groups].sort((a, b) => b.atLeast - a.atLeast);
  return sorted.map((g, i) => `nhóm ${g.name}: ${i === 0 ? `từ ${thr(g.atLeast)} %` : g.atLeast === 0 ? `dưới ${thr(sorted[i - 1].atLeast)} %` : `từ ${thr(g.atLeast)} % đến dưới ${thr(sorted[i - 1].atLeast)} %`}`).join('; ');
};

export async function exportResultsXlsx(db: Db, roundId: number): Promise<Buffer> {
  const { round, units } = await roundResults(db, roundId);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cchc';
  const provisional = round.status === 'open';
  const title = `Kết quả Chỉ số CCHC năm ${round.year} — ${round.name}${provisional ? ` (${PROVISIONAL.toLowerCase()})` : ''}`;
  const ws = wb.addWorksheet('Xếp hạng', { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.addRow([title]).font = { bold: true, size: 13 };
  const status = ws.addRow([`${statusLine(round)} Phân nhóm: ${groupsLine(round)}.`]);
  status.font = { italic: true, bold: provisional, color: provisional ? { argb: 'FFC00000' } : undefined };
  const header = ws.addRow(RESULT_COLUMNS);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  for (const u of units) {
    const row = ws.addRow([typeVi(u.unitType), u.rank, u.unitCode, unitLabel(u, units), u.selfScore, u.appraisedScore, u.surveyScore, u.maxScore, u.submitted ? u.index : NOT_SUBMITTED, u.group, u.difference, u.previous?.index ?? null, u.previous?.change ?? null]);
    if (!u.submitted) row.getCell(9).alignment = { horizontal: 'right' };
  }
  ws.columns.forEach((c, i) => (c.width = [22, 9, 16, 36, 12, 12, 12, 10, 10, 7, 12, 12, 10][i]));
  for (const col of [5, 6, 7, 8, 9, 11, 12, 13]) ws.getColumn(col).numFmt = '0.00';
  setupPrint(ws, { headerRows: 3, title });
  const areas = wb.addWorksheet('Theo lĩnh vực', { views: [{ state: 'frozen', ySplit: 2 }] });
  areas.addRow([provisional ? `${title}` : `Chỉ số theo lĩnh vực — ${round.name}`]).font = { bold: true, size: 12 };
  areas.addRow(['Đơn vị', 'Mã lĩnh vực', 'Lĩnh vực', 'Điểm tối đa', 'Điểm tự đánh giá', 'Điểm đạt', 'Tỷ lệ (%)']).font = { bold: true };
  for (const u of units) for (const a of u.areas) areas.addRow([unitLabel(u, units), a.code, a.name, a.max, a.self, a.final, a.index]);
  areas.columns.forEach((c, i) => (c.width = [36, 10, 50, 10, 12, 10, 10][i]));
  setupPrint(areas, { headerRows: 2, title });
  const info = wb.addWorksheet('Thông tin');
  info.addRows([
    ['Đợt đánh giá', round.name],
    ['Năm đánh giá', round.year],
    ['Trạng thái', round.status === 'published' ? 'Đã công bố' : round.status === 'approved' ? 'Đã phê duyệt' : `Đang đánh giá (${PROVISIONAL.toLowerCase()})`],
    ['Phân nhóm', groupsLine(round)],
    ['Đơn vị chưa gửi', `${units.filter((u) => !u.submitted).length} đơn vị (ghi "${NOT_SUBMITTED}", không tính vào chỉ số trung bình)`],
  ]);
  info.getColumn(1).width = 20;
  info.getColumn(2).width = 70;
  info.getColumn(1).font = { bold: true };
  setupPrint(info, { headerRows: 0, title });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The round's report in the Decree 30/2020 layout (Sở Nội vụ's report to UBND tỉnh), a table per unit type. */
export async function exportResultsDocx(db: Db, roundId: number): Promise<Buffer> {
  const { round, units } = await roundResults(db, roundId);
  const types = [...new Set(units.map((u) => u.unitType))];
  const provisional = round.status === 'open';
  const body: Block[] = [
    ...(provisional ? [{ kind: 'paragraph' as const, text: `(${PROVISIONAL})`, bold: true, italic: true, indent: false }] : []),
    { kind: 'paragraph', text: `Đợt đánh giá: ${round.name}. ${statusLine(round)}` },
    { kind: 'paragraph', text: `Chỉ số = điểm đạt được ÷ tổng điểm tối đa × 100 (làm tròn hai chữ số thập phân); phân nhóm: ${groupsLine(round)}. Đơn vị chưa gửi bản tự đánh giá ghi "${NOT_SUBMITTED}" và không tính vào chỉ số trung bình.` },
  ];
  types.forEach((type, i) => {
    const list = units.filter((u) => u.unitType === type);
    const { average, counted } = averageIndex(list);
    const missing = list.length - counted;
    const avgText = average === null ? 'chưa có đơn vị nào có kết quả, chưa tính chỉ số trung bình' : `chỉ số trung bình của ${counted} đơn vị có kết quả: ${vi(average)} %`;
    body.push({ kind: 'heading', text: `${i + 1}. ${typeVi(type)}` });
    body.push({ kind: 'paragraph', text: `${list.length} đơn vị${missing ? ` (${missing} đơn vị ${NOT_SUBMITTED})` : ''}; ${avgText}; ${round.groups.map((g) => `nhóm ${g.name}: ${list.filter((u) => u.group === g.name).length}`).join(', ')}.` });
    body.push({
      kind: 'table',
      headers: ['Hạng', 'Đơn vị', 'Tự đánh giá', 'Thẩm định', 'Điều tra XHH', 'Chỉ số (%)', 'Nhóm', 'Năm trước (%)'],
      widths: [6, 30, 10, 10, 10, 10, 7, 10],
      rows: list.map((u) => [u.rank === null ? '' : String(u.rank), unitLabel(u, units), vi(u.selfScore), vi(u.appraisedScore), vi(u.surveyScore), u.submitted ? { text: vi(u.index), bold: true } : NOT_SUBMITTED, u.group ?? '', vi(u.previous?.index ?? null)]),
    });
  });
  const h = await loadHistory(db);
  const snv = await officialIssuer(db, h);
  return buildOfficialDocx({
    ...snv,
    symbol: 'BC-SNV',
    date: round.publishedAt ? vietnamDateOf(round.publishedAt) : round.approvedAt ? vietnamDateOf(round.approvedAt) : null,
    kind: 'Báo cáo',
    subject: `Kết quả xác định Chỉ số cải cách hành chính năm ${round.year}${provisional ? ` (${PROVISIONAL.toLowerCase()})` : ''}`,
    body,
    recipients: ['UBND tỉnh (để báo cáo)', 'Các sở, ban, ngành tỉnh', 'UBND các xã, phường', 'Lưu: VT'],
    signer: { title: 'Giám đốc' },
    title: `Chỉ số CCHC ${round.year}${provisional ? ` (${PROVISIONAL.toLowerCase()})` : ''}`,
  });
}

/** Sở Nội vụ of the province alive today, as the header of its documents names it. */
async function officialIssuer(db: Db, h: OrgHistory) {
  const today = vietnamDateOf(new Date());
  const alive = unitsAsOf(h, today);
  const province = alive.find((u) => u.type === 'province' && u.parentId === null);
  return { parentBody: province ? `UBND ${province.name}` : null, issuingBody: 'Sở Nội vụ', place: province ? province.name.replace(/^(Tỉnh|Thành phố)\s/i, '') : '' };
}
