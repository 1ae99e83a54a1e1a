/**
 * Citizen feedback (PAKN) through the API: the public form and its bad inputs, the process from intake to the
 * rating, unit isolation, no personal data in public responses, the figures with open overdue items, and the
 * counters kept at write time against a replay of every item's events on generated data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { feedbackDaily, feedbackEvents, feedbackItems, orgUnits, users } from '../../server/db/schema.js';
import { loadCalendar } from '../../server/modules/calendar/calendar.js';
import { figuresOf, rebuildFeedbackCounters } from '../../server/modules/feedback/counters.js';
import { criterion52, feedbackFigures } from '../../server/modules/feedback/figures.js';
import * as F from '../../server/modules/feedback/items.js';
import type { SessionUser } from '../../server/modules/auth/sessions.js';
import { contribution, type FeedbackEventKind, localDay, replay, type TimeLimits } from '../../domain/feedback/process.js';
import { as, ENGINES, login, type TestApp, testApp } from '../helpers/app.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const GOOD = { name: 'Nguyễn Văn An', phone: '0912 345 678', address: 'Số 1 đường Trưng Nữ Vương, phường Long An, Tây Ninh', content: 'Thủ tục cấp giấy phép xây dựng yêu cầu nộp bản sao giấy tờ đã có trong cơ sở dữ liệu dân cư; đề nghị bỏ yêu cầu này.' };

function multipart(fields: Record<string, string>, files: { name: string; data: Buffer }[]) {
  const b = 'xx' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) parts.push(Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), f.data, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${b}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}

describe.each(ENGINES)('citizen feedback on %s', (engine) => {
  let t: TestApp;
  let unit: Record<string, number>;
  const count = async () => Number((await t.database.db.select({ n: sql<string>`count(*)` }).from(feedbackItems))[0].n);
  const submit = (payload: object) => t.app.inject({ method: 'POST', url: '/api/public/feedback', payload });
  beforeAll(async () => {
    t = await testApp(engine, { feedbackRateLimit: 10_000 });
    const rows = await t.database.db.select({ id: orgUnits.id, code: orgUnits.code }).from(orgUnits);
    unit = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  });
  afterAll(() => t.close());

  it('the public form gives a tracking code and a receipt; JSON and multipart with files', async () => {
    const r = await submit({ ...GOOD, unitId: unit['TN.SXD'] ?? unit['TN.STP'] });
    expect(r.statusCode).toBe(201);
    expect(r.json().code).toMatch(/^PAKN\.\d{8}\.\d{4}$/);
    const m = multipart({ ...GOOD, email: 'an@example.vn' }, [{ name: 'anh-chup.pdf', data: PDF }]);
    const r2 = await t.app.inject({ method: 'POST', url: '/api/public/feedback', ...m });
    expect(r2.statusCode).toBe(201);
    const id = (await t.database.db.select().from(feedbackItems).where(eq(feedbackItems.code, r2.json().code)))[0].id;
    const admin = await login(t.app, 'admin');
    const d = (await as(t.app, admin).get(`/api/feedback/${id}`)).json();
    expect(d.files).toHaveLength(1);
    expect((await as(t.app, admin).get(`/api/feedback/${id}/files/${d.files[0].id}`)).rawPayload.equals(PDF)).toBe(true);
  });

  it('tracking codes stay unique when many arrive at once', async () => {
    const rs = await Promise.all(Array.from({ length: 12 }, () => submit(GOOD)));
    const codes = rs.map((r) => r.json().code);
    expect(rs.every((r) => r.statusCode === 201)).toBe(true);
    expect(new Set(codes).size).toBe(12);
  });

  const BAD: [string, () => ReturnType<typeof submit>, number, string][] = [
    ['no phone and no e-mail', () => submit({ ...GOOD, phone: undefined }), 400, 'CONTACT_REQUIRED'],
    ['no name', () => submit({ ...GOOD, name: '  ' }), 400, 'REQUIRED'],
    ['no address (art. 7)', () => submit({ ...GOOD, address: '' }), 400, 'REQUIRED'],
    ['a script in the text', () => submit({ ...GOOD, content: 'Xin chào <script>alert(1)</script>' }), 400, 'SCRIPT_NOT_ALLOWED'],
    ['an event handler in the name', () => submit({ ...GOOD, name: '<img src=x onerror=alert(1)>' }), 400, 'SCRIPT_NOT_ALLOWED'],
    ['a phone that is not one', () => submit({ ...GOOD, phone: 'gọi tôi' }), 400, 'INVALID_PHONE'],
    ['an unknown unit', () => submit({ ...GOOD, unitId: 999_999 }), 400, 'UNKNOWN_UNIT'],
    ['content over 10 000 characters', () => submit({ ...GOOD, content: 'a'.repeat(10_001) }), 400, 'INVALID_INPUT'],
    ['a body over 64 KB', () => submit({ ...GOOD, content: 'a'.repeat(70_000) }), 413, 'FST_ERR_CTP_BODY_TOO_LARGE'],
    ['a renamed executable', () => t.app.inject({ method: 'POST', url: '/api/public/feedback', ...multipart(GOOD, [{ name: 'anh.pdf', data: Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00') }]) }), 415, 'FILE_TYPE'],
    ['a file over 5 MB', () => t.app.inject({ method: 'POST', url: '/api/public/feedback', ...multipart(GOOD, [{ name: 'to.pdf', data: Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024 + 10)]) }]) }), 413, 'FILE_TOO_LARGE'],
    ['four files', () => t.app.inject({ method: 'POST', url: '/api/public/feedback', ...multipart(GOOD, [1, 2, 3, 4].map((i) => ({ name: `${i}.pdf`, data: PDF }))) }), 413, 'TOO_MANY_FILES'],
  ];
  it.each(BAD)('%s: a clear 4xx and nothing saved', async (_n, send, status, code) => {
    const before = await count();
    const r = await send();
    expect(r.statusCode).toBe(status);
    if (!code.startsWith('FST_')) expect(r.json().code).toBe(code);
    expect(r.json().message).toBeTruthy();
    expect(await count()).toBe(before);
  });

  it('the whole process: desk → unit, transfer, stopped clock, answer, approval, publication, one rating; units isolated; no personal data public', async () => {
    const { code } = (await submit({ ...GOOD, procedureCode: undefined })).json();
    const [item] = await t.database.db.select().from(feedbackItems).where(eq(feedbackItems.code, code));
    const id = item.id;
    const desk = as(t.app, await login(t.app, 'admin'));
    const stp = as(t.app, await login(t.app, 'stp.canbo'));
    const stpHead = as(t.app, await login(t.app, 'stp.lanhdao'));
    const khcn = as(t.app, await login(t.app, 'khcn.canbo'));
    const khcnHead = as(t.app, await login(t.app, 'khcn.lanhdao'));
    const snv = as(t.app, await login(t.app, 'snv.canbo'));

    // at the desk: no unit sees it; a unit may not classify it
    expect((await stp.get(`/api/feedback/${id}`)).statusCode).toBe(404);
    expect((await stp.post(`/api/feedback/${id}/classify`, { kind: 'within', unitId: unit['TN.STP'] })).statusCode).toBe(404);
    expect((await desk.post(`/api/feedback/${id}/classify`, { kind: 'refused' })).json().code).toBe('REQUIRED'); // a refusal needs its reason
    expect((await desk.post(`/api/feedback/${id}/classify`, { kind: 'within', unitId: unit['TN.STP'], field: 'Xây dựng' })).statusCode).toBe(200);

    // the unit sees it, others do not, neither in the list nor by id
    expect((await stp.get(`/api/feedback/${id}`)).json()).toMatchObject({ state: 'assigned', unit: expect.any(String), step: 'handle', overdue: false });
    expect((await khcn.get(`/api/feedback/${id}`)).statusCode).toBe(404);
    expect((await khcn.get('/api/feedback')).json().items.map((x: { id: number }) => x.id)).not.toContain(id);
    expect((await snv.get(`/api/feedback/${id}`)).statusCode).toBe(404);

    // transferred to KHCN: it sees it now; STP keeps read access to what it handled, but may no longer act
    expect((await stp.post(`/api/feedback/${id}/transfer`, { unitId: unit['TN.SKHCN'], reason: 'Thuộc lĩnh vực khoa học, công nghệ' })).statusCode).toBe(200);
    expect((await khcn.get(`/api/feedback/${id}`)).json().state).toBe('assigned');
    expect((await khcn.get('/api/feedback')).json().items.map((x: { id: number }) => x.id)).toContain(id);
    expect((await stp.post(`/api/feedback/${id}/request-info`, { question: '?' })).statusCode).toBe(403);

    // KHCN asks for information: the clock stops, the public page shows the question
    expect((await khcn.post(`/api/feedback/${id}/request-info`, { question: 'Đề nghị cho biết số hồ sơ đã nộp.' })).statusCode).toBe(200);
    const paused = (await t.app.inject({ method: 'GET', url: `/api/public/feedback/${code}` })).json();
    expect(paused).toMatchObject({ state: 'info_requested', stopped: true, question: 'Đề nghị cho biết số hồ sơ đã nộp.' });
    // the citizen answers with the code and the phone given (not with someone else's)
    expect((await t.app.inject({ method: 'POST', url: `/api/public/feedback/${code}/info`, payload: { contact: '0900000000', text: 'x' } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: `/api/public/feedback/${code}/info`, payload: { contact: '+84 912 345 678', text: 'Hồ sơ số H01.001-260302-0001' } })).statusCode).toBe(200);
    expect((await khcn.get(`/api/feedback/${id}`)).json()).toMatchObject({ state: 'assigned', stopped: false });

    // answer by the officer; the officer may not approve, the head does; the desk publishes
    expect((await khcn.post(`/api/feedback/${id}/answer`, { answer: 'Sở đã đề nghị bỏ yêu cầu nộp bản sao.' })).statusCode).toBe(200);
    expect((await khcn.post(`/api/feedback/${id}/approve`, {})).statusCode).toBe(403);
    expect((await khcnHead.post(`/api/feedback/${id}/publish`, {})).statusCode).toBe(409);
    expect((await khcnHead.post(`/api/feedback/${id}/approve`, {})).statusCode).toBe(200);
    expect((await stpHead.post(`/api/feedback/${id}/publish`, {})).statusCode).toBe(403);
    expect((await desk.post(`/api/feedback/${id}/publish`, {})).statusCode).toBe(200);

    const d = (await khcn.get(`/api/feedback/${id}`)).json();
    expect(d.timeline.map((e: { kind: string }) => e.kind)).toEqual(['received', 'accepted', 'transferred', 'info_requested', 'info_received', 'answered', 'approved', 'published']);
    expect(d).toMatchObject({ state: 'published', closedLate: false, transfers: 1 });

    // public: the answer, states and dates, never the sender's data
    const pub = await t.app.inject({ method: 'GET', url: `/api/public/feedback/${code}` });
    expect(pub.json()).toMatchObject({ state: 'published', answer: 'Sở đã đề nghị bỏ yêu cầu nộp bản sao.', rated: false });
    const answers = await t.app.inject({ method: 'GET', url: `/api/public/feedback?q=${encodeURIComponent('bản sao')}&field=${encodeURIComponent('Xây dựng')}` });
    expect(answers.json().items.map((x: { code: string }) => x.code)).toContain(code);
    for (const body of [pub.body, answers.body]) {
      for (const secret of [GOOD.name, GOOD.phone, '0912345678', GOOD.address, 'an@example.vn']) expect(body).not.toContain(secret);
      expect(body).not.toMatch(/"(name|phone|email|address|actor|note)"/);
    }

    // rating, once
    const rateIt = () => t.app.inject({ method: 'POST', url: `/api/public/feedback/${code}/rating`, payload: { contact: '0912345678', satisfied: true } });
    expect((await rateIt()).statusCode).toBe(200);
    expect((await rateIt()).json().code).toBe('ALREADY_RATED');

    // every step is in the audit trail
    const audit = await t.database.db.execute(sql`select action from audit_events where entity_type = 'feedback' and entity_id = ${String(id)} order by id`);
    expect((audit as unknown as { rows: { action: string }[] }).rows.map((r) => r.action)).toEqual(['feedback.receive', 'feedback.accepted', 'feedback.transferred', 'feedback.info_requested', 'feedback.info_received', 'feedback.answered', 'feedback.approved', 'feedback.published', 'feedback.rate']);
  });

  it('staff intake by channel; figures count an open overdue item as late; 766 criterion 5.2', async () => {
    const desk = as(t.app, await login(t.app, 'admin'));
    const stp = as(t.app, await login(t.app, 'stp.canbo'));
    // received by the 1022 hotline on Mon 2/3/2026 at STP, never handled: overdue since 23/3
    const r = await stp.post('/api/feedback', { ...GOOD, channel: 'hotline', dossierCode: 'H01.001-260302-0001', receivedAt: '2026-03-02T09:00:00+07:00' });
    expect(r.statusCode).toBe(201);
    const id = r.json().id;
    await stp.post(`/api/feedback/${id}/classify`, { kind: 'within', unitId: unit['TN.STP'] });
    // a second, refused in time
    const r2 = (await stp.post('/api/feedback', { ...GOOD, channel: 'letter', receivedAt: '2026-03-03T09:00:00+07:00' })).json();
    expect((await desk.get(`/api/feedback/${r2.id}`)).statusCode).toBe(200);
    await F.step(t.database.db, (await sessionUser('stp.canbo'))!, r2.id, { kind: 'refused', note: 'Không có nội dung cụ thể' }, new Date('2026-03-04T10:00:00+07:00'));

    const s = (await stp.get(`/api/feedback/stats?unit=${unit['TN.STP']}&from=2026-03-01&to=2026-03-31`)).json();
    expect(s).toMatchObject({ received: 2, onTime: 1, late: 0, openOnTime: 0, openLate: 1, onTimeRate: 0.5 });
    expect(s.byChannel).toEqual(expect.arrayContaining([{ key: 'hotline', n: 1 }, { key: 'letter', n: 1 }]));
    // before the deadline passed, the same item was open on time
    expect((await stp.get(`/api/feedback/stats?unit=${unit['TN.STP']}&from=2026-03-01&to=2026-03-20`)).json()).toMatchObject({ openOnTime: 1, openLate: 0, onTimeRate: 1 });
    // a unit cannot read another's figures
    expect((await stp.get(`/api/feedback/stats?unit=${unit['TN.SKHCN']}&from=2026-03-01&to=2026-03-31`)).statusCode).toBe(403);
    // the list filters overdue items; the export has its print setup
    expect((await stp.get('/api/feedback?overdue=true')).json().items.map((x: { id: number }) => x.id)).toContain(id);
    const x = await stp.get('/api/feedback.xlsx?state=open');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');

    const f = await feedbackFigures(t.database.db, [String(unit['TN.STP'])], new Date('2026-03-01T00:00:00+07:00'), new Date('2026-03-31T23:59:59+07:00'));
    expect(f).toMatchObject({ received: 2, onTime: 1, openLate: 1, onTimeRate: 0.5, dossiersWithFeedback: 1 });
    expect(criterion52(f)).toBe(3);
    const none = await feedbackFigures(t.database.db, [String(unit['TN.STP'])], new Date('2025-01-01T00:00:00+07:00'), new Date('2025-01-31T23:59:59+07:00'));
    expect(none).toMatchObject({ received: 0, onTimeRate: null, dossiersWithFeedback: 0 });
    expect(criterion52(none)).toBe(6);
    // the PAR data source and the indicator read the same counters
    const { itemData } = await import('../../server/modules/par/data.js');
    const year = await figuresOf(t.database.db, [unit['TN.STP']], '2026-01-01', '2026-12-31');
    const par = await itemData(t.database.db, 'feedback_on_time', unit['TN.STP'], 2026, new Date());
    expect(par).toMatchObject({ numerator: year.onTime, denominator: year.onTime + year.late + year.openLate });
    const ind = await desk.get(`/api/indicators/feedback.onTimeRate/values?unit=${unit['TN.STP']}&period=2026-03&calendar=true`);
    expect(ind.statusCode).toBe(200);
    expect(ind.json()).toMatchObject({ value: 50, numerator: 1, denominator: 2 });
  });

  it('follow-up lists in working time and one reminder a day through the notifications', async () => {
    const stp = as(t.app, await login(t.app, 'stp.canbo'));
    const f = (await stp.get('/api/feedback/follow-up')).json();
    expect(f.overdue.length).toBeGreaterThanOrEqual(1);
    for (const list of [f.overdue, f.due1, f.due3, f.waiting]) for (const i of list) expect(i.unit).toBe('Sở Tư pháp');
    expect((await stp.post('/api/feedback/reminders')).statusCode).toBe(403);
    const desk = as(t.app, await login(t.app, 'admin'));
    const first = (await desk.post('/api/feedback/reminders')).json();
    expect(first.units).toBeGreaterThanOrEqual(1);
    expect((await desk.post('/api/feedback/reminders')).json()).toEqual({ units: 0, alreadySent: true });
    const notes = (await stp.get('/api/notifications')).json();
    expect(JSON.stringify(notes)).toMatch(/Phản ánh, kiến nghị: \d+ quá hạn/);
  });

  const sessionUser = async (username: string): Promise<SessionUser | undefined> => {
    const [u] = await t.database.db.select().from(users).where(eq(users.username, username));
    return u ? { id: u.id, username: u.username, fullName: u.fullName, role: u.role as SessionUser['role'], unitId: u.unitId, locale: 'vi' } : undefined;
  };

  it('counters kept at write time = a replay of every item’s events, on generated data', async () => {
    const db = t.database.db;
    const admin = (await sessionUser('admin'))!;
    const heads = { [unit['TN.STP']]: (await sessionUser('stp.lanhdao'))!, [unit['TN.SKHCN']]: (await sessionUser('khcn.lanhdao'))! };
    const units = [unit['TN.STP'], unit['TN.SKHCN']];
    let seed = 12345;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const H = 3600_000;
    for (let k = 0; k < 40; k++) {
      let at = new Date(Date.UTC(2026, Math.floor(rnd() * 10), 1 + Math.floor(rnd() * 27), 1 + Math.floor(rnd() * 8)));
      const { id } = await F.receiveFeedback(db, admin, { ...GOOD, channel: (['hotline', 'letter', 'email', 'portal'] as const)[k % 4], field: ['Xây dựng', 'Đất đai', null][k % 3], receivedAt: at }, [], at);
      const later = () => (at = new Date(at.getTime() + (1 + rnd() * 200) * H));
      const path = rnd();
      if (path < 0.15) {
        await F.step(db, admin, id, { kind: rnd() < 0.5 ? 'refused' : 'forwarded_outside', note: 'x' }, later());
        continue;
      }
      if (path < 0.25) continue; // still at the desk
      let u = units[k % 2];
      await F.step(db, admin, id, { kind: 'accepted', unitId: u }, later());
      if (rnd() < 0.3) {
        u = units[(k + 1) % 2];
        await F.step(db, admin, id, { kind: 'transferred', unitId: u, note: 'x' }, later());
      }
      if (rnd() < 0.3) {
        await F.step(db, heads[u], id, { kind: 'info_requested', note: 'x' }, later());
        if (rnd() < 0.3) continue;
        await F.step(db, heads[u], id, { kind: 'info_received', note: 'x' }, later());
      }
      if (rnd() < 0.2) continue; // open
      await F.step(db, heads[u], id, { kind: 'answered' }, later());
      await F.step(db, heads[u], id, { kind: 'approved' }, later());
      if (rnd() < 0.6) await F.step(db, admin, id, { kind: 'published' }, later());
    }
    // replay every item from its events, and sum what each contributes
    const cal = await loadCalendar(db);
    const items = await db.select().from(feedbackItems);
    const expected = new Map<string, Record<string, number>>();
    for (const it of items) {
      const evs = (await db.select().from(feedbackEvents).where(eq(feedbackEvents.feedbackId, it.id)).orderBy(feedbackEvents.at, feedbackEvents.id)).filter((e) => e.kind !== 'rated');
      const s = replay(evs.map((e) => ({ kind: e.kind as FeedbackEventKind, at: e.at, unitId: e.toUnitId })), it.limits as TimeLimits, cal);
      for (const c of contribution(s, { channel: it.channel, field: it.field }, it.limits as TimeLimits, cal)) {
        const key = `${c.unitId}|${c.day}|${c.channel}|${c.field}`;
        const row = expected.get(key) ?? { received: 0, onTime: 0, late: 0, lateStart: 0, lateEnd: 0 };
        row[c.counter] += 1;
        expected.set(key, row);
      }
    }
    const stored = new Map((await db.select().from(feedbackDaily)).filter((r) => r.received || r.onTime || r.late || r.lateStart || r.lateEnd).map((r) => [`${r.unitId}|${r.day}|${r.channel}|${r.field}`, { received: r.received, onTime: r.onTime, late: r.late, lateStart: r.lateStart, lateEnd: r.lateEnd }]));
    expect(stored).toEqual(expected);

    // figures of a past period against the items judged directly at its end
    const from = '2026-04-01';
    const to = '2026-06-30';
    const end = new Date('2026-06-30T23:59:59.999+07:00');
    const all = await db.select().from(feedbackItems);
    const day = (d: Date | null) => (d ? localDay(d) : null);
    const inP = (d: Date | null) => d !== null && day(d)! >= from && day(d)! <= to;
    const open = all.filter((i) => day(i.receivedAt)! <= to && !(i.closedAt && day(i.closedAt)! <= to));
    const openLate = open.filter((i) => i.lateAt && day(i.lateAt)! <= to).length;
    const f = await figuresOf(db, null, from, to);
    expect(f).toEqual({
      received: all.filter((i) => inP(i.receivedAt)).length,
      onTime: all.filter((i) => inP(i.closedAt) && !i.closedLate).length,
      late: all.filter((i) => inP(i.closedAt) && i.closedLate).length,
      openOnTime: open.length - openLate,
      openLate,
      onTimeRate: expect.anything(),
    });
    void end;
    // a rebuild from the items' stored contributions gives the same rows
    await db.transaction((tx) => rebuildFeedbackCounters(tx));
    const rebuilt = new Map((await db.select().from(feedbackDaily)).filter((r) => r.received || r.onTime || r.late || r.lateStart || r.lateEnd).map((r) => [`${r.unitId}|${r.day}|${r.channel}|${r.field}`, { received: r.received, onTime: r.onTime, late: r.late, lateStart: r.lateStart, lateEnd: r.lateEnd }]));
    expect(rebuilt).toEqual(expected);
  });
});

describe('the public form is rate-limited', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp('pglite', { feedbackRateLimit: 3 });
  });
  afterAll(() => t.close());
  it('a fourth submission from one address within 10 minutes is refused with 429', async () => {
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await t.app.inject({ method: 'POST', url: '/api/public/feedback', payload: GOOD })).statusCode);
    expect(codes).toEqual([201, 201, 201, 429]);
  });
});
