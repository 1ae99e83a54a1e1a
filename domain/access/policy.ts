/**
 * Who may do what. One policy for the whole system; modules add their actions here so that the
 * permission table test covers every role × action × own/other unit.
 */
export const ROLES = [
  'admin', // quản trị (Sở Nội vụ)
  'unit_officer', // cán bộ đơn vị: nhập liệu cho đơn vị mình
  'unit_head', // lãnh đạo đơn vị: duyệt, gửi số liệu của đơn vị
  'appraiser', // thành viên tổ thẩm định
  'leader', // lãnh đạo tỉnh: xem mọi thứ
  'supervisor', // HĐND: xem báo cáo
] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'org.read',
  'org.manage',
  'user.read',
  'user.manage',
  'audit.read',
  'audit.verify',
  'unitData.read', // a unit's working data (drafts, progress, self-assessment)
  'unitData.edit',
  'unitData.submit',
  'appraisal.write',
  'report.read',
  'plan.read',
  'plan.manage', // import and edit the province's plans
  'calendar.manage', // record the announced days off
  'procedure.manage', // the procedure list (danh mục TTHC)
  'dossier.ingest', // send dossier events (besides the one-stop systems' API key)
  'par.manage', // PAR-index criteria sets and rounds
  'indicator.manage', // indicators units enter, targets, values on a unit's behalf
  'report.manage', // the province's periodic CCHC report: draft from the units', finalise, urge
  'system.backup', // download a backup of the database
  'feedback.desk', // the province's feedback intake desk: time limits, every item
  'register.manage', // the registers of the CCHC report: legal documents (VBQPPL) and staffing (biên chế); read through report.read
  'survey.manage', // satisfaction questionnaires, campaigns, imports of answers
  'survey.enter', // enter a campaign's paper forms for one's unit
] as const;
export type Action = (typeof ACTIONS)[number];

export interface Actor {
  role: Role;
  unitId: number;
}
/** The unit a record belongs to; absent for system-wide resources. */
export interface Resource {
  unitId?: number | null;
}

type Scope = 'any' | 'own' | 'other' | 'none';

/** For each action, what each role may reach: any unit, its own unit only, only other units, or nothing. */
const RULES: Record<Action, Record<Role, Scope>> = {
  'org.read': { admin: 'any', unit_officer: 'any', unit_head: 'any', appraiser: 'any', leader: 'any', supervisor: 'any' },
  'org.manage': { admin: 'any', unit_officer: 'none', unit_head: 'none', appraiser: 'none', leader: 'none', supervisor: 'none' },
  'user.read': { admin: 'any', unit_officer: 'none', unit_head: 'own', appraiser: 'none', leader: 'any', supervisor: 'none' },
  'user.manage': { admin: 'any', unit_officer: 'none', unit_head: 'none', appraiser: 'none', leader: 'none', supervisor: 'none' },
  'audit.read': { admin: 'any', unit_officer: 'none', unit_head: 'own', appraiser: 'none', leader: 'any', supervisor: 'none' },
  'audit.verify': { admin: 'any', unit_officer: 'none', unit_head: 'none', appraiser: 'none', leader: 'none', supervisor: 'none' },
  'unitData.read': { admin: 'any', unit_officer: 'own', unit_head: 'own', appraiser: 'any', leader: 'any', supervisor: 'none' },
  'unitData.edit': { admin: 'none', unit_officer: 'own', unit_head: 'own', appraiser: 'none', leader: 'none', supervisor: 'none' },
  'unitData.submit': { admin: 'none', unit_officer: 'none', unit_head: 'own', appraiser: 'none', leader: 'none', supervisor: 'none' },
  // An appraiser never appraises their own unit (conflict of interest).
  'appraisal.write': { admin: 'none', unit_officer: 'none', unit_head: 'none', appraiser: 'other', leader: 'none', supervisor: 'none' },
  'report.read': { admin: 'any', unit_officer: 'own', unit_head: 'own', appraiser: 'any', leader: 'any', supervisor: 'any' },
  'plan.read': { admin: 'any', unit_officer: 'any', unit_head: 'any', appraiser: 'any', leader: 'any', supervisor: 'any' },
  'plan.manage': { admin: 'any', unit_officer: 'none', unit_head: 'none', appraiser: 'none', leader: 'none', supervisor: 'none' },
  'calendar.manage': { admin: 'any', unit_officer: 'none', unit_head: 'none', appraiser: 'none', leader: 'none', supervisor: 'none' },
  'procedure.manage': { admin: 'any', unit_officer: 'none', unit_head: 'none', appraiser: 'none', leader: 'none', supervisor: 'none' },
  'dossier.ingest': { admin: 'any', unit_officer: 'none', unit_head: 'none', appraiser: 'none', leader: 'none', supervisor: 'none' },
  'par.manage': { admin: 'any', unit_officer: 'none', unit_head: 'none', appraiser: 'none', leader: 'none', supervisor: 'none' },
  'indicator.manage': { admin: 'any', unit_officer: 'none', unit_head: 'none', appraiser: 'none', leader: 'none', supervisor: 'none' },
  'report.manage': { admin: 'any', unit_officer: 'none', unit_head: 'none', appraiser: 'none', leader: 'none', supervisor: 'none' },
  'system.backup': { admin: 'any', unit_officer: 'none', unit_head: 'none', appraiser: 'none', leader: 'none', supervisor: 'none' },
  'register.manage': { admin: 'any', unit_officer: 'none', unit_head: 'none', appraiser: 'none', leader: 'none', supervisor: 'none' },
  'feedback.desk': { admin: 'any', unit_officer: 'none', unit_head: 'none', appraiser: 'none', leader: 'none', supervisor: 'none' },
  'survey.manage': { admin: 'any', unit_officer: 'none', unit_head: 'none', appraiser: 'none', leader: 'none', supervisor: 'none' },
  'survey.enter': { admin: 'any', unit_officer: 'own', unit_head: 'own', appraiser: 'none', leader: 'none', supervisor: 'none' },
};

export function can(actor: Actor, action: Action, resource: Resource = {}): boolean {
  const scope = RULES[action][actor.role];
  if (scope === 'any') return true;
  if (scope === 'none') return false;
  // own/other scopes need a unit to compare; without one only 'own' users may list their own unit's things.
  if (resource.unitId === undefined || resource.unitId === null) return false;
  const own = resource.unitId === actor.unitId;
  return scope === 'own' ? own : !own;
}

/** The unit a scoped actor is limited to for `action`, or null when they may reach any unit. */
export function scopeUnit(actor: Actor, action: Action): number | null | 'none' {
  const scope = RULES[action][actor.role];
  if (scope === 'any') return null;
  if (scope === 'own') return actor.unitId;
  return 'none';
}

/**
 * Audit events whose content is a unit's working draft (scores, reports and files before submission).
 * The trail keeps them whole; a reader outside the unit sees that they happened, not what they say.
 */
export const DRAFT_AUDIT_ACTIONS: ReadonlySet<string> = new Set(['par.self.save', 'par.self.evidence', 'par.self.evidence_remove', 'progress.save', 'progress.evidence', 'report.save']);

/** Whether `reader` may read the before/after content of an audit event of `action` recorded for `unitId`. */
export function canReadAuditContent(reader: Actor, action: string, unitId: number | null): boolean {
  if (!DRAFT_AUDIT_ACTIONS.has(action)) return true;
  return unitId !== null && unitId === reader.unitId;
}
