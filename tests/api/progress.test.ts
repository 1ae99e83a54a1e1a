import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPdf } from '../../server/seed/demoProgress.js';
import { as, ENGINES, login, type Session, type TestApp, testApp, unitId } from '../helpers/app.js';

describe.each(ENGINES)('progress reports on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let head: Session;
  let otherOfficer: Session;
  let stp: number;
  let planId: number;
  let task31: number; // 3.1: lead Văn phòng UBND tỉnh, Sở Tư pháp coordinates through "các sở, ban, ngành tỉnh"
  let task21: number; // 2.1: lead Sở Tư pháp, done in Q2
  let task62: number; // 6.1: lead Sở Tài chính, not started
  let task52: number; // 5.2: lead Sở Nội vụ, coordinating UBND cấp xã: nothing for Sở Tư pháp

  beforeAll(async () => {
    t = await testApp(engine);
    admin = await login(t.app, 'admin');
    officer = await login(t.app, 'stp.canbo');
    head = await login(t.app, 'stp.lanhdao');
    otherOfficer = await login(t.app, 'snv.canbo');
    stp = await unitId(t.app, 'TN.STP', '2026-01-01');
    planId = (await as(t.app, admin).get('/api/plans')).json().find((p: { year: number }) => p.year === 2026).id;
    const tasks = (await as(t.app, admin).get(`/api/plans/${planId}/tasks`)).json();
    const id = (n: string) => tasks.find((x: { number: string }) => x.number === n).id;
    task31 = id('3.1');
    task21 = id('2.1');
    task62 = id('6.1');
    task52 = id('5.2');
  });
  afterAll(() => t.close());

  const evidence = (s: Session, reportId: number, name: string, data: Buffer) => {
    const b = 'xx' + Math.random().toString(16).slice(2);
    const payload = Buffer.concat([Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), data, Buffer.from(`\r\n--${b}--\r\n`)]);
    return t.app.inject({ method: 'POST', url: `/api/progress/${reportId}/evidence`, payload, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': `multipart/form-data; boundary=${b}` } });
  };
  const figures = async () => (await as(t.app, admin).get(`/api/plans/${planId}/figures`)).json();

  it('officer drafts with evidence, head submits, administrator accepts: the completion figure changes', async () => {
    const stpFinance = await unitId(t.app, 'TN.STC', '2026-01-01');
    const financeOfficer = await login(t.app, 'admin'); // no demo officer at Sở Tài chính: create one
    await as(t.app, financeOfficer).post('/api/users', { username: 'stc.canbo', fullName: 'Cán bộ STC', role: 'unit_officer', unitId: stpFinance, password: 'Passw0rd1' });
    await as(t.app, financeOfficer).post('/api/users', { username: 'stc.lanhdao', fullName: 'Lãnh đạo STC', role: 'unit_head', unitId: stpFinance, password: 'Passw0rd1' });
    const o = await login(t.app, 'stc.canbo', 'Passw0rd1');
    const h = await login(t.app, 'stc.lanhdao', 'Passw0rd1');
    const before = (await figures()).overall;

    const draft = await as(t.app, o).post('/api/progress', { taskId: task62, unitId: stpFinance, period: '2026-Q4', status: 'done', percent: 100, report: 'Đã hoàn thành báo cáo tự chủ.' });
    expect(draft.statusCode).toBe(200);
    expect(draft.json().state).toBe('draft');
    const file = await evidence(o, draft.json().id, 'bao-cao.pdf', tinyPdf('bao cao'));
    expect(file.statusCode).toBe(201);
    expect((await as(t.app, o).post(`/api/progress/${draft.json().id}/submit`)).statusCode).toBe(403); // an officer cannot submit
    expect((await as(t.app, h).post(`/api/progress/${draft.json().id}/submit`)).json().state).toBe('submitted');
    expect((await as(t.app, o).post('/api/progress', { taskId: task62, unitId: stpFinance, period: '2026-Q4', status: 'done', percent: 100, report: 'sửa' })).json().code).toBe('INVALID_STATE');
    expect((await figures()).overall.done).toBe(before.done); // submitted does not count yet
    const accepted = await as(t.app, admin).post(`/api/progress/${draft.json().id}/review`, { action: 'accept' });
    expect(accepted.json().state).toBe('accepted');
    const after = (await figures()).overall;
    expect(after.done).toBe(before.done + 1);
    expect(after.total).toBe(before.total);
    const task = (await as(t.app, admin).get(`/api/plans/tasks/${task62}`)).json();
    expect(task.status).toBe('done');
    expect(task.reports[0].evidence.map((e: { fileName: string }) => e.fileName)).toEqual(['bao-cao.pdf']);
    const dl = await as(t.app, admin).get(`/api/evidence/${task.reports[0].evidence[0].id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const audit = (await as(t.app, admin).get(`/api/audit?entityType=task_progress&entityId=${draft.json().id}`)).json();
    expect(audit.map((e: { action: string }) => e.action).reverse()).toEqual(['progress.save', 'progress.evidence', 'progress.submit', 'progress.accept']);
    const inbox = (await as(t.app, o).get('/api/notifications')).json();
    expect(inbox.items[0].title).toContain('đã được chấp nhận');
    expect(inbox.items[0].title).toMatch(/\(Quý [IV]+\/\d{4}\)/);
  });

  it('a return needs a comment and lets the unit edit again', async () => {
    const d = (await as(t.app, officer).post('/api/progress', { taskId: task31, unitId: stp, period: '2026-Q3', status: 'in_progress', percent: 30, report: 'Đang rà soát.' })).json();
    await as(t.app, head).post(`/api/progress/${d.id}/submit`);
    const noComment = await as(t.app, admin).post(`/api/progress/${d.id}/review`, { action: 'return' });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.json().code).toBe('COMMENT_REQUIRED');
    expect((await as(t.app, admin).post(`/api/progress/${d.id}/review`, { action: 'return', comment: 'Bổ sung số liệu.' })).json().state).toBe('returned');
    const again = await as(t.app, officer).post('/api/progress', { taskId: task31, unitId: stp, period: '2026-Q3', status: 'in_progress', percent: 45, report: 'Đã bổ sung.' });
    expect(again.json()).toMatchObject({ state: 'draft', percent: 45 });
  });

  it('a unit never sees another unit’s draft, nor its evidence', async () => {
    const d = (await as(t.app, officer).post('/api/progress', { taskId: task21, unitId: stp, period: '2026-Q4', status: 'done', percent: 100, report: 'Nháp riêng.' })).json();
    const file = (await evidence(officer, d.id, 'nhap.pdf', tinyPdf('x'))).json();
    const seen = (await as(t.app, otherOfficer).get(`/api/plans/tasks/${task21}`)).json();
    expect(seen.reports.some((r: { id: number }) => r.id === d.id)).toBe(false);
    expect((await as(t.app, otherOfficer).get(`/api/evidence/${file.id}`)).statusCode).toBe(404);
    expect((await as(t.app, admin).get(`/api/evidence/${file.id}`)).statusCode).toBe(404); // a draft is the unit's own
    const mine = (await as(t.app, officer).get(`/api/plans/tasks/${task21}`)).json();
    expect(mine.reports.some((r: { id: number }) => r.id === d.id)).toBe(true);
  });

  it.each([
    ['another unit', 'snv', { period: '2026-Q3', status: 'in_progress', percent: 10 }, 403, 'FORBIDDEN'],
    ['a unit not on the task', 'stp-on-5.2', { period: '2026-Q3', status: 'in_progress', percent: 10 }, 409, 'NOT_ASSIGNED'],
    ['done at 90 %', 'stp', { period: '2026-Q3', status: 'done', percent: 90 }, 400, 'INVALID_PERCENT'],
    ['a quarter of another year', 'stp', { period: '2024-Q3', status: 'in_progress', percent: 10 }, 400, 'INVALID_PERIOD'],
    ['a malformed period', 'stp', { period: 'Q3-2026', status: 'in_progress', percent: 10 }, 400, 'INVALID_PERIOD'],
    ['an unknown status', 'stp', { period: '2026-Q3', status: 'almost', percent: 10 }, 400, 'VALIDATION'],
  ])('refuses %s', async (_n, who, body, status, code) => {
    const s = who === 'snv' ? otherOfficer : officer;
    const taskId = who === 'stp-on-5.2' ? task52 : task21;
    const res = await as(t.app, s).post('/api/progress', { taskId, unitId: stp, report: '', ...body });
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
  });

  it.each([
    ['an executable renamed .pdf', 'virus.pdf', Buffer.from('MZ\x90\x00 not a pdf at all'), 415],
    ['a script', 'x.html', Buffer.from('<script>alert(1)</script>'), 415],
    ['a file over 10 MB', 'big.pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024 + 1)]), 413],
  ])('evidence: %s is refused (%i)', async (_n, name, data, status) => {
    const d = (await as(t.app, officer).post('/api/progress', { taskId: task21, unitId: stp, period: '2026-Q1', status: 'done', percent: 100, report: 'x' })).json();
    const res = await evidence(officer, d.id, name, data);
    expect(res.statusCode).toBe(status);
    const seen = (await as(t.app, officer).get(`/api/plans/tasks/${task21}`)).json();
    expect(seen.reports.find((r: { id: number }) => r.id === d.id).evidence.map((e: { fileName: string }) => e.fileName)).not.toContain(name);
  });

  it('urging notifies the unit and is recorded', async () => {
    const before = (await as(t.app, head).get('/api/notifications')).json().unread;
    const res = await as(t.app, admin).post(`/api/plans/tasks/${task31}/urge`, { unitId: stp, message: 'Đề nghị khẩn trương báo cáo.' });
    expect(res.json().notified).toBeGreaterThanOrEqual(2);
    const inbox = (await as(t.app, head).get('/api/notifications')).json();
    expect(inbox.unread).toBe(before + 1);
    expect(inbox.items[0]).toMatchObject({ kind: 'plan.urge', body: 'Đề nghị khẩn trương báo cáo.' });
    expect((await as(t.app, officer).post(`/api/plans/tasks/${task31}/urge`, { unitId: stp })).statusCode).toBe(403);
    const audit = (await as(t.app, admin).get(`/api/audit?entityType=plan_task&entityId=${task31}`)).json();
    expect(audit[0].action).toBe('plan.urge');
    await as(t.app, head).post('/api/notifications/read-all');
    expect((await as(t.app, head).get('/api/notifications')).json().unread).toBe(0);
  });

  it('follow-up lists on a given day', async () => {
    const f = (await as(t.app, admin).get(`/api/plans/${planId}/follow-up?today=2026-10-14`)).json();
    const nums = (k: string) => f[k].map((x: { number: string; unitName: string }) => `${x.number} ${x.unitName}`).sort();
    expect(nums('due1')).toEqual(['2.2 Sở Tư pháp']);
    expect(nums('due3')).toEqual([]);
    expect(nums('overdue')).toEqual(['1.2 Sở Nội vụ', '3.1 Văn phòng UBND tỉnh', '7.1 Sở Khoa học và Công nghệ']);
    const mine = (await as(t.app, admin).get(`/api/plans/${planId}/follow-up?today=2026-10-14&unitId=${stp}`)).json();
    expect(mine.overdue).toEqual([]);
    expect(mine.due1.map((x: { number: string }) => x.number)).toEqual(['2.2']);
  });

  it('a unit adds a task of its own under the plan; the province figures leave it out', async () => {
    const before = (await figures()).overall;
    const res = await as(t.app, officer).post(`/api/plans/${planId}/unit-tasks`, { unitId: stp, area: 2, text: 'Tự kiểm tra văn bản của Sở.', product: 'Báo cáo', timeframe: 'Quý IV/2026', budget: '12,5' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ number: '2.3', due: '2026-12-31', timeframeKind: 'window' });
    const tasks = (await as(t.app, admin).get(`/api/plans/${planId}/tasks`)).json();
    const own = tasks.find((x: { number: string }) => x.number === '2.3');
    expect(own).toMatchObject({ ownerUnitId: stp, budgetMillionVnd: 12.5, leadUnits: [{ id: stp, name: 'Sở Tư pháp', via: 'named' }] });
    const after = await figures();
    expect(after.overall.total).toBe(before.total);
    expect(after.byUnit.find((u: { unitId: number }) => u.unitId === stp).total).toBeGreaterThan(0);
    expect((await as(t.app, otherOfficer).post(`/api/plans/${planId}/unit-tasks`, { unitId: stp, area: 2, text: 'x' })).statusCode).toBe(403);
    expect((await as(t.app, officer).post(`/api/plans/${planId}/unit-tasks`, { unitId: stp, area: 2, text: 'x', budget: 'abc' })).json().code).toBe('INVALID_BUDGET');
    expect((await as(t.app, officer).post(`/api/plans/${planId}/unit-tasks`, { unitId: stp, area: 42, text: 'x' })).json().code).toBe('UNKNOWN_AREA');
  });

  it('my unit sees its tasks, also those given to the unit it came from', async () => {
    const mine = (await as(t.app, officer).get('/api/my/tasks')).json();
    expect(mine.some((x: { year: number; role: string }) => x.year === 2020 && x.role === 'lead')).toBe(true);
    expect(mine.some((x: { year: number; number: string }) => x.year === 2026 && x.number === '2.1')).toBe(true);
  });
});
