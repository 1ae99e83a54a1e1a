/**
 * Indicators units enter (definitions by the administrator) and the values units enter per reporting period,
 * with a note or an evidence file. A value is checked against its indicator (a ratio needs its numerator and
 * denominator; nothing negative) and its period; every write is audited.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { indicators, indicatorValues } from '../../db/schema.js';
import { can } from '../../../domain/access/policy.js';
import { type Aggregation, ratioValue } from '../../../domain/indicators/indicator.js';
import { nfc } from '../../../domain/text/normalize.js';
import { errors } from '../../errors.js';
import { type AuditActor, recordAudit } from '../audit/record.js';
import type { SessionUser } from '../auth/sessions.js';
import { loadHistory } from '../org/history.js';
import { evidenceType } from '../plans/progress.js';
import { computedIndicator } from './registry.js';
import { requireIndicator } from './figures.js';
import { requirePeriod } from './window.js';

export interface DefinitionInput {
  code: string;
  name: string;
  nameEn?: string | null;
  measure: string;
  aggregation: Aggregation;
  unitTypes?: string[] | null;
  description?: string | null;
}

export async function createDefinition(db: Db, actor: AuditActor, input: DefinitionInput, now: Date) {
  const code = input.code.trim();
  if (computedIndicator(code)) throw errors.conflict('CODE_TAKEN', 'Mã chỉ số đã được hệ thống dùng cho một chỉ số tự tính.', 'The code is a computed indicator’s.', { field: 'code' });
  return db.transaction(async (tx) => {
    const [clash] = await tx.select({ code: indicators.code }).from(indicators).where(eq(indicators.code, code));
    if (clash) throw errors.conflict('CODE_TAKEN', 'Mã chỉ số đã tồn tại.', 'The code is taken.', { field: 'code' });
    const [row] = await tx
      .insert(indicators)
      .values({ code, name: nfc(input.name.trim()), nameEn: input.nameEn?.trim() || null, measure: input.measure.trim(), aggregation: input.aggregation, unitTypes: input.unitTypes?.length ? input.unitTypes : null, description: input.description?.trim() || null, createdBy: actor.id, createdAt: now })
      .returning();
    await recordAudit(tx, actor, { action: 'indicator.create', entityType: 'indicator', entityId: code, after: row }, now);
    return row;
  });
}

export interface ValueInput {
  code: string;
  unitId: number;
  period: string;
  value?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  note?: string | null;
}

const bad = (vi: string, en: string, field: string) => errors.badRequest('INVALID_VALUE', vi, en, { field });

/** A unit's officer enters its own unit's value; the administrator may enter any unit's (re-typing a report). */
export async function saveValue(db: Db, user: SessionUser, actor: AuditActor, input: ValueInput, now: Date) {
  if (!can(user, 'unitData.edit', { unitId: input.unitId }) && !can(user, 'indicator.manage')) throw errors.forbidden();
  const def = await requireIndicator(db, input.code);
  requirePeriod(input.period);
  const h = await loadHistory(db);
  const unit = h.units.find((u) => u.id === input.unitId);
  if (!unit) throw errors.notFound('unit');
  if (def.unitTypes && !def.unitTypes.includes(unit.type)) throw errors.badRequest('NOT_APPLICABLE', 'Chỉ số không áp dụng cho loại đơn vị này.', 'The indicator does not apply to this unit type.', { field: 'unitId' });
  const nonNegative = (v: number | null | undefined, field: string) => {
    if (v === null || v === undefined) return null;
    if (!Number.isFinite(v) || v < 0) throw bad('Giá trị phải là một số không âm.', 'Values must be non-negative numbers.', field);
    return Math.round(v * 100) / 100;
  };
  let value: number | null;
  let numerator: number | null = null;
  let denominator: number | null = null;
  if (def.aggregation === 'ratio') {
    numerator = nonNegative(input.numerator, 'numerator');
    denominator = nonNegative(input.denominator, 'denominator');
    if (numerator === null || denominator === null) throw bad('Chỉ số tỷ lệ cần cả tử số và mẫu số (ví dụ: số hồ sơ xử lý trên môi trường mạng / tổng số hồ sơ).', 'A ratio needs its numerator and denominator.', numerator === null ? 'numerator' : 'denominator');
    if (denominator === 0 && numerator > 0) throw bad('Mẫu số bằng 0 thì tử số cũng phải bằng 0.', 'With a zero denominator the numerator must be zero.', 'numerator');
    value = ratioValue(numerator, denominator).value;
  } else {
    value = nonNegative(input.value, 'value');
    if (value === null) throw bad('Hãy nhập giá trị.', 'A value is required.', 'value');
  }
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(indicatorValues).where(and(eq(indicatorValues.code, def.code), eq(indicatorValues.unitId, input.unitId), eq(indicatorValues.period, input.period)));
    const values = {
      value: value === null ? null : String(value),
      numerator: numerator === null ? null : String(numerator),
      denominator: denominator === null ? null : String(denominator),
      note: input.note?.trim() || null,
      enteredBy: user.id,
      enteredAt: now,
    };
    const [row] = await tx
      .insert(indicatorValues)
      .values({ code: def.code, unitId: input.unitId, period: input.period, ...values })
      .onConflictDoUpdate({ target: [indicatorValues.code, indicatorValues.unitId, indicatorValues.period], set: values })
      .returning({ id: indicatorValues.id, code: indicatorValues.code, unitId: indicatorValues.unitId, period: indicatorValues.period, value: indicatorValues.value, numerator: indicatorValues.numerator, denominator: indicatorValues.denominator, note: indicatorValues.note, evidenceName: indicatorValues.evidenceName });
    const plain = (r: typeof before | undefined) => (r ? { value: r.value, numerator: r.numerator, denominator: r.denominator, note: r.note, evidenceName: r.evidenceName } : null);
    await recordAudit(tx, actor, { action: 'indicator.value', entityType: 'indicator_value', entityId: row.id, unitId: input.unitId, before: plain(before), after: { code: def.code, period: input.period, value: row.value, numerator: row.numerator, denominator: row.denominator, note: row.note, evidenceName: row.evidenceName } }, now);
    return { ...row, value: row.value === null ? null : Number(row.value), numerator: row.numerator === null ? null : Number(row.numerator), denominator: row.denominator === null ? null : Number(row.denominator) };
  });
}

