/** A plan's goals and target lines: replaced as a whole by Sở Nội vụ, audited with before and after. */
import { asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { plans, planTargets } from '../../db/schema.js';
import { parseTargets } from '../../../domain/plans/targets.js';
import { nfc } from '../../../domain/text/normalize.js';
import { errors } from '../../errors.js';
import { type AuditActor, recordAudit } from '../audit/record.js';

export async function planTargetsOf(db: Db | Tx, planId: number) {
  return db.select({ seq: planTargets.seq, text: planTargets.text, structured: planTargets.structured }).from(planTargets).where(eq(planTargets.planId, planId)).orderBy(asc(planTargets.seq));
}

export async function setPlanTargets(db: Db | Tx, actor: AuditActor, planId: number, goals: string | null, lines: string[]) {
  return db.transaction(async (tx) => {
    const [plan] = await tx.select().from(plans).where(eq(plans.id, planId));
    if (!plan) throw errors.notFound('plan');
    const before = { goals: plan.goals, targets: (await planTargetsOf(tx, planId)).map((t) => t.text) };
    const clean = lines.map(nfc).filter(Boolean);
    await tx.update(plans).set({ goals: goals === null ? null : goals.trim() || null }).where(eq(plans.id, planId));
    await tx.delete(planTargets).where(eq(planTargets.planId, planId));
    if (clean.length) await tx.insert(planTargets).values(clean.map((text, seq) => ({ planId, seq, text, structured: parseTargets(text) })));
    await recordAudit(tx, actor, { action: 'plan.targets', entityType: 'plan', entityId: planId, unitId: plan.unitId, before, after: { goals, targets: clean } });
    return planTargetsOf(tx, planId);
  });
}
