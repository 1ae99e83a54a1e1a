/**
 * The sentences a report's sections begin with, written from the figures (vi-VN numbers), so that a unit
 * starts from what the records say and adds its own words. Pure: figures in, lines out.
 */
import { formatPercentVi } from '../numbers/rate.js';

const n = (x: number | null | undefined) => (x === null || x === undefined ? '—' : new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(x));
const pct = (x: number | null | undefined) => formatPercentVi(x ?? null);

export interface DossierFigures {
  carriedOver: number;
  received: number;
  receivedOnline: number;
  resolved: number;
  early: number;
  onTime: number;
  late: number;
  inProgress: number;
  inProgressLate: number;
  onTimeRate: number | null;
  lateRate: number | null;
  onlineRate: number | null;
}

export function dossierLines(r: DossierFigures): string[] {
  return [
    `Tổng số hồ sơ tiếp nhận trong kỳ: ${n(r.received)} hồ sơ (trực tuyến ${n(r.receivedOnline)}, tỷ lệ ${pct(r.onlineRate)}); kỳ trước chuyển qua ${n(r.carriedOver)} hồ sơ.`,
    `Đã giải quyết ${n(r.resolved)} hồ sơ, trong đó trước và đúng hạn ${n(r.early + r.onTime)} hồ sơ (${pct(r.onTimeRate)}), quá hạn ${n(r.late)} hồ sơ (${pct(r.lateRate)}).`,
    `Đang giải quyết ${n(r.inProgress)} hồ sơ, trong đó quá hạn ${n(r.inProgressLate)} hồ sơ.`,
  ];
}

export function planLines(p: { year: number; done: number; total: number; percent: number | null; overdue: number }): string[] {
  if (p.total === 0) return [`Chưa có nhiệm vụ nào trong kế hoạch CCHC năm ${p.year}.`];
  return [`Hoàn thành ${n(p.done)}/${n(p.total)} nhiệm vụ trong kế hoạch CCHC năm ${p.year} (${pct(p.percent)})${p.overdue ? `; ${n(p.overdue)} nhiệm vụ quá hạn` : ''}.`];
}

export function legalDocumentLines(d: { total: number; byKind: { resolution: number; decision: number } }, province: boolean): string[] {
  const who = province ? 'HĐND, UBND tỉnh ban hành' : 'Đơn vị chủ trì tham mưu ban hành';
  if (d.total === 0) return [`${who} 0 văn bản quy phạm pháp luật trong kỳ.`];
  return [`${who} ${n(d.total)} văn bản quy phạm pháp luật (gồm ${n(d.byKind.resolution)} Nghị quyết và ${n(d.byKind.decision)} Quyết định).`];
}

export interface StaffCategory {
  assigned: number | null;
  present: number | null;
  gap: number | null;
  reductionRate: number | null;
  /** where the rate comes from: computed from the 2015 base, or as the unit reported it */
  rateBasis: 'base2015' | 'reported' | null;
}

function staffLine(label: string, unit: string, c: StaffCategory, year: number): string {
  if (c.assigned === null && c.present === null) return `${label}: chưa có số liệu năm ${year}.`;
  const gap = c.gap === null ? '' : c.gap > 0 ? `, thấp hơn số được giao ${n(c.gap)} ${unit}` : c.gap < 0 ? `, vượt số được giao ${n(-c.gap)} ${unit}` : ', bằng số được giao';
  const rate = c.reductionRate === null ? '' : ` Tỷ lệ giảm so với năm 2015 là ${pct(c.reductionRate)}${c.rateBasis === 'reported' ? ' (theo báo cáo của đơn vị)' : ''}.`;
  return `${label} năm ${year}: được giao ${n(c.assigned)} ${unit}, có mặt ${n(c.present)}${gap}.${rate}`;
}

export function staffingLines(s: { year: number; civilServants: StaffCategory; publicEmployees: StaffCategory; schemes: number; recruited: number }): string[] {
  return [
    staffLine('Biên chế công chức', 'biên chế', s.civilServants, s.year),
    staffLine('Số lượng người làm việc (viên chức)', 'người', s.publicEmployees, s.year),
    `Đề án vị trí việc làm được phê duyệt trong kỳ: ${n(s.schemes)} đơn vị; tuyển dụng ${n(s.recruited)} người.`,
  ];
}

export function index766Lines(x: { total: number; maxWithData: number; complete: boolean; bandVi: string | null }): string[] {
  if (x.complete) return [`Chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg): ${n(x.total)}/100 điểm${x.bandVi ? `, xếp loại ${x.bandVi}` : ''}.`];
  return [`Chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg): ${n(x.total)}/${n(x.maxWithData)} điểm ở các tiêu chí có dữ liệu (chưa đủ dữ liệu để xếp loại).`];
}

export function onlineServiceLines(x: { online: number; withDossiers: number; rate: number | null; dossiersOnlineRate: number | null }): string[] {
  return [`${n(x.withDossiers)}/${n(x.online)} dịch vụ công trực tuyến phát sinh hồ sơ (${pct(x.rate)}); tỷ lệ hồ sơ nộp trực tuyến ${pct(x.dossiersOnlineRate)}.`];
}

export function targetLines(t: { met: number; notMet: number; noData: number }): string[] {
  const total = t.met + t.notMet + t.noData;
  if (total === 0) return ['Chưa có chỉ tiêu nào được giao cho năm này.'];
  return [`Thực hiện chỉ tiêu: ${n(t.met)}/${n(total)} đạt, ${n(t.notMet)} chưa đạt, ${n(t.noData)} chưa có số liệu.`];
}

export function parLines(p: { year: number; index: number | null; rank: number | null; of: number | null } | null): string[] {
  if (!p || p.index === null) return ['Chưa có kết quả Chỉ số CCHC được công bố.'];
  return [`Chỉ số CCHC năm ${p.year}: ${pct(p.index)}${p.rank && p.of ? `, xếp thứ ${p.rank}/${p.of}` : ''}.`];
}
