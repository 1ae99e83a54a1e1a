/**
 * Targets on indicators (chỉ tiêu) for a year — for the province, for every unit of a level (86 / 70 / 60 % at
 * province / district / commune), or for one unit — often read from the plan's target lines. Each is shown
 * against the actual figure of the year's window: met, not met, or no data.
 */
import { asc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { indicatorTargets, planTargets, plans } from '../../db/schema.js';
import { type Comparator, type TargetLevel, TARGET_LEVELS, targetState, targetText } from '../../../domain/indicators/indicator.js';
import { unitsAsOf } from '../../../domain/org/history.js';
import { statisticsScope } from '../../../domain/org/scope.js';
import { errors } from '../../errors.js';
import { type AuditActor, recordAudit } from '../audit/record.js';
import { loadHistory } from '../org/history.js';
import { provincesOn, resolveScope, type Scope } from '../org/scope.js';
import { figureOf, figuresOfUnits, requireIndicator } from './figures.js';
import { windowOf } from './window.js';

export interface TargetInput {
  code: string;
  year: number;
  level?: TargetLevel | null;
  unitId?: number | null;
  comparator: Comparator;
  value: number;
  planTargetId?: number | null;
  text?: string | null;
}

export async function createTarget(db: Db, actor: AuditActor, input: TargetInput, now: Date) {
  const def = await requireIndicator(db, input.code);
  if (input.level && !TARGET_LEVELS.includes(input.level)) throw errors.badRequest('INVALID_LEVEL', 'Cấp áp dụng không hợp lệ.', 'Invalid level.', { field: 'level' });
  if (input.level && input.unitId) throw errors.badRequest('LEVEL_OR_UNIT', 'Chỉ tiêu áp dụng cho một cấp hoặc một đơn vị, không cả hai.', 'A target is for a level or a unit, not both.', { field: 'unitId' });
  if (!Number.isFinite(input.value) || input.value < 0) throw errors.badRequest('INVALID_VALUE', 'Giá trị chỉ tiêu phải là một số không âm.', 'The target must be a non-negative number.', { field: 'value' });
  if (input.planTargetId) {
    const [line] = await db.select({ id: planTargets.id }).from(planTargets).where(eq(planTargets.id, input.planTargetId));
    if (!line) throw errors.badRequest('UNKNOWN_PLAN_TARGET', 'Không có dòng chỉ tiêu kế hoạch này.', 'No such plan target line.', { field: 'planTargetId' });
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(indicatorTargets)
      .values({ code: def.code, year: input.year, level: input.level ?? null, unitId: input.unitId ?? null, comparator: input.comparator, value: String(input.value), planTargetId: input.planTargetId ?? null, text: input.text?.trim() || null, createdBy: actor.id, createdAt: now })
      .returning();
    await recordAudit(tx, actor, { action: 'indicator.target', entityType: 'indicator_target', entityId: row.id, unitId: row.unitId, after: row }, now);
    return row;
  });
}

export async function removeTarget(db: Db, actor: AuditActor, id: number, now: Date) {
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(indicatorTargets).where(eq(indicatorTargets.id, id)).returning();
    if (!row) throw errors.notFound('target');
    await recordAudit(tx, actor, { action: 'indicator.target_remove', entityType: 'indicator_target', entityId: id, unitId: row.unitId, before: row }, now);
  });
}

/**
 * Every target of a year with its actual figures: per unit it applies to (within `unitId`'s scope when given),
 * each met / not met / no data, and the counts.
 */
export async function targetStatus(db: Db, year: number, unitId: number | undefined, now: Date, calendar = false) {
  const targets = await db.select().from(indicatorTargets).where(eq(indicatorTargets.year, year)).orderBy(asc(indicatorTargets.code), asc(indicatorTargets.id));
  const w = windowOf(String(year), { calendar }, now);
  const h = await loadHistory(db);
  const alive = unitsAsOf(h, w.periodTo);
  const viewer: Scope | null = unitId === undefined ? null : await resolveScope(db, unitId);
  const visible = (id: number) => !viewer || viewer.unitIds!.includes(id);
  const scopeOf = (id: number) => statisticsScope(h, id);
  // the target lines of the year's plans (to choose from), and those the targets came from
  const linked = targets.flatMap((t) => (t.planTargetId ? [t.planTargetId] : []));
  const lines = await db
    .select({ id: planTargets.id, planId: planTargets.planId, seq: planTargets.seq, text: planTargets.text, planTitle: plans.title, planYear: plans.year })
    .from(planTargets)
    .innerJoin(plans, eq(plans.id, planTargets.planId))
    .where(linked.length ? or(eq(plans.year, year), inArray(planTargets.id, linked)) : eq(plans.year, year))
    .orderBy(asc(planTargets.planId), asc(planTargets.seq));
  const out = [];
  for (const t of targets) {
    const def = await requireIndicator(db, t.code);
    const target = { comparator: t.comparator as Comparator, value: Number(t.value) };
    let units: { unitId: number | null; unitName: string; actual: number | null; numerator: number | null; denominator: number | null; entered: boolean; link: string | null }[];
    if (t.level || t.unitId) {
      const ids = (t.unitId ? [t.unitId] : alive.filter((u) => u.type === (t.level === 'province' ? 'province' : t.level)).map((u) => u.id)).filter(visible);
      const figures = await figuresOfUnits(db, def, ids, scopeOf, (id) => ({ unit: { id, name: '' }, unitIds: scopeOf(id), history: async () => h }), w);
      units = ids.map((id) => {
        const f = figures.get(id) ?? { value: null };
        return { unitId: id, unitName: alive.find((u) => u.id === id)?.name ?? h.names.find((n) => n.unitId === id)?.name ?? String(id), actual: f.value, numerator: f.numerator ?? null, denominator: f.denominator ?? null, entered: !!f.entered, link: f.link ?? null };
      });
    } else {
      // the province of that year (Long An in 2020, Tây Ninh from 1/7/2025) unless a unit reads its own
      const scope = viewer ?? (await resolveScope(db, provincesOn(h, w.periodTo)[0]?.id));
      const f = await figureOf(db, def, scope, w);
      units = [{ unitId: scope.unit?.id ?? null, unitName: scope.unit?.name ?? 'Toàn tỉnh', actual: f.value, numerator: f.numerator ?? null, denominator: f.denominator ?? null, entered: !!f.entered, link: f.link ?? null }];
    }
    const states = units.map((u) => ({ ...u, state: targetState(target, u.actual) }));
    out.push({
      id: t.id,
      code: t.code,
      indicator: def.name,
      measure: def.measure,
      level: t.level,
      unitId: t.unitId,
      target,
      targetText: targetText(target, def.measure === '%' ? '%' : ` ${def.measure}`.trim()),
      text: t.text,
      planTargetId: t.planTargetId,
      planTarget: lines.find((l) => l.id === t.planTargetId) ?? null,
      units: states,
      met: states.filter((s) => s.state === 'met').length,
      notMet: states.filter((s) => s.state === 'not_met').length,
      noData: states.filter((s) => s.state === 'no_data').length,
    });
  }
  return { year, window: { from: w.from, to: w.periodTo, judgedAt: w.to }, targets: out, planLines: lines.filter((l) => l.planYear === year) };
}
