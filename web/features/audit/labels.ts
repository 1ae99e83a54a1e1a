/** How the audit trail names its actions and records to people: a label per action, the record's name and page. */

export interface AuditRecordRef {
  action: string;
  entityType: string;
  entityId: string;
  unitId: number | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** The action's Vietnamese (or English) label; an action without one keeps its code. */
export function actionLabel(t: (k: string) => string, action: string): string {
  const key = `action.${action}`;
  const label = t(key);
  return label === key ? action : label;
}

export function entityLabel(t: (k: string) => string, entityType: string): string {
  const key = `entity.${entityType}`;
  const label = t(key);
  return label === key ? t('entity.other') : label;
}

const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);
const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null);

/** The record's name as the event itself tells it (a round's or set's name, a user's full name, a plan's title…). */
export function nameInEvent(e: AuditRecordRef): string | null {
  for (const side of [e.after, e.before]) {
    if (!side) continue;
    const n = str(side.name) ?? str(side.fullName) ?? str(side.title) ?? str(side.username);
    if (n) return n;
  }
  return null;
}

/** The page of the record, where there is one. */
export function entityPath(e: AuditRecordRef): string | null {
  const id = e.entityId;
  const roundId = num(e.after?.roundId) ?? num(e.before?.roundId);
  switch (e.entityType) {
    case 'org_unit':
      return `/org/units/${id}`;
    case 'user':
      return '/users';
    case 'par_round':
      return e.unitId !== null && e.action.startsWith('par.self') ? `/par/rounds/${id}/units/${e.unitId}` : `/par/rounds/${id}`;
    case 'par_score':
      return roundId !== null && e.unitId !== null ? `/par/rounds/${roundId}/units/${e.unitId}` : null;
    case 'par_criteria_set':
      return '/par/criteria-sets';
    case 'plan':
      return `/plans/${id}`;
    case 'plan_task': {
      const planId = num(e.after?.planId);
      return planId !== null ? `/plans/${planId}/tasks/${id}` : null;
    }
    case 'procedure':
    case 'procedure_list':
      return '/procedures';
    case 'calendar':
      return '/calendar';
    case 'dossier_batch':
    case 'dossier_daily':
      return '/dossiers';
    case 'cchc_report': {
      const period = str(e.after?.period) ?? str(e.before?.period);
      return period && e.unitId !== null ? `/reports/${period}/units/${e.unitId}` : '/reports';
    }
    case 'cchc_report_period':
      return `/reports?period=${id}`;
    case 'indicator':
    case 'indicator_value':
      return '/indicators';
    case 'indicator_target':
      return '/indicators/targets';
    default:
      return null;
  }
}
