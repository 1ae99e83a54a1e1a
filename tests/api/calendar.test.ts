import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, ENGINES, login, type Session, type TestApp, testApp } from '../helpers/app.js';

describe.each(ENGINES)('calendar API on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await testApp(engine);
    admin = await login(t.app, 'admin');
  });
  afterAll(() => t.close());
  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('2025 as announced: Tết 25/1–2/2 and Saturday 26/4 worked', async () => {
    const y = (await get('/api/calendar/2025')).json();
    expect(y).toMatchObject({ year: 2025, announced: true, replacesRules: true });
    expect(y.daysOff.filter((d: { date: string }) => d.date.startsWith('2025-01-2')).map((d: { date: string }) => d.date)).toEqual(['2025-01-25', '2025-01-26', '2025-01-27', '2025-01-28', '2025-01-29']);
    expect(y.workingWeekendDays).toEqual(['2025-04-26']);
  });

  it('2027 by the rules, with compensation', async () => {
    const y = (await get('/api/calendar/2027')).json();
    expect(y.announced).toBe(false);
    expect(y.daysOff.find((d: { date: string }) => d.date === '2027-05-03')).toMatchObject({ source: 'compensation' });
  });

  it.each([
    ['2026-02-12T10:00:00%2B07:00', 'days=3', '2026-02-24T10:00:00+07:00'],
    ['2025-04-25T10:00:00%2B07:00', 'days=1', '2025-04-26T10:00:00+07:00'],
    ['2026-03-02T02:00:00Z', 'hours=4', '2026-03-02T14:30:00+07:00'],
    ['2026-12-30T14:00:00%2B07:00', 'days=2', '2027-01-04T14:00:00+07:00'],
  ])('due from %s + %s → %s', async (from, add, due) => {
    expect((await get(`/api/calendar/due?from=${from}&${add}`)).json()).toEqual({ due });
  });

  it.each([
    ['/api/calendar/due?from=yesterday&days=1', 'VALIDATION'],
    ['/api/calendar/due?from=2026-03-02T09:00:00Z', 'DAYS_OR_HOURS'],
    ['/api/calendar/due?from=2026-03-02T09:00:00Z&days=1&hours=2', 'DAYS_OR_HOURS'],
    ['/api/calendar/due?from=2026-03-02T09:00:00Z&days=-1', 'VALIDATION'],
    ['/api/calendar/abc', 'VALIDATION'],
  ])('%s → 400 %s', async (url, code) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe(code);
  });

  it('the administrator records an announced swap; deadlines follow; bad input changes nothing', async () => {
    const api = as(t.app, admin);
    const bad = await api.put('/api/calendar/2027', { replacesRules: false, daysOff: [{ date: '2027-02-30', name: 'x' }], workingWeekendDays: [] });
    expect(bad.json().code).toBe('INVALID_DATE');
    const notWeekend = await api.put('/api/calendar/2027', { replacesRules: false, daysOff: [], workingWeekendDays: ['2027-02-15'] });
    expect(notWeekend.json().code).toBe('NOT_WEEKEND');
    expect((await get('/api/calendar/2027')).json().announced).toBe(false);
    const ok = await api.put('/api/calendar/2027', { replacesRules: false, source: 'Thông báo mẫu', daysOff: [{ date: '2027-02-12', name: 'Nghỉ bắc cầu' }], workingWeekendDays: ['2027-02-20'] });
    expect(ok.statusCode).toBe(204);
    expect((await get('/api/calendar/due?from=2027-02-04T10:00:00%2B07:00&days=1')).json().due).toBe('2027-02-15T10:00:00+07:00'); // 5/2–12/2 off
    expect((await get('/api/calendar/due?from=2027-02-19T10:00:00%2B07:00&days=1')).json().due).toBe('2027-02-20T10:00:00+07:00'); // Saturday worked
    const officer = await login(t.app, 'stp.canbo');
    expect((await as(t.app, officer).put('/api/calendar/2027', { replacesRules: false, daysOff: [], workingWeekendDays: [] })).statusCode).toBe(403);
    const [e] = (await api.get('/api/audit?entityType=calendar&entityId=2027')).json();
    expect(e.after.workingWeekendDays).toEqual(['2027-02-20']);
  });

  it('lunar conversion', async () => {
    expect((await get('/api/calendar/lunar?date=2026-02-17')).json()).toEqual({ year: 2026, month: 1, day: 1, leap: false });
  });
});
