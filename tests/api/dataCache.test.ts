/**
 * Computed results kept in memory (server/db/dataCache.ts): a result is never served after a write that changes
 * what it was computed from, whichever way the write comes (the API, a use case, plain SQL); a write rolled back
 * keeps it; another unit's draft is never served through the cache; every table but the few named is watched.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataCache, DataVersion, PRUNE_MS, STALE_MS } from '../../server/db/dataCache.js';
import { as, ENGINES, login, type TestApp, testApp, unitId } from '../helpers/app.js';

const KEY = 'test-ingest-key-data-cache-01';
const NOT_WATCHED = ['audit_events', 'audit_head', 'data_changes', 'notifications', 'sessions'];
const rows = <T>(r: unknown) => ((r as { rows?: T[] }).rows ?? (r as T[]));

describe.each(ENGINES)('results kept while the records stay as they were, on %s', (engine) => {
  let t: TestApp;
  let stp: number;
  beforeAll(async () => {
    t = await testApp(engine, { ingestApiKey: KEY });
    stp = await unitId(t.app, 'TN.STP', '2026-01-01');
  }, 180_000);
  afterAll(() => t.close());

  it('every table but sessions, the audit trail and notifications notes its changes', async () => {
    const tables = rows<{ table: string; watched: boolean }>(
      await t.database.db.execute(sql`
        SELECT c.relname AS "table", EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'note_data_change') AS watched
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') ORDER BY 1`),
    );
    expect(tables.length).toBeGreaterThan(40);
    expect(tables.filter((x) => !x.watched).map((x) => x.table)).toEqual(NOT_WATCHED);
  });

  it('data_changes is pruned as checks go, and a check after a long pause counts the data as changed', async () => {
    const db = t.database.db;
    let now = 1_000_000;
    const v = new DataVersion(db, () => now);
    const write = () => db.execute(sql`UPDATE settings SET key = key WHERE false`);
    const changes = async () => Number(rows<{ n: string }>(await db.execute(sql`SELECT count(*) AS n FROM data_changes`))[0].n);
    const e0 = await v.current();
    now += 1000;
    expect(await v.current()).toBe(e0); // nothing written
    await write();
    now += 1000;
    const e1 = await v.current();
    expect(e1).toBe(e0 + 1);
    // PRUNE_MS later: the rows of transactions ended before the first check's snapshot go; later ones stay
    const before = await changes();
    await write();
    now += PRUNE_MS;
    const e2 = await v.current();
    expect(e2).toBe(e1 + 1);
    expect(await changes()).toBeLessThan(before + 1);
    expect(await changes()).toBeGreaterThan(0);
    // no write, but the previous check is older than STALE_MS: counted as changed (its rows may be gone)
    now += STALE_MS;
    expect(await v.current()).toBe(e2 + 1);
    now += 1000;
    expect(await v.current()).toBe(e2 + 1);
  });

  it('a kept result is served until a write commits, then computed again; a write rolled back keeps it', async () => {
    const db = t.database.db;
    const cache = new DataCache<number>('test');
    let computed = 0;
    const count = () =>
      cache.get(db, 'names', async () => {
        computed++;
        return rows<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM report_templates`))[0].n;
      });
    const first = await count();
    expect(await count()).toBe(first);
    expect(computed).toBe(1);
    // plain SQL, outside any use case: the trigger sees it
    await db.execute(sql`INSERT INTO report_templates (name, version, body) VALUES ('thử', 1, '{}'::jsonb)`);
    expect(await count()).toBe(first + 1);
    expect(computed).toBe(2);
    await db
      .transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO report_templates (name, version, body) VALUES ('thử 2', 1, '{}'::jsonb)`);
        // inside the writing transaction nothing is kept: it sees what others do not
        expect(await cache.get(tx as never, 'names', async () => 99)).toBe(99);
        throw new Error('rolled back');
      })
      .catch((e: Error) => expect(e.message).toBe('rolled back'));
    expect(await count()).toBe(first + 1);
    expect(computed).toBe(2);
    await db.execute(sql`DELETE FROM report_templates WHERE name = 'thử'`);
    expect(await count()).toBe(first);
    // a write that commits while the result is being computed: the result is not kept past it
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = cache.get(db, 'slow', async () => {
      await gate;
      return rows<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM report_templates`))[0].n;
    });
    await new Promise((r) => setTimeout(r, 20));
    await db.execute(sql`INSERT INTO report_templates (name, version, body) VALUES ('thử 3', 1, '{}'::jsonb)`);
    release();
    await slow;
    expect(await cache.get(db, 'slow', async () => -1)).toBe(-1);
    await db.execute(sql`DELETE FROM report_templates WHERE name = 'thử 3'`); // the reports use the latest template
  });

  it('the dashboard’s statistics and trend show a dossier received just now', async () => {
    const admin = await login(t.app, 'admin');
    const url = `/api/dossiers/stats?unit=${stp}&from=2026-03-01&to=2026-03-31`;
    const trendUrl = `/api/dossiers/stats/trend?unit=${stp}&from=2026-03-01&to=2026-03-31`;
    const before = (await as(t.app, admin).get(url)).json();
    const trendBefore = (await as(t.app, admin).get(trendUrl)).json();
    expect((await as(t.app, admin).get(url)).json()).toEqual(before);
    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/dossiers/events',
      headers: { 'x-api-key': KEY },
      payload: [{ sourceSystem: 'igate', dossierCode: 'CACHE-260305-0001', procedureCode: 'MAU.DN.01', unitCode: 'TN.STP', kind: 'received', at: '2026-03-05T09:00:00+07:00', channel: 'online' }],
    });
    expect(sent.json().applied).toBe(1);
    const after = (await as(t.app, admin).get(url)).json();
    expect(after.received).toBe(before.received + 1);
    const trendAfter = (await as(t.app, admin).get(trendUrl)).json();
    expect(trendAfter.months[0].received).toBe(trendBefore.months[0].received + 1);
  });

  it('another unit’s draft is never served through the kept report; its own staff see it at once, others once submitted', async () => {
    const officer = await login(t.app, 'stp.canbo');
    const head = await login(t.app, 'stp.lanhdao');
    const other = await login(t.app, 'khcn.canbo');
    const leader = await login(t.app, 'ubnd.lanhdao');
    const url = `/api/reports/cchc?unit=${stp}&period=2026-Q1`;
    const draft = 'Bản nháp riêng của Sở Tư pháp về cải cách thể chế.';
    // the report is kept for a reader of the province before the unit writes anything
    const first = (await as(t.app, leader).get(url)).json();
    expect(first.draftHidden).toBe(false);
    expect((await as(t.app, officer).put(url, { texts: { institutions: draft } })).json().state).toBe('draft');
    // the unit's staff: the draft at once (the kept view of before the write is not served)
    const own = (await as(t.app, officer).get(url)).json();
    expect(own.sections.find((s: { key: string }) => s.key === 'institutions').text).toBe(draft);
    // the others, after the unit's staff have read it through the cache, still see no text
    const seen = (await as(t.app, leader).get(url)).json();
    expect(seen.draftHidden).toBe(true);
    expect(JSON.stringify(seen)).not.toContain(draft);
    // staff of another unit may not open it at all
    const refused = await as(t.app, other).get(url);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain(draft);
    // the province's report quotes only submitted texts
    const admin = await login(t.app, 'admin');
    const province = (await as(t.app, admin).get('/api/reports/cchc?period=2026-Q1')).json();
    expect(JSON.stringify(province)).not.toContain(draft);
    expect((await as(t.app, head).post(`/api/reports/cchc/submit?unit=${stp}&period=2026-Q1`)).json().state).toBe('submitted');
    const submitted = (await as(t.app, leader).get(url)).json();
    expect(submitted.draftHidden).toBe(false);
    expect(submitted.sections.find((s: { key: string }) => s.key === 'institutions').text).toBe(draft);
    const quoted = (await as(t.app, admin).get('/api/reports/cchc?period=2026-Q1')).json();
    expect(quoted.sections.find((s: { key: string }) => s.key === 'institutions').unitTexts.map((u: { text: string }) => u.text)).toContain(draft);
  });

  it('a unit’s tasks are its own: another unit’s reader is not served them, and a new task shows at once', async () => {
    const officer = await login(t.app, 'stp.canbo');
    const other = await login(t.app, 'khcn.canbo');
    const mine = (await as(t.app, officer).get('/api/my/tasks')).json();
    const theirs = (await as(t.app, other).get('/api/my/tasks')).json();
    const ids = (l: { taskId: number }[]) => l.map((x) => x.taskId).sort();
    expect((await as(t.app, officer).get('/api/my/tasks')).json()).toEqual(mine);
    expect((await as(t.app, other).get('/api/my/tasks')).json()).toEqual(theirs);
    // a task given to the unit by plain SQL (no use case): seen by the unit at once, not by the other
    const [task] = rows<{ id: number }>(await t.database.db.execute(sql`SELECT id FROM plan_tasks WHERE id NOT IN (SELECT task_id FROM plan_task_units WHERE unit_id = ${stp}) ORDER BY id LIMIT 1`));
    await t.database.db.execute(sql`INSERT INTO plan_task_units (task_id, unit_id, role, via) VALUES (${task.id}, ${stp}, 'lead', 'named')`);
    expect(ids((await as(t.app, officer).get('/api/my/tasks')).json())).toEqual([...ids(mine), task.id].sort());
    expect(ids((await as(t.app, other).get('/api/my/tasks')).json())).toEqual(ids(theirs));
  });
});
