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

describe.each(ENGINES)('audit trail anchored outside the database, on %s', (engine) => {
  /** a fresh trail of a few events, a checkpoint taken, and the statement that tampers with it */
  async function trail() {
    const t = await testApp(engine, { demo: false });
    const admin = await login(t.app, 'admin');
    for (let i = 1; i <= 3; i++) await as(t.app, admin).post('/api/org-units', { code: `C${i}`, name: `C${i}`, type: 'department', validFrom: '2026-01-01' });
    const checkpoint = (await as(t.app, admin).get('/api/audit/checkpoint')).json();
    const verify = async (c?: object) => (c ? (await as(t.app, admin).post('/api/audit/verify', { checkpoint: c })).json() : (await as(t.app, admin).get('/api/audit/verify')).json());
    const exec = (q: string) => t.database.db.execute(sql.raw(q));
    return { t, admin, checkpoint, verify, exec };
  }

  it('the application can only append: the head refuses to be written directly, an event must extend it', async () => {
    const { t, checkpoint, verify, exec } = await trail();
    try {
      await expect(exec('UPDATE audit_head SET count = 1')).rejects.toThrow();
      await expect(exec('DELETE FROM audit_head')).rejects.toThrow();
      await expect(exec(`INSERT INTO audit_events (at, actor_name, action, entity_type, entity_id, prev_hash, hash) VALUES (now(), 'x', 'x', 'x', '1', '${'1'.repeat(64)}', '${'2'.repeat(64)}')`)).rejects.toThrow();
      expect(await verify(checkpoint)).toMatchObject({ ok: true, events: checkpoint.count });
    } finally {
      await t.close();
    }
  });

  it('an event appended with a correct hash (the head following it) but without the key is detected', async () => {
    const { t, verify, exec } = await trail();
    try {
      const [head] = ((await t.database.db.execute(sql`SELECT last_id, last_hash FROM audit_head`)) as unknown as { rows: { last_id: number; last_hash: string }[] }).rows;
      const { eventHash } = await import('../../server/modules/audit/chain.js');
      const forged = { id: Number(head.last_id) + 1, at: new Date(), actorId: null, actorName: 'admin', action: 'org.create', entityType: 'org_unit', entityId: '999', unitId: null, before: null, after: { code: 'FAKE' } };
      const hash = eventHash(head.last_hash, forged);
      await exec(`SELECT setval(pg_get_serial_sequence('audit_events', 'id'), ${forged.id})`);
      await exec(`INSERT INTO audit_events (id, at, actor_name, action, entity_type, entity_id, after, prev_hash, hash, mac) VALUES (${forged.id}, '${forged.at.toISOString()}', 'admin', 'org.create', 'org_unit', '999', '{"code":"FAKE"}', '${head.last_hash}', '${hash}', '${'0'.repeat(64)}')`);
      expect(await verify()).toMatchObject({ ok: false, firstBroken: forged.id, problem: 'mac' });
    } finally {
      await t.close();
    }
  });

  it('a tail cut off with the head set back passes the chain alone, not the checkpoint', async () => {
    const { t, admin, verify, exec } = await trail();
    try {
      await as(t.app, admin).post('/api/org-units', { code: 'C9', name: 'C9', type: 'department', validFrom: '2026-01-01' });
      const later = (await as(t.app, admin).get('/api/audit/checkpoint')).json();
      // a superuser removes the last event and puts the head back where it was before it
      const [prev] = ((await t.database.db.execute(sql`SELECT id, prev_hash FROM audit_events ORDER BY id DESC LIMIT 1`)) as unknown as { rows: { id: number; prev_hash: string }[] }).rows;
      await exec('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
      await exec('ALTER TABLE audit_head DISABLE TRIGGER audit_head_guarded');
      await exec(`DELETE FROM audit_events WHERE id = ${prev.id}`);
      await exec(`UPDATE audit_head SET last_id = (SELECT max(id) FROM audit_events), last_hash = '${prev.prev_hash}', count = count - 1`);
      expect((await verify()).ok).toBe(true);
      expect(await verify(later)).toMatchObject({ ok: false, problem: expect.stringMatching(/^checkpoint_/) });
    } finally {
      await t.close();
    }
  });

  it('an emptied trail is detected against a checkpoint', async () => {
    const { t, checkpoint, verify, exec } = await trail();
    try {
      await exec('ALTER TABLE audit_events DISABLE TRIGGER USER');
      await exec('ALTER TABLE audit_head DISABLE TRIGGER USER');
      await exec('DELETE FROM audit_events');
      await exec('DELETE FROM audit_head');
      expect((await verify()).ok).toBe(true);
      expect(await verify(checkpoint)).toMatchObject({ ok: false, problem: expect.stringMatching(/^checkpoint_/) });
    } finally {
      await t.close();
    }
  });

  it('a checkpoint edited by hand is refused', async () => {
    const { t, checkpoint, verify } = await trail();
    try {
      expect(await verify({ ...checkpoint, count: checkpoint.count - 1 })).toMatchObject({ ok: false, problem: 'checkpoint_signature' });
      expect(await verify(checkpoint)).toMatchObject({ ok: true });
    } finally {
      await t.close();
    }
  });
});
