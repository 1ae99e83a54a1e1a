/**
 * Import of a plan's task table: read the file, resolve agencies among the issuing unit's units as of the
 * plan year, and either return the preview (dry run) or save everything in one transaction. A table with
 * any row error, or with agency names not yet mapped, saves nothing.
 */
import type { Db, Tx } from '../../db/client.js';
import { agencyAliases, planAreas, plans, planTaskProducts, planTasks, planTaskUnits } from '../../db/schema.js';
import { type AgencyAlias, type AgencyGroup, AGENCY_GROUPS, AgencyResolver, type AgencyUnit, expandGroups } from '../../../domain/plans/agencies.js';
import { formatMilli, readPlanTable, type TableResult, type TableTask, taskSortKey } from '../../../domain/plans/planTable.js';
import { buildTree, type OrgHistory, type UnitType, unitsAsOf } from '../../../domain/org/history.js';
import { fold } from '../../../domain/text/normalize.js';
import { AppError, errors } from '../../errors.js';
import { type AuditActor, recordAudit } from '../audit/record.js';
import { loadHistory } from '../org/history.js';
import { readPlanFile } from './files.js';

export interface PlanMeta {
  year: number;
  unitId: number;
  title?: string;
  decisionNumber?: string;
  decisionDate?: string;
}

export interface ImportInput extends PlanMeta {
  fileName: string;
  file: Buffer;
  /** names the user mapped in the preview: to a unit, or null for a body outside the system */
  mappings?: AgencyAlias[];
}

/**
 * The issuing unit and everything below it on 1 January of the plan year: the units a plan's groups
 * ("các sở, ban, ngành tỉnh", "UBND cấp huyện") and names stand for.
 */
function scopeUnits(h: OrgHistory, unitId: number, year: number): AgencyUnit[] {
  const date = `${year}-01-01`;
  const all = unitsAsOf(h, date);
  const root = buildTree(all);
  const find = (nodes: ReturnType<typeof buildTree>): ReturnType<typeof buildTree>[number] | undefined => {
    for (const n of nodes) {
      if (n.id === unitId) return n;
      const hit = find(n.children);
      if (hit) return hit;
    }
    return undefined;
  };
  const issuer = find(root);
  if (!issuer) {
    throw errors.badRequest('UNIT_NOT_ALIVE', `Đơn vị ban hành không hoạt động vào ngày 01/01/${year}.`, `The issuing unit was not alive on ${date}.`, { field: 'unitId' });
  }
  const out: AgencyUnit[] = [];
  const walk = (n: typeof issuer) => {
    out.push({ id: n.id, name: n.name, type: n.type });
    n.children.forEach(walk);
  };
  walk(issuer);
  return out;
}

/** For each group: the last day a unit of its types was alive before the plan year (the district tier: 30/6/2025). */
function groupsEnded(h: OrgHistory, year: number): Partial<Record<AgencyGroup, string>> {
  const start = `${year}-01-01`;
  const out: Partial<Record<AgencyGroup, string>> = {};
  for (const [g, { types }] of Object.entries(AGENCY_GROUPS) as [AgencyGroup, { types: readonly UnitType[] }][]) {
    const ends = h.units.filter((u) => types.includes(u.type) && u.validTo !== null && u.validTo < start).map((u) => u.validTo!);
    if (ends.length) out[g] = ends.reduce((a, b) => (b > a ? b : a));
  }
  return out;
}

/**
 * The units of one role of a task: those named, then those of its groups. A unit that leads the task is
 * not also a coordinator through a group ("Sở Nội vụ chủ trì; các sở, ban, ngành tỉnh phối hợp").
 */
function taskUnits(t: TableTask, role: 'lead' | 'coordinating', units: AgencyUnit[]): { id: number; via: string }[] {
  const r = role === 'lead' ? t.lead : t.coordinating;
  const out = new Map<number, string>(r.unitIds.map((id) => [id, 'named']));
  const leads = role === 'coordinating' ? new Set(taskUnits(t, 'lead', units).map((u) => u.id)) : new Set<number>();
  for (const g of r.groups) for (const id of expandGroups([g], units)) if (!out.has(id) && !leads.has(id)) out.set(id, g);
  return [...out].map(([id, via]) => ({ id, via }));
}

function unitsOf(t: TableTask, role: 'lead' | 'coordinating', units: AgencyUnit[]) {
  const name = new Map(units.map((u) => [u.id, u.name]));
  return taskUnits(t, role, units).map(({ id }) => ({ id, name: name.get(id) ?? String(id) }));
}

