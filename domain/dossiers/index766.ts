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
 *   this system's assumption; the decision's own split was not verified. 3.4 online payment (10): dossiers
 *   whose financial obligation was paid online, of those for which ingest reported the payment.
 * - 1.1–1.3 publicity (6 + 6 + 6, this system's split): procedures announced on time and published within
 *   5 working days (from the catalogue's dates, domain/procedures/publicity.ts), dossiers synced to the
 *   national portal (from ingest).
 * - 4.1 electronic results (8), 4.2 digitised components (7, full at ≥ 80 %), 4.3 re-used digital data (7,
 *   full at ≥ 80 %): this system's split of 22; of the dossiers for which ingest reported the field.
 * - 5.2 feedback handled on time (6 × rate; 6 when there was none), from the feedback module; 5.4 (12) =
 *   100 % − (late % + % of dossiers with feedback or a "not satisfied" survey answer), full at ≥ 90 %, over
 *   the dossiers judged for 2.1; computed once there are survey answers (without feedback figures, the basis
 *   says so).
 * Each input absent means "no data" for its components, never zero: systems that do not send the new fields
 * leave those criteria unscored. Components listed in `notApplicable` (criteria that do not apply to
 * communes) get full points, with that basis.
 */
import type { OneStopReport } from './report.js';

/** A share: `part` of `whole` (whole 0: no item). */
export interface Share {
  part: number;
  whole: number;
}

export interface Index766Input {
  procedures: { total: number; online: number; onlineWithDossiers: number };
  report: OneStopReport;
  /**
   * 1.x publicity, each null (or absent) when the catalogue / ingest holds no data for it: procedures whose
   * announcing decision came on time, procedures published within 5 working days of the decision, dossiers
   * synced to the national portal.
   */
  publicity?: { announcedOnTime: Share | null; publishedOnTime: Share | null; synced: Share | null } | null;
  /** 3.4: dossiers whose financial obligation was paid online, of those whose payment was reported */
  payment?: Share | null;
  /** 4.x: results issued electronically, dossiers digitised, dossiers re-using digital data (of those reported) */
  digitisation?: { electronicResult: Share | null; digitised: Share | null; reused: Share | null } | null;
  /** 5.2 from the feedback module: handled on time of those judged; absent or null: no data */
  feedback?: { onTime: number; judged: number; dossiersWithFeedback: number } | null;
  /** 5.4 survey side: dossiers with a survey answer in the period, and those with a "not satisfied" answer */
  surveys?: { answered: number; dissatisfied: number } | null;
  /** components given full points because they do not apply to the unit (communes) */
  notApplicable?: string[];
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
  /** what the basis leaves out or assumes, in Vietnamese */
  note?: string;
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

/** Half up to two decimals on the decimal text (7 × 0.3 ÷ 0.8 = 2.625 → 2.63, not binary 2.62). */
const round2 = (x: number) => (String(x).includes('e') ? Math.round(x * 100) / 100 : Number(`${Math.round(Number(`${x}e2`))}e-2`));

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
    // part × max × 100 ÷ (whole × fullAt %): integers and one division, so 3 × 7 × 100 ÷ (6 × 80) = 4.375 is exact
  const points = rate >= fullAt ? max : (part * max * 100) / (whole * Math.round(fullAt * 100));
  return { key, nameVi, nameEn, max, points: round2(points), rate: round2((part * 100) / whole), basis: `${part}/${whole}` };
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
  const pub = input.publicity ?? null;
  const dig = input.digitisation ?? null;
  const share = (key: string, nameVi: string, nameEn: string, max: number, x: Share | null | undefined, fullAt: number) =>
    x ? shareComponent(key, nameVi, nameEn, max, x.part, x.whole, fullAt) : noData(key, nameVi, nameEn, max);

  // 5.2: 6 × on-time rate, 6 when there was no feedback to judge
  const fb = input.feedback;
  const c52 = (() => {
    const [k, vi, en] = ['5.2', 'Xử lý phản ánh, kiến nghị đúng hạn', 'Feedback handled on time'] as const;
    if (!fb) return noData(k, vi, en, 6);
    if (fb.judged === 0) return { key: k, nameVi: vi, nameEn: en, max: 6, points: 6, rate: null, basis: '0/0' };
    return { key: k, nameVi: vi, nameEn: en, max: 6, points: round2((6 * fb.onTime) / fb.judged), rate: round2((fb.onTime / fb.judged) * 100), basis: `${fb.onTime}/${fb.judged}` };
  })();

  // 5.4: 100 % − (late % + % of dossiers with feedback or a "not satisfied" answer), full points at ≥ 90 %
  const sv = input.surveys;
  const c54 = (() => {
    const [k, vi, en] = ['5.4', 'Mức độ hài lòng (100 % − tỷ lệ trễ hạn − tỷ lệ hồ sơ có PAKN hoặc không hài lòng)', 'Satisfaction (100 % − late % − % of dossiers with feedback or "not satisfied")'] as const;
    if (!sv || judged === 0) return noData(k, vi, en, 12);
    const late = judged - onTime;
    const bad = Math.min(judged, sv.dissatisfied + (fb?.dossiersWithFeedback ?? 0));
    const rate = Math.max(0, 1 - (late + bad) / judged);
    const good = Math.max(0, judged - late - bad);
    const note = `100 % − (${late} trễ hạn + ${bad} có PAKN hoặc không hài lòng)/${judged}` + (fb ? '' : '; chưa gồm PAKN (chưa có số liệu)');
    return { key: k, nameVi: vi, nameEn: en, max: 12, points: round2(Math.min(1, rate / 0.9) * 12), rate: round2(rate * 100), basis: `${good}/${judged}`, note };
  })();

  const groups: Group766[] = [
    group('publicity', 'Công khai, minh bạch', 'Publicity and transparency', [
      share('1.1', 'TTHC được công bố đúng hạn', 'Procedures announced on time', 6, pub?.announcedOnTime, 1),
      share('1.2', 'TTHC được công khai trong 5 ngày làm việc', 'Procedures published within 5 working days', 6, pub?.publishedOnTime, 1),
      share('1.3', 'Hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia', 'Dossiers synced to the national portal', 6, pub?.synced, 1),
    ]),
    group('progress', 'Tiến độ, kết quả giải quyết', 'Progress and results', [progress]),
    group('online', 'Cung cấp dịch vụ trực tuyến', 'Online services', [
      shareComponent('3.1', 'TTHC cung cấp dịch vụ công trực tuyến', 'Procedures offered online', 4, input.procedures.online, input.procedures.total, 0.8),
      shareComponent('3.2', 'Dịch vụ trực tuyến có phát sinh hồ sơ', 'Online services that had dossiers', 4, input.procedures.onlineWithDossiers, input.procedures.online, 1),
      shareComponent('3.3', 'Hồ sơ nộp trực tuyến', 'Dossiers submitted online', 4, r.receivedOnline, r.received, 0.5),
      share('3.4', 'Thanh toán trực tuyến nghĩa vụ tài chính', 'Financial obligations paid online', 10, input.payment, 1),
    ]),
    group('digitisation', 'Số hóa hồ sơ', 'Digitisation', [
      share('4.1', 'Hồ sơ có kết quả điện tử', 'Results issued electronically', 8, dig?.electronicResult, 1),
      share('4.2', 'Hồ sơ được số hóa thành phần', 'Dossiers with digitised components', 7, dig?.digitised, 0.8),
      share('4.3', 'Hồ sơ tái sử dụng dữ liệu số hóa', 'Dossiers re-using digital data', 7, dig?.reused, 0.8),
    ]),
    group('satisfaction', 'Mức độ hài lòng', 'Satisfaction', [c52, c54]),
  ];
  // criteria that do not apply to the unit (communes): full points, said so
  const na = new Set(input.notApplicable ?? []);
  for (const g of groups) {
    g.components = g.components.map((c) => (na.has(c.key) ? { ...c, points: c.max, rate: null, basis: 'không áp dụng với cấp xã' } : c));
    const withData = g.components.filter((c) => c.points !== null);
    g.points = withData.length ? round2(withData.reduce((a, c) => a + c.points!, 0)) : null;
    g.maxWithData = withData.reduce((a, c) => a + c.max, 0);
  }
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