/** An evidence file for a value already entered (the unit's own, or any for the administrator). */
export async function attachEvidence(db: Db, user: SessionUser, actor: AuditActor, key: { code: string; unitId: number; period: string }, file: { name: string; data: Buffer }, now: Date) {
  if (!can(user, 'unitData.edit', { unitId: key.unitId }) && !can(user, 'indicator.manage')) throw errors.forbidden();
  const evidenceName = file.name.normalize('NFC').replace(/[\\/]/g, '_').slice(0, 200);
  const type = evidenceType(file.name, file.data);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(indicatorValues)
      .set({ evidenceName, evidenceType: type, evidence: file.data })
      .where(and(eq(indicatorValues.code, key.code), eq(indicatorValues.unitId, key.unitId), eq(indicatorValues.period, key.period)))
      .returning({ id: indicatorValues.id });
    if (!row) throw errors.conflict('NO_VALUE', 'Hãy nhập giá trị của kỳ trước khi đính kèm minh chứng.', 'Enter the value before attaching evidence.');
    await recordAudit(tx, actor, { action: 'indicator.evidence', entityType: 'indicator_value', entityId: row.id, unitId: key.unitId, after: { ...key, evidenceName, size: file.data.length } }, now);
    return { id: row.id, evidenceName };
  });
}

/**
 * What a unit entered for a period (value, note, the evidence file's name), for the entry form; null when
 * nothing was entered. Its own unit's, or any unit's for those who read that unit's reports.
 */
export async function enteredValue(db: Db, user: SessionUser, key: { code: string; unitId: number; period: string }) {
  if (!can(user, 'unitData.read', { unitId: key.unitId }) && !can(user, 'report.read', { unitId: key.unitId })) throw errors.forbidden();
  const def = await requireIndicator(db, key.code);
  requirePeriod(key.period);
  const [r] = await db
    .select({ value: indicatorValues.value, numerator: indicatorValues.numerator, denominator: indicatorValues.denominator, note: indicatorValues.note, evidenceName: indicatorValues.evidenceName, enteredAt: indicatorValues.enteredAt })
    .from(indicatorValues)
    .where(and(eq(indicatorValues.code, def.code), eq(indicatorValues.unitId, key.unitId), eq(indicatorValues.period, key.period)));
  if (!r) return null;
  const num = (x: string | null) => (x === null ? null : Number(x));
  return { code: def.code, unitId: key.unitId, period: key.period, value: num(r.value), numerator: num(r.numerator), denominator: num(r.denominator), note: r.note, evidenceName: r.evidenceName, enteredAt: r.enteredAt };
}

/** The evidence file of an entered value (same readers as the value). */
export async function evidenceFile(db: Db, user: SessionUser, key: { code: string; unitId: number; period: string }) {
  if (!can(user, 'unitData.read', { unitId: key.unitId }) && !can(user, 'report.read', { unitId: key.unitId })) throw errors.forbidden();
  const [r] = await db
    .select({ name: indicatorValues.evidenceName, type: indicatorValues.evidenceType, data: indicatorValues.evidence })
    .from(indicatorValues)
    .where(and(eq(indicatorValues.code, key.code), eq(indicatorValues.unitId, key.unitId), eq(indicatorValues.period, key.period)));
  if (!r?.data || !r.name) throw errors.notFound('evidence');
  return { name: r.name, type: r.type ?? 'application/octet-stream', data: r.data };
}

export async function listValues(db: Db, code: string, period: string) {
  return db
    .select({ id: indicatorValues.id, unitId: indicatorValues.unitId, value: indicatorValues.value, numerator: indicatorValues.numerator, denominator: indicatorValues.denominator, note: indicatorValues.note, evidenceName: indicatorValues.evidenceName, enteredAt: indicatorValues.enteredAt })
    .from(indicatorValues)
    .where(and(eq(indicatorValues.code, code), eq(indicatorValues.period, period)));
}