/** The preview the import wizard shows: every task with its parsed timeframe, units and errors. */
export function presentTable(t: TableResult, units: AgencyUnit[]) {
  const areaName = new Map(t.areas.map((a) => [a.number, a.name]));
  const sumMilli = t.tasks.reduce((s, x) => s + (x.budgetMilli ?? 0), 0);
  return {
    areas: t.areas,
    tasks: t.tasks.map((x) => ({
      number: x.number,
      area: x.areaNumber,
      areaName: areaName.get(x.areaNumber) ?? null,
      text: x.text,
      products: x.products.map((p) => ({
        text: p.text,
        timeframeText: p.timeframeText,
        timeframe: p.timeframe,
        budgetMillion: p.budget.milli === null ? null : Number(formatMilli(p.budget.milli)),
        budgetNote: p.budget.note,
        row: p.row,
      })),
      leadText: x.leadText,
      coordinatingText: x.coordinatingText,
      leadUnits: unitsOf(x, 'lead', units),
      coordinatingUnits: unitsOf(x, 'coordinating', units),
      leadGroups: x.lead.groups.map((g) => AGENCY_GROUPS[g].vi),
      coordinatingGroups: x.coordinating.groups.map((g) => AGENCY_GROUPS[g].vi),
      external: [...x.lead.external, ...x.coordinating.external],
      due: x.due,
      budgetMillion: x.budgetMilli === null ? null : Number(formatMilli(x.budgetMilli)),
      rows: x.rows,
    })),
    errors: t.errors,
    /** things to look at before saving (a group with no unit alive in the plan year); they do not stop it */
    warnings: t.warnings,
    unresolved: t.unresolved,
    flaggedTimeframes: t.flaggedTimeframes,
    summary: { tasks: t.tasks.length, products: t.tasks.reduce((s, x) => s + x.products.length, 0), budgetMillion: Number(formatMilli(sumMilli)) },
    canSave: t.errors.length === 0 && t.unresolved.length === 0,
  };
}

export type PlanPreview = ReturnType<typeof presentTable>;

async function prepare(db: Db | Tx, input: ImportInput) {
  const { rows } = await readPlanFile(input.fileName, input.file);
  const history = await loadHistory(db);
  const units = scopeUnits(history, input.unitId, input.year);
  const stored = await db.select({ text: agencyAliases.text, unitId: agencyAliases.unitId }).from(agencyAliases);
  const resolver = new AgencyResolver(units, [...stored, ...(input.mappings ?? [])]);
  const table = readPlanTable(rows, input.year, resolver, { groupEnded: groupsEnded(history, input.year) });
  return { table, units, preview: presentTable(table, units) };
}

export async function previewPlanImport(db: Db, input: ImportInput): Promise<PlanPreview> {
  return (await prepare(db, input)).preview;
}

export async function importPlan(db: Db | Tx, actor: AuditActor, input: ImportInput): Promise<{ planId: number; preview: PlanPreview }> {
  return db.transaction(async (tx) => {
    const { table, units, preview } = await prepare(tx, input);
    if (!preview.canSave) {
      throw new AppError(
        400,
        'IMPORT_INVALID',
        `Chưa thể lưu: ${table.errors.length} lỗi, ${table.unresolved.length} tên cơ quan chưa xác định. Không có dữ liệu nào được lưu.`,
        `Cannot save: ${table.errors.length} errors, ${table.unresolved.length} unresolved agency names. Nothing was saved.`,
        { errors: table.errors, unresolved: table.unresolved },
      );
    }
    for (const m of input.mappings ?? []) {
      const folded = fold(m.text);
      await tx.insert(agencyAliases).values({ text: m.text, folded, unitId: m.unitId, createdBy: actor.id }).onConflictDoUpdate({ target: agencyAliases.folded, set: { unitId: m.unitId } });
    }
    const [plan] = await tx
      .insert(plans)
      .values({
        unitId: input.unitId,
        year: input.year,
        title: input.title?.trim() || `Kế hoạch cải cách hành chính năm ${input.year}`,
        decisionNumber: input.decisionNumber ?? null,
        decisionDate: input.decisionDate ?? null,
        sourceFile: input.fileName,
        createdBy: actor.id,
      })
      .returning({ id: plans.id });
    const areaIds = new Map<number, number>();
    for (const a of table.areas) {
      const [row] = await tx.insert(planAreas).values({ planId: plan.id, number: a.number, name: a.name }).returning({ id: planAreas.id });
      areaIds.set(a.number, row.id);
    }
    for (const t of table.tasks) {
      const [task] = await tx
        .insert(planTasks)
        .values({
          planId: plan.id,
          areaId: areaIds.get(t.areaNumber)!,
          number: t.number,
          sortKey: taskSortKey(t.number),
          text: t.text,
          leadText: t.leadText,
          coordinatingText: t.coordinatingText,
          leadGroups: t.lead.groups,
          coordinatingGroups: t.coordinating.groups,
          due: t.due,
          budgetMillion: t.budgetMilli === null ? null : formatMilli(t.budgetMilli),
        })
        .returning({ id: planTasks.id });
      await tx.insert(planTaskProducts).values(
        t.products.map((p, seq) => ({
          taskId: task.id,
          seq,
          text: p.text,
          timeframeText: p.timeframeText,
          timeframeKind: p.timeframe.kind,
          windows: p.timeframe.windows,
          recurring: p.timeframe.recurring,
          due: p.timeframe.due,
          budgetMillion: p.budget.milli === null ? null : formatMilli(p.budget.milli),
          budgetNote: p.budget.note,
        })),
      );
      const links = (['lead', 'coordinating'] as const).flatMap((role) => taskUnits(t, role, units).map((u) => ({ taskId: task.id, unitId: u.id, role, via: u.via })));
      if (links.length) await tx.insert(planTaskUnits).values(links);
    }
    await recordAudit(tx, actor, {
      action: 'plan.import',
      entityType: 'plan',
      entityId: plan.id,
      unitId: input.unitId,
      after: { year: input.year, decisionNumber: input.decisionNumber ?? null, file: input.fileName, ...preview.summary, mappings: input.mappings ?? [] },
    });
    return { planId: plan.id, preview };
  });
}
