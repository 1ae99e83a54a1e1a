import { describe, expect, it } from 'vitest';
import { ACTIONS, type Action, can, ROLES, type Role } from './policy.js';

// Expected permissions written out by hand, one row per action: for each role, [own unit, other unit].
// Y = allowed, n = refused.
const TABLE: Record<Action, Record<Role, string>> = {
  'org.read': { admin: 'YY', unit_officer: 'YY', unit_head: 'YY', appraiser: 'YY', leader: 'YY', supervisor: 'YY' },
  'org.manage': { admin: 'YY', unit_officer: 'nn', unit_head: 'nn', appraiser: 'nn', leader: 'nn', supervisor: 'nn' },
  'user.read': { admin: 'YY', unit_officer: 'nn', unit_head: 'Yn', appraiser: 'nn', leader: 'YY', supervisor: 'nn' },
  'user.manage': { admin: 'YY', unit_officer: 'nn', unit_head: 'nn', appraiser: 'nn', leader: 'nn', supervisor: 'nn' },
  'audit.read': { admin: 'YY', unit_officer: 'nn', unit_head: 'Yn', appraiser: 'nn', leader: 'YY', supervisor: 'nn' },
  'audit.verify': { admin: 'YY', unit_officer: 'nn', unit_head: 'nn', appraiser: 'nn', leader: 'nn', supervisor: 'nn' },
  'unitData.read': { admin: 'YY', unit_officer: 'Yn', unit_head: 'Yn', appraiser: 'YY', leader: 'YY', supervisor: 'nn' },
  'unitData.edit': { admin: 'nn', unit_officer: 'Yn', unit_head: 'Yn', appraiser: 'nn', leader: 'nn', supervisor: 'nn' },
  'unitData.submit': { admin: 'nn', unit_officer: 'nn', unit_head: 'Yn', appraiser: 'nn', leader: 'nn', supervisor: 'nn' },
  'appraisal.write': { admin: 'nn', unit_officer: 'nn', unit_head: 'nn', appraiser: 'nY', leader: 'nn', supervisor: 'nn' },
  'report.read': { admin: 'YY', unit_officer: 'Yn', unit_head: 'Yn', appraiser: 'YY', leader: 'YY', supervisor: 'YY' },
  'plan.read': { admin: 'YY', unit_officer: 'YY', unit_head: 'YY', appraiser: 'YY', leader: 'YY', supervisor: 'YY' },
  'plan.manage': { admin: 'YY', unit_officer: 'nn', unit_head: 'nn', appraiser: 'nn', leader: 'nn', supervisor: 'nn' },
  'calendar.manage': { admin: 'YY', unit_officer: 'nn', unit_head: 'nn', appraiser: 'nn', leader: 'nn', supervisor: 'nn' },
  'procedure.manage': { admin: 'YY', unit_officer: 'nn', unit_head: 'nn', appraiser: 'nn', leader: 'nn', supervisor: 'nn' },
  'dossier.ingest': { admin: 'YY', unit_officer: 'nn', unit_head: 'nn', appraiser: 'nn', leader: 'nn', supervisor: 'nn' },
  'par.manage': { admin: 'YY', unit_officer: 'nn', unit_head: 'nn', appraiser: 'nn', leader: 'nn', supervisor: 'nn' },
  'indicator.manage': { admin: 'YY', unit_officer: 'nn', unit_head: 'nn', appraiser: 'nn', leader: 'nn', supervisor: 'nn' },
  'report.manage': { admin: 'YY', unit_officer: 'nn', unit_head: 'nn', appraiser: 'nn', leader: 'nn', supervisor: 'nn' },
  'system.backup': { admin: 'YY', unit_officer: 'nn', unit_head: 'nn', appraiser: 'nn', leader: 'nn', supervisor: 'nn' },
  'register.manage': { admin: 'YY', unit_officer: 'nn', unit_head: 'nn', appraiser: 'nn', leader: 'nn', supervisor: 'nn' },
  'feedback.desk': { admin: 'YY', unit_officer: 'nn', unit_head: 'nn', appraiser: 'nn', leader: 'nn', supervisor: 'nn' },
  'survey.manage': { admin: 'YY', unit_officer: 'nn', unit_head: 'nn', appraiser: 'nn', leader: 'nn', supervisor: 'nn' },
  'survey.enter': { admin: 'YY', unit_officer: 'Yn', unit_head: 'Yn', appraiser: 'nn', leader: 'nn', supervisor: 'nn' },
};

const OWN = 10;
const OTHER = 20;
const rows = ACTIONS.flatMap((action) =>
  ROLES.flatMap((role) => [
    { role, action, unit: 'own', allowed: TABLE[action][role][0] === 'Y' },
    { role, action, unit: 'other', allowed: TABLE[action][role][1] === 'Y' },
  ]),
);

describe('permission table: role × action × own/other unit', () => {
  it('covers every action and role', () => {
    expect(rows).toHaveLength(ACTIONS.length * ROLES.length * 2);
  });
  it.each(rows)('$role $action on $unit unit → $allowed', ({ role, action, unit, allowed }) => {
    expect(can({ role, unitId: OWN }, action, { unitId: unit === 'own' ? OWN : OTHER })).toBe(allowed);
  });
  it('scoped permissions need a unit to compare with', () => {
    expect(can({ role: 'unit_officer', unitId: OWN }, 'unitData.edit', {})).toBe(false);
    expect(can({ role: 'admin', unitId: OWN }, 'org.manage', {})).toBe(true);
  });
});
