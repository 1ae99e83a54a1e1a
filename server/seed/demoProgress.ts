/**
 * Demo progress. The 2020 plan is closed: every lead unit's report "done" for every task (bulk, as the
 * historical record, with one audit event). The 2026 sample plan is in progress: its reports go through
 * the real use cases (draft → submit → accept / return), so the audit trail and notifications show them.
 */
import { seedFile } from '../paths.js';
import { readFileSync } from 'node:fs';
import { eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { planTasks, planTaskUnits, taskProgress, users } from '../db/schema.js';
import type { Role } from '../../domain/access/policy.js';
import { periodOf, type TaskStatus } from '../../domain/plans/progress.js';
import { recordAudit } from '../modules/audit/record.js';
import type { SessionUser } from '../modules/auth/sessions.js';
import { importPlan } from '../modules/plans/importPlan.js';
import { addEvidence, reviewReport, saveReport, submitReport } from '../modules/plans/progress.js';
import { DEMO_ACTOR } from './demo.js';

export const DEMO_PLAN_2026_FILE = seedFile('ke-hoach-cchc-2026-tay-ninh-mau.csv');

export async function closeDemoPlan2020(tx: Tx, planId: number, reviewerId: number) {
  const tasks = await tx.select({ id: planTasks.id, due: planTasks.due }).from(planTasks).where(eq(planTasks.planId, planId));
  const links = await tx
    .select({ taskId: planTaskUnits.taskId, unitId: planTaskUnits.unitId, role: planTaskUnits.role })
    .from(planTaskUnits)
    .where(inArray(planTaskUnits.taskId, tasks.map((t) => t.id)));
  // each report submitted on its task's due day in the morning (in office hours), accepted that afternoon
  const instant = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+07:00`);
  const rows = tasks.flatMap((t) => {
    const due = t.due && t.due >= '2019-10-01' && t.due <= '2020-12-31' ? t.due : '2020-12-18';
    const submittedAt = instant(due, '09:30');
    const reviewedAt = instant(due, '14:00');
    // the lead units report; a task led only by "các cơ quan liên quan" is reported by its coordinating units
    const lead = links.filter((l) => l.taskId === t.id && l.role === 'lead').map((l) => l.unitId);
    const unitIds = lead.length ? lead : links.filter((l) => l.taskId === t.id).map((l) => l.unitId);
    return unitIds.map((unitId) => ({
      taskId: t.id,
      unitId,
      period: periodOf(due),
      status: 'done',
      percent: 100,
      report: 'Đã hoàn thành (dữ liệu minh hoạ).',
      state: 'accepted',
      updatedAt: submittedAt,
      submittedAt,
      reviewedBy: reviewerId,
      reviewedAt,
    }));
  });
  for (let i = 0; i < rows.length; i += 500) await tx.insert(taskProgress).values(rows.slice(i, i + 500));
  await recordAudit(tx, DEMO_ACTOR, { action: 'demo.progress', entityType: 'plan', entityId: planId, after: { reports: rows.length, status: 'done' } }, new Date('2020-12-31T16:00:00+07:00'));
}

async function sessionUser(tx: Tx, username: string): Promise<SessionUser> {
  const [u] = await tx.select().from(users).where(eq(users.username, username));
  return { id: u.id, username: u.username, fullName: u.fullName, role: u.role as Role, unitId: u.unitId, locale: u.locale };
}

/** A one-page PDF, enough to be a real evidence file. */
export function tinyPdf(text: string): Buffer {
  const body = `BT /F1 12 Tf 72 720 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${body.length} >>\nstream\n${body}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

type Step = [number: string, unit: string, officer: string, head: string, period: string, status: TaskStatus, percent: number, report: string, end: 'draft' | 'submitted' | 'accepted' | 'returned', evidence?: string];

const STEPS: Step[] = [
  ['1.1', 'TN.SNV', 'snv.canbo', 'snv.lanhdao', '2026-Q1', 'done', 100, 'UBND tỉnh đã ban hành Kế hoạch CCHC năm 2026.', 'accepted', 'QD-ban-hanh-ke-hoach-CCHC-2026.pdf'],
  ['1.3', 'TN.SNV', 'snv.canbo', 'snv.lanhdao', '2026-Q1', 'done', 100, 'Đã công bố Chỉ số CCHC năm 2025.', 'accepted'],
  ['1.2', 'TN.SNV', 'snv.canbo', 'snv.lanhdao', '2026-Q2', 'in_progress', 40, 'Đã ban hành kế hoạch kiểm tra; kiểm tra 6/20 đơn vị.', 'accepted'],
  ['1.2', 'TN.SNV', 'snv.canbo', 'snv.lanhdao', '2026-Q3', 'in_progress', 80, 'Đã kiểm tra 16/20 đơn vị.', 'submitted'],
  ['2.1', 'TN.STP', 'stp.canbo', 'stp.lanhdao', '2026-Q2', 'done', 100, 'Đã rà soát 1.245 văn bản; đề nghị bãi bỏ 37 văn bản.', 'accepted', 'Bao-cao-ra-soat-VBQPPL.pdf'],
  ['2.2', 'TN.STP', 'stp.canbo', 'stp.lanhdao', '2026-Q1', 'in_progress', 50, 'Đã ban hành kế hoạch theo dõi thi hành pháp luật.', 'accepted'],
  ['2.2', 'TN.STP', 'stp.canbo', 'stp.lanhdao', '2026-Q3', 'in_progress', 70, 'Đang tổng hợp báo cáo của các sở, ngành.', 'draft'],
  ['4.1', 'TN.SNV', 'snv.canbo', 'snv.lanhdao', '2026-Q2', 'done', 100, 'Đã trình UBND tỉnh quyết định quy định chức năng, nhiệm vụ của 13 sở, ngành.', 'accepted'],
  ['5.1', 'TN.SNV', 'snv.canbo', 'snv.lanhdao', '2026-Q1', 'done', 100, 'Đã tổng hợp kết quả đánh giá, xếp loại năm 2025.', 'accepted'],
  ['5.2', 'TN.SNV', 'snv.canbo', 'snv.lanhdao', '2026-Q3', 'in_progress', 70, 'Đã mở 7/10 lớp bồi dưỡng.', 'accepted'],
  ['7.1', 'TN.SKHCN', 'khcn.canbo', 'khcn.lanhdao', '2026-Q3', 'in_progress', 60, 'Đang nâng cấp phân hệ một cửa.', 'returned'],
];

export async function loadDemoPlan2026(tx: Tx, ids: Map<string, number>) {
  const { planId } = await importPlan(tx, DEMO_ACTOR, {
    fileName: 'ke-hoach-cchc-2026-tay-ninh-mau.csv',
    file: readFileSync(DEMO_PLAN_2026_FILE),
    year: 2026,
    unitId: ids.get('TN')!,
    title: 'Kế hoạch cải cách hành chính năm 2026 của tỉnh Tây Ninh (mẫu minh hoạ)',
    decisionNumber: 'MẪU/QĐ-UBND',
    decisionDate: '2025-12-25',
  });
  const db = tx as unknown as Db;
  const admin = await sessionUser(tx, 'admin');
  const tasks = await tx.select({ id: planTasks.id, number: planTasks.number }).from(planTasks).where(eq(planTasks.planId, planId));
  for (const [k, [number, unit, officer, head, period, status, percent, report, end, evidence]] of STEPS.entries()) {
    const taskId = tasks.find((t) => t.number === number)!.id;
    // written in the quarter's last month, submitted two days later, reviewed three days after that
    const month = String(Number(period.slice(-1)) * 3).padStart(2, '0');
    const when = (day: number, hhmm: string) => new Date(`${period.slice(0, 4)}-${month}-${String(day).padStart(2, '0')}T${hhmm}:00+07:00`);
    const draft = await saveReport(db, await sessionUser(tx, officer), { taskId, unitId: ids.get(unit)!, period, status, percent, report }, when(9 + (k % 3), '09:15'));
    if (evidence) await addEvidence(db, await sessionUser(tx, officer), draft.id, { name: evidence, data: tinyPdf(report) }, when(9 + (k % 3), '09:40'));
    if (end === 'draft') continue;
    await submitReport(db, await sessionUser(tx, head), draft.id, when(11 + (k % 3), '15:00'));
    if (end === 'accepted') await reviewReport(db, admin, draft.id, 'accept', undefined, when(16 + (k % 3), '10:30'));
    if (end === 'returned') await reviewReport(db, admin, draft.id, 'return', 'Đề nghị bổ sung tiến độ chi tiết từng phân hệ và minh chứng nghiệm thu.', when(16 + (k % 3), '10:30'));
  }
  return planId;
}
