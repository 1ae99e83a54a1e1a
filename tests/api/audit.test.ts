import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, ENGINES, login, type Session, type TestApp, testApp } from '../helpers/app.js';

describe.each(ENGINES)('audit trail on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await testApp(engine, { demo: false });
    admin = await login(t.app, 'admin');
    const api = as(t.app, admin);
    for (let i = 1; i <= 4; i++) {
      await api.post('/api/org-units', { code: `A${i}`, name: `Đơn vị ${i}`, type: 'department', validFrom: '2026-01-01' });
    }
  });
  afterAll(() => t.close());

  const exec = (q: ReturnType<typeof sql>) => t.database.db.execute(q);
  const verify = async () => (await as(t.app, admin).get('/api/audit/verify')).json();
  /** tampering needs the append-only trigger out of the way, as a database superuser could */
  const tamper = async (q: ReturnType<typeof sql>) => {
    await exec(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`);
    await exec(q);
    await exec(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`);
  };

  it('records who, when, what, before and after for a write', async () => {
    const api = as(t.app, admin);
    const units = (await api.get('/api/org-units?asOf=2026-02-01')).json();
    const a1 = units.find((u: { code: string }) => u.code === 'A1');
    await api.post(`/api/org-units/${a1.id}/rename`, { name: 'Đơn vị Một', date: '2026-02-01' });
    const [e] = (await api.get(`/api/audit?entityType=org_unit&entityId=${a1.id}`)).json();
    expect(e).toMatchObject({ action: 'org.rename', actorName: 'admin', entityType: 'org_unit', entityId: String(a1.id) });
    expect(e.before.names).toEqual([{ name: 'Đơn vị 1', validFrom: '2026-01-01', validTo: null }]);
    expect(e.after.names).toEqual([
      { name: 'Đơn vị 1', validFrom: '2026-01-01', validTo: '2026-01-31' },
      { name: 'Đơn vị Một', validFrom: '2026-02-01', validTo: null },
    ]);
    expect(new Date(e.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('the chain verifies', async () => {
    const v = await verify();
    expect(v.ok).toBe(true);
    expect(v.events).toBeGreaterThanOrEqual(6);
    expect(v.firstBroken).toBeNull();
  });

  it('the database refuses UPDATE and DELETE of audit events', async () => {
    await expect(exec(sql`UPDATE audit_events SET actor_name = 'x'`)).rejects.toThrow();
    await expect(exec(sql`DELETE FROM audit_events`)).rejects.toThrow();
    expect((await verify()).ok).toBe(true);
  });

  it('detects an edited row', async () => {
    await tamper(sql`UPDATE audit_events SET after = jsonb_set(after, '{code}', '"HACKED"') WHERE id = 3`);
    expect(await verify()).toMatchObject({ ok: false, firstBroken: 3 });
  });
});

describe.each(ENGINES)('audit tampering, one case per fresh trail, on %s', (engine) => {
  const cases: [string, string, (last: number) => number][] = [
    ['a deleted middle row', 'DELETE FROM audit_events WHERE id = 3', () => 4],
    ['a deleted last row', 'DELETE FROM audit_events WHERE id = (SELECT max(id) FROM audit_events)', (last) => last],
    ['a changed actor', "UPDATE audit_events SET actor_name = 'someone else' WHERE id = 2", () => 2],
    ['a back-dated event', "UPDATE audit_events SET at = at - interval '1 day' WHERE id = 4", () => 4],
    ['a re-hashed edit (hash fixed, link broken)', "UPDATE audit_events SET before = '{\"x\":1}', hash = md5('x') || md5('y') WHERE id = 2", () => 2],
  ];
  it.each(cases)('%s is detected', async (_name, statement, broken) => {
    const t = await testApp(engine, { demo: false });
    try {
      const admin = await login(t.app, 'admin');
      for (let i = 1; i <= 3; i++) await as(t.app, admin).post('/api/org-units', { code: `B${i}`, name: `B${i}`, type: 'department', validFrom: '2026-01-01' });
      const before = (await as(t.app, admin).get('/api/audit/verify')).json();
      expect(before.ok).toBe(true);
      const last = before.events;
      await t.database.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`);
      await t.database.db.execute(sql.raw(statement));
      const after = (await as(t.app, admin).get('/api/audit/verify')).json();
      expect(after.ok).toBe(false);
      expect(after.firstBroken).toBe(broken(last));
    } finally {
      await t.close();
    }
  });
});
