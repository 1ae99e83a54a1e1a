import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILED } from '../../server/modules/auth/login.js';
import { ADMIN_PASSWORD, as, DEMO_PASSWORD, ENGINES, login, type TestApp, testApp } from '../helpers/app.js';

describe.each(ENGINES)('authentication on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(engine);
  });
  afterAll(() => t.close());

  const post = (url: string, payload: object, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url, payload, headers });

  it('login sets an HttpOnly, SameSite=Strict session cookie and returns a CSRF token', async () => {
    const res = await post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === 'cchc_session')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Strict');
    expect(c.path).toBe('/');
    expect(res.json().csrfToken).toMatch(/^[\w-]{20,}$/);
    expect(res.json().user).toMatchObject({ username: 'admin', role: 'admin' });
    expect(JSON.stringify(res.json())).not.toContain('argon2');
  });

  it('login is case-insensitive on the username', async () => {
    expect((await post('/api/auth/login', { username: ' ADMIN ', password: ADMIN_PASSWORD })).statusCode).toBe(200);
  });

  it('wrong password and unknown user get the same generic 401', async () => {
    const a = await post('/api/auth/login', { username: 'admin', password: 'nope' });
    const b = await post('/api/auth/login', { username: 'nobody', password: 'nope' });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json()).toEqual(b.json());
    expect(a.json()).toEqual({ code: 'INVALID_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
    // reset the counter for later tests
    await login(t.app, 'admin');
  });

  it('English message on request', async () => {
    const res = await post('/api/auth/login', { username: 'nobody', password: 'x' }, { 'accept-language': 'en-US,en' });
    expect(res.json().message).toBe('Wrong username or password.');
  });

  it(`locks the account after ${MAX_FAILED} failures, even for the right password; admin unlocks`, async () => {
    for (let i = 0; i < MAX_FAILED - 1; i++) {
      expect((await post('/api/auth/login', { username: 'stp.canbo', password: 'wrong' })).json().code).toBe('INVALID_CREDENTIALS');
    }
    const last = await post('/api/auth/login', { username: 'stp.canbo', password: 'wrong' });
    expect(last.json().code).toBe('ACCOUNT_LOCKED');
    const right = await post('/api/auth/login', { username: 'stp.canbo', password: DEMO_PASSWORD });
    expect(right.statusCode).toBe(401);
    expect(right.json().code).toBe('ACCOUNT_LOCKED');

    const admin = await login(t.app, 'admin');
    const users = (await as(t.app, admin).get('/api/users')).json();
    const officer = users.find((u: { username: string }) => u.username === 'stp.canbo');
    expect(officer.lockedUntil).not.toBeNull();
    expect((await as(t.app, admin).post(`/api/users/${officer.id}/unlock`)).statusCode).toBe(204);
    expect((await post('/api/auth/login', { username: 'stp.canbo', password: DEMO_PASSWORD })).statusCode).toBe(200);
    const audit = (await as(t.app, admin).get(`/api/audit?entityType=user&entityId=${officer.id}`)).json();
    expect(audit.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['auth.lockout', 'user.unlock']));
  });

  it('wrong passwords sent at the same time are all counted: ten at once lock the account', async () => {
    const attempts = await Promise.all(Array.from({ length: 10 }, () => post('/api/auth/login', { username: 'khcn.canbo', password: 'wrong-password-1' })));
    expect(attempts.every((r) => r.statusCode === 401)).toBe(true);
    expect(attempts.filter((r) => r.json().code === 'ACCOUNT_LOCKED').length).toBeGreaterThanOrEqual(1);
    const right = await post('/api/auth/login', { username: 'khcn.canbo', password: DEMO_PASSWORD });
    expect(right.json().code).toBe('ACCOUNT_LOCKED');
    const admin = await login(t.app, 'admin');
    const officer = (await as(t.app, admin).get('/api/users')).json().find((u: { username: string }) => u.username === 'khcn.canbo');
    const audit = (await as(t.app, admin).get(`/api/audit?entityType=user&entityId=${officer.id}&action=auth.lockout`)).json();
    expect(audit).toHaveLength(1);
    expect((await as(t.app, admin).post(`/api/users/${officer.id}/unlock`)).statusCode).toBe(204);
  });

  it('state-changing requests need the CSRF header of their session', async () => {
    const s = await login(t.app, 'admin');
    const body = { code: 'CSRF.X', name: 'x', type: 'commune', validFrom: '2026-01-01' };
    const none = await t.app.inject({ method: 'POST', url: '/api/org-units', payload: body, headers: { cookie: s.cookie } });
    expect(none.statusCode).toBe(403);
    expect(none.json().code).toBe('CSRF');
    const other = await login(t.app, 'admin');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/org-units', payload: body, headers: { cookie: s.cookie, 'x-csrf-token': other.csrf } });
    expect(wrong.statusCode).toBe(403);
    expect((await as(t.app, s).post('/api/org-units', body)).statusCode).toBe(201);
  });

  it('/me, logout, and no access after logout', async () => {
    const s = await login(t.app, 'stp.lanhdao');
    const me = await as(t.app, s).get('/api/auth/me');
    expect(me.json()).toMatchObject({ user: { username: 'stp.lanhdao', role: 'unit_head' }, csrfToken: s.csrf });
    expect((await as(t.app, s).post('/api/auth/logout')).statusCode).toBe(204);
    expect((await as(t.app, s).get('/api/auth/me')).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me' })).json().code).toBe('UNAUTHENTICATED');
  });

  it('password change: checks the current password and the policy, ends other sessions', async () => {
    const s1 = await login(t.app, 'hdnd.giamsat');
    const s2 = await login(t.app, 'hdnd.giamsat');
    const api = as(t.app, s1);
    expect((await api.post('/api/auth/password', { currentPassword: 'bad', newPassword: 'NewPass123' })).json().code).toBe('WRONG_PASSWORD');
    expect((await api.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'short1' })).json().code).toBe('WEAK_PASSWORD');
    expect((await api.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'onlyletters' })).json().code).toBe('WEAK_PASSWORD');
    expect((await api.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'NewPass123' })).statusCode).toBe(204);
    expect((await as(t.app, s1).get('/api/auth/me')).statusCode).toBe(200);
    expect((await as(t.app, s2).get('/api/auth/me')).statusCode).toBe(401);
    expect((await post('/api/auth/login', { username: 'hdnd.giamsat', password: DEMO_PASSWORD })).statusCode).toBe(401);
    expect((await post('/api/auth/login', { username: 'hdnd.giamsat', password: 'NewPass123' })).statusCode).toBe(200);
  });

  it('a deactivated user cannot log in and loses their sessions', async () => {
    const s = await login(t.app, 'ubnd.lanhdao');
    const admin = await login(t.app, 'admin');
    const u = (await as(t.app, admin).get('/api/users')).json().find((x: { username: string }) => x.username === 'ubnd.lanhdao');
    expect((await as(t.app, admin).patch(`/api/users/${u.id}`, { active: false })).statusCode).toBe(200);
    expect((await as(t.app, s).get('/api/auth/me')).statusCode).toBe(401);
    expect((await post('/api/auth/login', { username: 'ubnd.lanhdao', password: DEMO_PASSWORD })).statusCode).toBe(401);
    expect((await as(t.app, admin).patch(`/api/users/${u.id}`, { active: true })).statusCode).toBe(200);
  });

  it('malformed bodies get 400, never 500', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: '{"username": "admin",', headers: { 'content-type': 'application/json' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('INVALID_JSON');
    const fields = await post('/api/auth/login', { username: 5 });
    expect(fields.statusCode).toBe(400);
    expect(fields.json().details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.password', 'body.username']);
    const form = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: 'username=admin', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.statusCode).toBe(415);
    const missing = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('NOT_FOUND');
  });
});

describe('login rate limit', () => {
  it('answers 429 past the limit per minute', async () => {
    const t = await testApp('pglite', { demo: false, loginRateLimit: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        codes.push((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y' } })).statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await t.close();
    }
  });
});
