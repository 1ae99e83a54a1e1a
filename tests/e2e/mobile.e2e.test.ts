/**
 * The logged-in app on a 390 × 844 phone (issue 10): no page is wider than the screen (wide tables scroll in
 * their own container), the header stays one line, the navigation opens from the burger.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, shot, startSystem } from './browser.js';

const WIDTH = 390;

/** The page's width, and when it is too wide the elements that stick out (to say which, not only that). */
async function overflow(page: Page) {
  return page.evaluate((width) => {
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 1 && !e.closest('header'))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}${e.getAttribute('data-testid') ? `[${e.getAttribute('data-testid')}]` : ''}.${[...e.classList].slice(0, 2).join('.')} right=${Math.round(e.getBoundingClientRect().right)}`);
    return { scrollWidth: document.documentElement.scrollWidth, wide };
  }, WIDTH);
}

/** The header: its height, and whether anything in it wrapped or was pushed out. */
async function header(page: Page) {
  return page.getByTestId('app-header').evaluate((h) => {
    const box = h.getBoundingClientRect();
    const items = [...h.querySelectorAll('*')].filter((e) => (e as HTMLElement).offsetParent !== null && e.getBoundingClientRect().height > 0);
    return {
      height: Math.round(h.closest('header')!.getBoundingClientRect().height),
      contentHeight: h.scrollHeight,
      overflowX: h.scrollWidth > h.clientWidth + 1,
      outside: items
        .filter((e) => e.getBoundingClientRect().bottom > box.bottom + 1 || e.getBoundingClientRect().right > box.right + 1)
        .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].slice(0, 2).join('.')}`),
    };
  });
}

describe('the staff app on a 390 px phone', () => {
  let sys: Awaited<ReturnType<typeof startSystem>>;
  let page: Page;
  beforeAll(async () => {
    sys = await startSystem({ demoPar: true });
    page = await sys.browser.newPage({ viewport: { width: WIDTH, height: 844 }, locale: 'vi-VN', isMobile: true, hasTouch: true });
  });
  afterAll(() => sys?.stop());

  it('logs in on the phone', async () => {
    await page.goto(`${sys.base}/`);
    await page.waitForURL(/\/login$/);
    expect((await overflow(page)).scrollWidth).toBeLessThanOrEqual(WIDTH);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel(/^Mật khẩu/).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('app-header').waitFor();
    await shot(page, 'mobile-home');
  });

  it('the burger opens the navigation, with the user, the language and log out', async () => {
    const h = await header(page);
    expect(h.height).toBeLessThanOrEqual(56);
    expect(h.contentHeight).toBeLessThanOrEqual(56);
    await page.getByTestId('burger').click();
    await page.getByTestId('current-user-mobile').waitFor();
    await expect.poll(() => page.getByTestId('current-user-mobile').evaluate((e) => e.getBoundingClientRect().left)).toBeGreaterThanOrEqual(0);
    await page.waitForTimeout(300); // the slide's last frames, for the picture
    expect(await page.getByTestId('current-user-mobile').textContent()).toContain('Quản trị hệ thống');
    await shot(page, 'mobile-navbar');
    await page.getByRole('link', { name: 'Cơ cấu tổ chức' }).click();
    await page.waitForURL(/\/org$/);
    // the navbar closes (slides out to the left) once a page is picked
    await expect.poll(() => page.getByTestId('current-user-mobile').evaluate((e) => e.getBoundingClientRect().right)).toBeLessThanOrEqual(0);
  });

  const pages = [
    '/',
    '/plans',
    '/my',
    '/org',
    '/org/units/1',
    '/dossiers',
    '/dossiers/list',
    '/index766',
    '/par/rounds',
    '/par/criteria-sets',
    '/procedures',
    '/calendar',
    '/users',
    '/audit',
    '/password',
    '/overview',
  ];
  for (const path of pages) {
    it(`${path} fits the screen and the header is one line`, async () => {
      await page.goto(`${sys.base}${path}`);
      await page.getByTestId('app-header').waitFor();
      await page.waitForLoadState('networkidle');
      await expect.poll(() => page.getByTestId('page-loading').count()).toBe(0);
      const o = await overflow(page);
      await shot(page, `mobile${path === '/' ? '-home' : path.replaceAll('/', '-')}`);
      expect(o.scrollWidth, `${path} is wider than the phone: ${o.wide.join('; ')}`).toBeLessThanOrEqual(WIDTH);
      const h = await header(page);
      expect(h, path).toMatchObject({ overflowX: false, outside: [] });
      expect(h.height, path).toBeLessThanOrEqual(56);
    });
  }

  it('a plan, a round and its results fit the screen too', async () => {
    for (const [list, link] of [
      ['/plans', /\/plans\/\d+$/],
      ['/par/rounds', /\/par\/rounds\/\d+$/],
      ['/par/rounds', /\/par\/rounds\/\d+\/results$/],
    ] as const) {
      await page.goto(`${sys.base}${list}`);
      await page.waitForLoadState('networkidle');
      const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      const href = hrefs.find((h) => link.test(h));
      expect(href, `a link like ${link} on ${list}`).toBeTruthy();
      await page.goto(`${sys.base}${href}`);
      await page.waitForLoadState('networkidle');
      await expect.poll(() => page.getByTestId('page-loading').count()).toBe(0);
      const o = await overflow(page);
      if (o.scrollWidth > WIDTH) await shot(page, `mobile-overflow${href!.replaceAll('/', '-')}`);
      expect(o.scrollWidth, `${href} is wider than the phone: ${o.wide.join('; ')}`).toBeLessThanOrEqual(WIDTH);
    }
  });
});
