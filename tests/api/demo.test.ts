/**
 * The demo as a newcomer meets it: every event it records is dated inside its own window (a 2024 round is
 * submitted, appraised and published in early 2025; a quarter's progress report is written in that quarter;
 * counter dossiers are received in working hours), and drafts stay hidden from other units on every path,
 * the audit trail included.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vietnamDateOf } from '../../domain/org/dates.js';
import { loadCalendar } from '../../server/modules/calendar/calendar.js';
import { as, ENGINES, login, type TestApp, testApp } from '../helpers/app.js';

interface Row {
  [k: string]: unknown;
}

describe.each(ENGINES)('the demo on %s', (engine) => {
  let t: TestApp;
  let now = new Date();
  const rows = async (q: ReturnType<typeof sql>) => ((await t.database.db.execute(q)) as unknown as { rows: Row[] }).rows;
  beforeAll(async () => {
    t = await testApp(engine, { demoPar: true, demoDossiers: true });
    now = new Date();
  }, 180_000);
  afterAll(() => t.close());

  it('finished PAR rounds: every submission inside the self-assessment window, approval and publication after the appraisal, all in the year after', async () => {
    const rounds = await rows(sql`select id, year, self_from, self_to, appraisal_from, appraisal_to, status, approved_at, published_at from par_rounds order by year`);
    const finished = rounds.filter((r) => r.status === 'published');
    expect(finished.map((r) => r.year)).toEqual([2024, 2025]);
    for (const r of finished) {
      const subs = await rows(sql`select submitted_at from par_round_units where round_id = ${r.id}`);
      expect(subs.length).toBeGreaterThan(0);
      for (const s of subs) {
        const day = vietnamDateOf(new Date(s.submitted_at as string));
        expect(day >= String(r.self_from) && day <= String(r.self_to), `round ${r.year}: submitted ${day}`).toBe(true);
      }
      const approved = vietnamDateOf(new Date(r.approved_at as string));
      const published = vietnamDateOf(new Date(r.published_at as string));
      expect(approved >= String(r.appraisal_from)).toBe(true);
      expect(published >= approved).toBe(true);
      expect(published.startsWith(String(Number(r.year) + 1))).toBe(true);
    }
  });

  it('the audit trail of the rounds: self-assessment events in their window, appraisal events in theirs, nothing after publication', async () => {
    const rounds = await rows(sql`select id, self_from, self_to, appraisal_from, appraisal_to, published_at, status from par_rounds`);
    const events = await rows(sql`
      select a.action, a.at, coalesce(r1.id, r2.id) as round_id
      from audit_events a
      left join par_rounds r1 on a.entity_type = 'par_round' and a.entity_id = r1.id::text
      left join par_scores s on a.entity_type = 'par_score' and a.entity_id = s.id::text
      left join par_round_units ru on ru.id = s.round_unit_id
      left join par_rounds r2 on r2.id = ru.round_id
      where a.action like 'par.%'`);
    expect(events.length).toBeGreaterThan(100);
    for (const e of events) {
      const r = rounds.find((x) => x.id === e.round_id);
      if (!r) continue;
      const at = new Date(e.at as string);
      const day = vietnamDateOf(at);
      expect(at.getTime()).toBeLessThanOrEqual(now.getTime());
      const action = String(e.action);
      if (action.startsWith('par.self.')) expect(day >= String(r.self_from) && day <= String(r.self_to), `${action} on ${day}`).toBe(true);
      if (action.startsWith('par.appraisal.')) expect(day >= String(r.appraisal_from) && day <= String(r.appraisal_to), `${action} on ${day}`).toBe(true);
      if (r.published_at) expect(at.getTime()).toBeLessThanOrEqual(new Date(r.published_at as string).getTime());
    }
  });

  it('progress reports of past quarters were written, submitted and reviewed inside their quarter', async () => {
    const reports = await rows(sql`select period, updated_at, submitted_at, reviewed_at from task_progress`);
    expect(reports.length).toBeGreaterThan(50);
    for (const r of reports) {
      const [y, q] = String(r.period).split('-Q').map(Number);
      const from = `${y}-${String(q * 3 - 2).padStart(2, '0')}-01`;
      const end = vietnamDateOf(new Date(Date.UTC(y, q * 3, 1) - 1));
      for (const k of ['updated_at', 'submitted_at', 'reviewed_at']) {
        if (!r[k]) continue;
        const day = vietnamDateOf(new Date(r[k] as string));
        expect(day >= from && day <= end, `${r.period} ${k} ${day}`).toBe(true);
      }
    }
  });

  it('counter dossiers are received in working hours on working days', async () => {
    const calendar = await loadCalendar(t.database.db);
    const counter = await rows(sql`select received_at from dossiers where channel = 'counter' and received_at is not null`);
    expect(counter.length).toBeGreaterThan(500);
    const outside = counter.filter((r) => !calendar.isWorkingTime(new Date(r.received_at as string)));
    expect(outside).toEqual([]);
  });

  it('no demo event is dated in the future', async () => {
    const [late] = await rows(sql`select count(*)::int as n from audit_events where at > ${now.toISOString()}::timestamptz`);
    expect(late.n).toBe(0);
  });

  it('the demo map is a schematic grid of today’s communes and wards, labelled as such, imported through the import use case (audited)', async () => {
    const layers = await rows(sql`select name, schematic, (select count(*)::int from map_shapes s where s.layer_id = l.id) as n from map_layers l`);
    expect(layers).toHaveLength(1);
    expect(layers[0]).toMatchObject({ schematic: true });
    expect(String(layers[0].name)).toMatch(/minh họa.*không phải ranh giới/);
    const wrongType = await rows(sql`select count(*)::int as n from map_shapes s join org_units u on u.id = s.unit_id where u.type <> 'commune' or (u.valid_to is not null and u.valid_to < current_date)`);
    expect(wrongType[0].n).toBe(0);
    expect(Number(layers[0].n)).toBeGreaterThan(3);
    const audit = await rows(sql`select count(*)::int as n from audit_events where action = 'map.import'`);
    expect(audit[0].n).toBe(1);
  });

  it('the demo portal sync (DVCQG): a source account, its dossiers applied through the receiver, one unit name held for mapping', async () => {
    const admin = await login(t.app, 'admin');
    const o = (await as(t.app, admin).get('/api/dvcqg/sources')).json();
    expect(o.sources).toHaveLength(1);
    expect(o.sources[0]).toMatchObject({ username: 'motcua.mau', active: true, dossiers: 5 });
    expect(o.sources[0].lastMessageAt).not.toBeNull();
    expect(o.sources[0].today.held).toBe(1);
    expect(o.unresolvedUnits).toEqual([expect.objectContaining({ text: 'Bộ phận Một cửa Ban Quản lý Khu kinh tế (mẫu)', dossiers: 1 })]);
    const refused = await rows(sql`select count(*)::int as n from dvcqg_snapshots where outcome = 'refused'`);
    expect(refused[0].n).toBe(0);
    const done = (await t.app.inject({ method: 'GET', url: '/api/public/dossiers/MAU-DVCQG-0002' })).json();
    expect(done).toMatchObject({ statusCode: 10 });
    expect(done.history.map((h: { kind: string }) => h.kind)).toEqual(['received', 'transferred', 'supplement_requested', 'supplement_received', 'processed', 'result_returned']);
  });

  it('a task reported done in its quarter counts as done on time for the unit’s computed PAR criterion', async () => {
    const head = await login(t.app, 'stp.lanhdao');
    const rounds = (await as(t.app, head).get('/api/par/rounds')).json();
    const open = rounds.find((r: { year: number }) => r.year === 2026);
    const stp = (await as(t.app, head).get('/api/auth/me')).json().user.unitId;
    const a = (await as(t.app, head).get(`/api/par/rounds/${open.id}/units/${stp}`)).json();
    const computed = a.items.find((i: { rule: { kind: string; source?: string } }) => i.rule.kind === 'computed' && i.rule.source === 'plan_tasks_on_time');
    expect(computed).toBeTruthy();
    expect(computed.data.numerator).toBeGreaterThanOrEqual(1);
  });

  it('drafts stay with their unit in the audit trail: others see that a draft was saved, not what it says', async () => {
    const draftText = 'Đang tổng hợp báo cáo của các sở, ngành.';
    for (const who of ['admin', 'ubnd.lanhdao']) {
      const s = await login(t.app, who);
      for (const action of ['par.self.save', 'par.self.evidence', 'progress.save', 'progress.evidence']) {
        const res = await as(t.app, s).get(`/api/audit?action=${action}&limit=500`);
        expect(res.statusCode).toBe(200);
        const events = res.json() as { unitId: number | null; before: unknown; after: unknown; redacted: boolean }[];
        expect(events.length, `${who} ${action}`).toBeGreaterThan(0);
        const me = (await as(t.app, s).get('/api/auth/me')).json().user.unitId;
        for (const e of events.filter((x) => x.unitId !== me)) {
          expect(e.redacted).toBe(true);
          expect(e.before).toBeNull();
          expect(e.after).toBeNull();
        }
        expect(JSON.stringify(events)).not.toContain(draftText);
      }
    }
    // the unit's own head reads its own drafts
    const stp = await login(t.app, 'stp.lanhdao');
    const own = (await as(t.app, stp).get('/api/audit?action=progress.save&limit=500')).json();
    expect(JSON.stringify(own)).toContain(draftText);
  });
  it('citizen feedback of 2026: every step in working hours, in order, before now; answered, open, overdue and waiting items; audit at the same instants', async () => {
    const cal = await loadCalendar(t.database.db);
    const events = await rows(sql`select e.feedback_id, e.kind, e.at, i.state from feedback_events e join feedback_items i on i.id = e.feedback_id order by e.feedback_id, e.at, e.id`);
    expect(events.length).toBeGreaterThan(20);
    let last = new Map<unknown, Date>();
    for (const e of events) {
      const at = new Date(e.at as string);
      expect(vietnamDateOf(at).startsWith('2026'), `${e.kind} ${at.toISOString()}`).toBe(true);
      expect(at <= now).toBe(true);
      // the citizen may rate in the evening; every staff step is in working time
      if (e.kind !== 'rated' && e.kind !== 'received') expect(cal.isWorkingTime(at), `${e.kind} ${at.toISOString()}`).toBe(true);
      if (e.kind === 'received') expect(cal.isWorkingTime(at) || at.getUTCHours() + 7 >= 17, `${at.toISOString()}`).toBe(true);
      if (last.has(e.feedback_id)) expect(at >= last.get(e.feedback_id)!).toBe(true);
      last.set(e.feedback_id, at);
    }
    const states = (await rows(sql`select state, count(*)::int as n from feedback_items group by state`)).reduce((m, r) => ({ ...m, [String(r.state)]: Number(r.n) }), {} as Record<string, number>);
    expect(states.published).toBeGreaterThanOrEqual(3);
    expect(states.info_requested).toBeGreaterThanOrEqual(1);
    expect(states.assigned).toBeGreaterThanOrEqual(1);
    const overdue = await rows(sql`select id from feedback_items where closed_at is null and late_at <= ${now.toISOString()}`);
    expect(overdue.length).toBeGreaterThanOrEqual(1);
    const units = await rows(sql`select distinct unit_id from feedback_items where unit_id is not null`);
    expect(units.length).toBeGreaterThanOrEqual(3);
    // the audit trail records the steps at the instants they happened
    const audit = await rows(sql`select a.at, e.at as event_at from audit_events a join feedback_events e on a.entity_type = 'feedback' and a.entity_id = e.feedback_id::text and a.action = 'feedback.' || e.kind`);
    expect(audit.length).toBeGreaterThan(10);
    for (const a of audit) expect(new Date(a.at as string).getTime()).toBe(new Date(a.event_at as string).getTime());
  });

  it('satisfaction surveys: each answer after its dossier’s result was returned and before now, one per dossier; campaign forms inside the window', async () => {
    const answers = await rows(sql`select r.answered_at, d.end_at, d.status from survey_responses r join dossiers d on d.id = r.dossier_id where r.source = 'dossier'`);
    expect(answers.length).toBeGreaterThan(20);
    for (const a of answers) {
      const at = new Date(a.answered_at as string).getTime();
      expect(a.status).toBe('returned');
      expect(at).toBeGreaterThan(new Date(a.end_at as string).getTime());
      expect(at).toBeLessThanOrEqual(now.getTime());
    }
    const twice = await rows(sql`select dossier_id from survey_responses where dossier_id is not null group by dossier_id having count(*) > 1`);
    expect(twice).toHaveLength(0);
    const forms = await rows(sql`select r.answered_on, c.opens_on, c.closes_on from survey_responses r join survey_campaigns c on c.id = r.campaign_id`);
    expect(forms.length).toBeGreaterThan(0);
    const today = vietnamDateOf(now);
    for (const f of forms) {
      const d = String(f.answered_on).slice(0, 10);
      expect(d >= String(f.opens_on).slice(0, 10) && d <= String(f.closes_on).slice(0, 10) && d <= today, d).toBe(true);
    }
    const q = await rows(sql`select name, is_sample from questionnaires where active`);
    expect(q).toEqual([expect.objectContaining({ is_sample: true })]);
    expect(String(q[0].name)).toContain('MẪU');
    // the counters agree with the answers
    const [c] = await rows(sql`select coalesce(sum(responses), 0)::int as n from survey_daily`);
    const [n] = await rows(sql`select count(*)::int as n from survey_responses`);
    expect(c.n).toBe(n.n);
  });

  it('the Decision 766 facts come from part of the units only: the others stay "no data"', async () => {
    const admin = await login(t.app, 'admin');
    const year = now.getUTCFullYear();
    const code = async (c: string) => (await t.app.inject({ method: 'GET', url: `/api/org-units?asOf=${vietnamDateOf(now)}` })).json().find((u: { code: string }) => u.code === c).id;
    const comps = async (unit: number) => ((await as(t.app, admin).get(`/api/index766?unit=${unit}&period=${year}`)).json().groups as { components: { key: string; points: number | null }[] }[]).flatMap((g) => g.components);
    const stc = await comps(await code('TN.STC'));
    for (const k of ['1.1', '1.2', '1.3', '3.4', '4.1', '4.2', '4.3']) expect(stc.find((x) => x.key === k)!.points, k).not.toBeNull();
    const syt = await comps(await code('TN.SYT'));
    for (const k of ['1.3', '3.4', '4.1', '4.2', '4.3']) expect(syt.find((x) => x.key === k)!.points, k).toBeNull();
  });
});
