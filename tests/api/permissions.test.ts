import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, ENGINES, login, type Session, type TestApp, testApp, unitId } from '../helpers/app.js';

// Each role against each foundation endpoint, for its own unit and another one. Status expected.
const USERS = { admin: 'admin', unit_officer: 'stp.canbo', unit_head: 'stp.lanhdao', appraiser: 'snv.thamdinh', leader: 'ubnd.lanhdao', supervisor: 'hdnd.giamsat' } as const;
type Role = keyof typeof USERS;

const TABLE: [string, Record<Role, number>][] = [
  ['create unit', { admin: 201, unit_officer: 403, unit_head: 403, appraiser: 403, leader: 403, supervisor: 403 }],
  ['list users (all units)', { admin: 200, unit_officer: 403, unit_head: 200, appraiser: 403, leader: 200, supervisor: 403 }],
  ['list users of own unit', { admin: 200, unit_officer: 403, unit_head: 200, appraiser: 403, leader: 200, supervisor: 403 }],
  ['list users of another unit', { admin: 200, unit_officer: 403, unit_head: 403, appraiser: 403, leader: 200, supervisor: 403 }],
  ['create user', { admin: 201, unit_officer: 403, unit_head: 403, appraiser: 403, leader: 403, supervisor: 403 }],
  ['read audit', { admin: 200, unit_officer: 403, unit_head: 200, appraiser: 403, leader: 200, supervisor: 403 }],
  ['verify audit', { admin: 200, unit_officer: 403, unit_head: 403, appraiser: 403, leader: 403, supervisor: 403 }],
  ['read org tree', { admin: 200, unit_officer: 200, unit_head: 200, appraiser: 200, leader: 200, supervisor: 200 }],
];

describe.each(ENGINES)('permissions through the API on %s', (engine) => {
  let t: TestApp;
  const sessions = {} as Record<Role, Session>;
  let own: number;
  let other: number;
  let seq = 0;
  beforeAll(async () => {
    t = await testApp(engine);
    for (const [role, username] of Object.entries(USERS)) sessions[role as Role] = await login(t.app, username);
    own = await unitId(t.app, 'TN.STP', '2026-01-01');
    other = await unitId(t.app, 'TN.SNV', '2026-01-01');
  });
  afterAll(() => t.close());

  const call = (role: Role, action: string) => {
    const api = as(t.app, sessions[role]);
    seq++;
    switch (action) {
      case 'create unit':
        return api.post('/api/org-units', { code: `P.${seq}`, name: 'x', type: 'commune', validFrom: '2026-01-01' });
      case 'list users (all units)':
        return api.get('/api/users');
      case 'list users of own unit':
        return api.get(`/api/users?unitId=${role === 'admin' || role === 'appraiser' ? other : own}`);
      case 'list users of another unit':
        return api.get(`/api/users?unitId=${role === 'admin' || role === 'appraiser' ? own : other}`);
      case 'create user':
        return api.post('/api/users', { username: `u${seq}`, fullName: 'X', role: 'unit_officer', unitId: own, password: 'Passw0rd1' });
      case 'read audit':
        return api.get('/api/audit');
      case 'verify audit':
        return api.get('/api/audit/verify');
      default:
        return api.get('/api/org-units?asOf=2026-01-01');
    }
  };

  const rows = TABLE.flatMap(([action, byRole]) => Object.entries(byRole).map(([role, status]) => ({ action, role: role as Role, status })));
  it.each(rows)('$role: $action → $status', async ({ action, role, status }) => {
    expect((await call(role, action)).statusCode).toBe(status);
  });

  it('a unit head sees only the users and audit events of their own unit', async () => {
    const api = as(t.app, sessions.unit_head);
    const users = (await api.get('/api/users')).json();
    expect(users.length).toBeGreaterThan(0);
    expect(users.every((u: { unitId: number }) => u.unitId === own)).toBe(true);
    const audit = (await api.get('/api/audit')).json();
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.every((e: { unitId: number }) => e.unitId === own)).toBe(true);
  });

  it('anonymous users may read the organisation but not users or the audit trail', async () => {
    const anon = as(t.app, null);
    expect((await anon.get('/api/org-units?asOf=2020-01-01')).statusCode).toBe(200);
    expect((await anon.get('/api/users')).statusCode).toBe(401);
    expect((await anon.get('/api/audit')).statusCode).toBe(401);
    expect((await anon.post('/api/org-units', { code: 'Z', name: 'z', type: 'commune', validFrom: '2026-01-01' })).statusCode).toBe(401);
  });
});
