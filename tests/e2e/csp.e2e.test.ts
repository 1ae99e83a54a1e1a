/**
 * The pages work under the Content-Security-Policy the server sends (server/http/headers.ts): nothing the
 * browser blocks on the staff pages with charts, the public pages and the API documentation.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, logIn, startSystem } from './browser.js';

/** Violations the page reported (listened to from the first script on). */
async function watch(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}
const violations = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

describe('under the Content-Security-Policy', () => {
  let sys: Awaited<ReturnType<typeof startSystem>>;
  beforeAll(async () => {
    sys = await startSystem({ demoPar: true });
  });
  afterAll(() => sys.stop());

  it('staff pages with charts, the public pages and the API documentation run without a blocked resource', async () => {
    const page = await sys.browser.newPage();
    await watch(page);
    await logIn(page, sys.base, 'admin', ADMIN_PASSWORD);
    for (const [path, ready] of [
      ['/dossiers', 'canvas'],
      ['/plans', '[data-testid="plans-table"]'],
      ['/index766', 'body'],
    ] as const) {
      await page.goto(`${sys.base}${path}`);
      await page.locator(ready).first().waitFor();
      await page.waitForTimeout(300);
      expect(await violations(page), path).toEqual([]);
    }
    for (const path of ['/tra-cuu', '/cong-khai/chi-so-cchc']) {
      await page.goto(`${sys.base}${path}`);
      await page.locator('h1, h2, h3').first().waitFor();
      expect(await violations(page), path).toEqual([]);
    }
    await page.goto(`${sys.base}/api/docs`);
    await page.locator('.swagger-ui').first().waitFor();
    expect(await violations(page), '/api/docs').toEqual([]);
    await page.close();
  });
});
