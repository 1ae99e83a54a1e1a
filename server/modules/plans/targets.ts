/**
 * A plan's goals and target lines: replaced as a whole by Sở Nội vụ, audited with before and after. A line
 * whose text stays keeps its identity (an indicator target may name it as the line it came from); a target
 * whose line is removed stays, no longer linked to a line.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { indicatorTargets, plans, planTargets } from '../../db/schema.js';
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
    const old = await tx.select({ id: planTargets.id, text: planTargets.text }).from(planTargets).where(eq(planTargets.planId, planId));
    const kept = new Map<number, number>(); // old line id → its new position
    const fresh: { seq: number; text: string }[] = [];
    clean.forEach((text, seq) => {
      const same = old.find((o) => o.text === text && !kept.has(o.id));
      if (same) kept.set(same.id, seq);
      else fresh.push({ seq, text });
    });
    const gone = old.filter((o) => !kept.has(o.id)).map((o) => o.id);
    let unlinked: number[] = [];
    if (gone.length) {
      unlinked = (await tx.update(indicatorTargets).set({ planTargetId: null }).where(inArray(indicatorTargets.planTargetId, gone)).returning({ id: indicatorTargets.id })).map((r) => r.id);
      await tx.delete(planTargets).where(inArray(planTargets.id, gone));
    }
    // positions change in two steps, so that no two lines share one on the way (unique per plan)
    if (kept.size) await tx.update(planTargets).set({ seq: sql`-1 - ${planTargets.seq}` }).where(and(eq(planTargets.planId, planId), inArray(planTargets.id, [...kept.keys()])));
    for (const [id, seq] of kept) await tx.update(planTargets).set({ seq }).where(eq(planTargets.id, id));
    if (fresh.length) await tx.insert(planTargets).values(fresh.map(({ seq, text }) => ({ planId, seq, text, structured: parseTargets(text) })));
    await recordAudit(tx, actor, { action: 'plan.targets', entityType: 'plan', entityId: planId, unitId: plan.unitId, before, after: { goals, targets: clean, ...(unlinked.length ? { unlinkedIndicatorTargets: unlinked } : {}) } });
    return planTargetsOf(tx, planId);
  });
}
