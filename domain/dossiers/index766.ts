/**
 * The index of service to citizens and businesses of Decision 766/QĐ-TTg (2022), REFERENCE.md §8:
 * five groups, 100 points. Only what the province's own data can support is scored; every other component
 * is "no data" (points null) and counts neither as full nor as zero. The total is then the sum over the
 * components with data, shown against their maximum; the band of the official scale is given only when
 * every component has data, and otherwise an estimate (the scored share scaled to 100) is labelled as such.
 *
 * Scored from the data:
 * - 2.1 progress (20): share of dossiers handled on time, 20 × rate. Ended dossiers (processed, returned,
 *   stopped or refused after receipt) by their end; unfinished ones judged at the period's end.
 * - 3.1 procedures offered online (full at ≥ 80 %), 3.2 online procedures that had dossiers, 3.3 dossiers
 *   submitted online (full at ≥ 50 %). The split of the 12 points of "online" over 3.1–3.3 (4 + 4 + 4) is
 *   this system's assumption; the decision's own split was not verified. Groups 1 and 4, 3.4 (online
 *   payment) and 5 need data the system does not hold yet (announcement dates, payments, digitisation,
 *   feedback and surveys): they are listed, as no data, with the group's points.
 */
import type { OneStopReport } from './report.js';

export interface Index766Input {
  procedures: { total: number; online: number; onlineWithDossiers: number };
  report: OneStopReport;
}

export interface Component766 {
  key: string;
  nameVi: string;
  nameEn: string;
  max: number;
  /** null: no data */
  points: number | null;
  /** the rate the points come from, percent; null when there is none */
  rate: number | null;
  basis: string | null;
}

export interface Group766 {
  key: 'publicity' | 'progress' | 'online' | 'digitisation' | 'satisfaction';
  nameVi: string;
  nameEn: string;
  max: number;
  points: number | null;
  maxWithData: number;
  components: Component766[];
}

export type Band = 'excellent' | 'good' | 'fair' | 'average' | 'weak';

export interface Index766 {
  groups: Group766[];
  /** points of the components with data */
  total: number;
  maxWithData: number;
  complete: boolean;
  /** the official band, only when every component has data */
  band: Band | null;
  /** the scored share scaled to 100, and its band: an estimate while data is missing */
  estimate: { score: number; band: Band } | null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** 90–100 excellent, 80–<90 good, < 50 weak (70–80 fair and 50–70 average are unverified). */
export function band766(score: number): Band {
  if (score >= 90) return 'excellent';
  if (score >= 80) return 'good';
  if (score >= 70) return 'fair';
  if (score >= 50) return 'average';
  return 'weak';
}

const noData = (key: string, nameVi: string, nameEn: string, max: number): Component766 => ({ key, nameVi, nameEn, max, points: null, rate: null, basis: null });

/** Points of a share that earns full marks at `fullAt` (0–1) and pro rata below. */
function shareComponent(key: string, nameVi: string, nameEn: string, max: number, part: number, whole: number, fullAt: number): Component766 {
  if (whole === 0) return noData(key, nameVi, nameEn, max);
  const rate = part / whole;
  return { key, nameVi, nameEn, max, points: round2(Math.min(1, rate / fullAt) * max), rate: round2(rate * 100), basis: `${part}/${whole}` };
}

export function computeIndex766(input: Index766Input): Index766 {
  const r = input.report;
  const onTime = r.early + r.onTime + (r.refused - r.refusedLate) + r.inProgressOnTime;
  const judged = r.resolved + r.refused + r.inProgress;
  const progress = judged === 0 ? noData('2.1', 'Tỷ lệ hồ sơ giải quyết đúng hạn', 'Dossiers handled on time', 20) : { key: '2.1', nameVi: 'Tỷ lệ hồ sơ giải quyết đúng hạn', nameEn: 'Dossiers handled on time', max: 20, points: round2((20 * onTime) / judged), rate: round2((onTime / judged) * 100), basis: `${onTime}/${judged}` };

  const group = (key: Group766['key'], nameVi: string, nameEn: string, components: Component766[]): Group766 => {
    const withData = components.filter((c) => c.points !== null);
    return {
      key,
      nameVi,
      nameEn,
      max: components.reduce((a, c) => a + c.max, 0),
      points: withData.length ? round2(withData.reduce((a, c) => a + c.points!, 0)) : null,
      maxWithData: withData.reduce((a, c) => a + c.max, 0),
      components,
    };
  };
  const groups: Group766[] = [
    group('publicity', 'Công khai, minh bạch', 'Publicity and transparency', [
      noData('1', 'Công bố, công khai TTHC đúng hạn; đồng bộ hồ sơ lên Cổng Dịch vụ công quốc gia', 'Procedures announced and published on time; dossiers synced to the national portal', 18),
    ]),
    group('progress', 'Tiến độ, kết quả giải quyết', 'Progress and results', [progress]),
    group('online', 'Cung cấp dịch vụ trực tuyến', 'Online services', [
      shareComponent('3.1', 'TTHC cung cấp dịch vụ công trực tuyến', 'Procedures offered online', 4, input.procedures.online, input.procedures.total, 0.8),
      shareComponent('3.2', 'Dịch vụ trực tuyến có phát sinh hồ sơ', 'Online services that had dossiers', 4, input.procedures.onlineWithDossiers, input.procedures.online, 1),
      shareComponent('3.3', 'Hồ sơ nộp trực tuyến', 'Dossiers submitted online', 4, r.receivedOnline, r.received, 0.5),
      noData('3.4', 'Thanh toán trực tuyến', 'Online payment', 10),
    ]),
    group('digitisation', 'Số hóa hồ sơ', 'Digitisation', [
      noData('4', 'Kết quả điện tử, số hóa hồ sơ, tái sử dụng dữ liệu số hóa', 'Electronic results, digitisation, re-use of digitised data', 22),
    ]),
    group('satisfaction', 'Mức độ hài lòng', 'Satisfaction', [
      noData('5.2', 'Xử lý phản ánh, kiến nghị đúng hạn', 'Feedback handled on time', 6),
      noData('5.4', 'Mức độ hài lòng và các tiêu chí còn lại của nhóm', 'Satisfaction and the group’s other criteria', 12),
    ]),
  ];
  const all = groups.flatMap((g) => g.components);
  const total = round2(all.reduce((a, c) => a + (c.points ?? 0), 0));
  const maxWithData = all.filter((c) => c.points !== null).reduce((a, c) => a + c.max, 0);
  const complete = all.every((c) => c.points !== null);
  const score = maxWithData ? round2((total / maxWithData) * 100) : null;
  return {
    groups,
    total,
    maxWithData,
    complete,
    band: complete ? band766(total) : null,
    estimate: !complete && score !== null ? { score, band: band766(score) } : null,
  };
}
