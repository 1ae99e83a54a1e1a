import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../helpers/app.js';

describe('security headers', () => {
  let plain: TestApp;
  let secure: TestApp;
  beforeAll(async () => {
    plain = await testApp('pglite', { demo: false });
    secure = await testApp('pglite', { demo: false, cookieSecure: true });
  });
  afterAll(async () => {
    await plain.close();
    await secure.close();
  });

  it.each(['/', '/tra-cuu', '/cong-khai/chi-so-cchc', '/api/health'])('%s: a Content-Security-Policy, no framing, no sniffing, a Permissions-Policy', async (url) => {
    const res = await plain.app.inject({ method: 'GET', url });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['permissions-policy'])).toContain('camera=()');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('HSTS only behind HTTPS (COOKIE_SECURE)', async () => {
    const res = await secure.app.inject({ method: 'GET', url: '/api/health' });
    expect(String(res.headers['strict-transport-security'])).toMatch(/max-age=31536000/);
  });

  it('a body over the limit is a 413 with its own code', async () => {
    const res = await plain.app.inject({ method: 'POST', url: '/api/auth/login', payload: JSON.stringify({ username: 'x'.repeat(3 * 1024 * 1024), password: 'y' }), headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
  });
});
