/**
 * Issue 14 in a browser: the province's leader lands on the overview, opens the worst unit's late dossiers,
 * comes back and switches to 2024 (Long An's units); a citizen on a 390 px phone uses the public home and the
 * procedure search.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, logIn, shot, startSystem } from './browser.js';

describe('the leaders’ overview and the public portal', () => {
  let sys: Awaited<ReturnType<typeof startSystem>>;
  let page: Page;
  beforeAll(async () => {
    sys = await startSystem();
    page = await sys.browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'vi-VN' });
  });
  afterAll(() => sys?.stop());

  it('the leader logs in and lands on the overview of the province, every tile showing a figure or “chưa có dữ liệu”', async () => {
    await logIn(page, sys.base, 'ubnd.lanhdao', DEMO_PASSWORD);
    await page.waitForURL(/\/overview$/);
    await page.getByTestId('tile-dossiersOnTimeRate').waitFor();
    expect(await page.getByTestId('overview-title').textContent()).toContain('Tây Ninh');
    expect(await page.getByTestId('value-dossiersOnTimeRate').textContent()).toMatch(/\d+,\d{2}\s%/);
    expect(await page.getByTestId('value-feedbackOnTimeRate').textContent()).toMatch(/^\d+(,\d+)?\s%$/);
    expect(await page.getByTestId('value-satisfaction').textContent()).toMatch(/^\d+(,\d+)?\s%$/);
    // the trend is drawn only when asked for (ECharts loads then)
    await page.getByTestId('overview-trend-toggle').click();
    await page.getByTestId('overview-trend').locator('canvas, svg').first().waitFor();
    await page.getByTestId('overview-trend-toggle').click();
    await shot(page, 'overview-province');
  });

  it('opens the worst unit’s late dossiers and comes back', async () => {
    const worst = page.getByTestId('worst-dossiersOnTimeRate-0');
    const name = await worst.textContent();
    await worst.click();
    await page.waitForURL(/\/dossiers\/list\?.*category=late/);
    await page.locator('table').first().waitFor();
    await shot(page, 'overview-worst-late');
    expect(name).toBeTruthy();
    await page.goBack();
    await page.waitForURL(/\/overview/);
    await page.getByTestId('tile-dossiersOnTimeRate').waitFor();
  });

  it('switches to 2024: Long An and its units', async () => {
    await page.getByTestId('overview-period').click();
    await page.getByRole('option', { name: 'Năm 2024' }).click();
    await page.waitForURL(/period=2024/);
    await expect.poll(() => page.getByTestId('overview-title').textContent()).toContain('Long An');
    await page.getByTestId('overview-unit').click();
    const options = await page.getByRole('option').allTextContents();
    expect(options.some((o) => /Tân An|huyện|Huyện/.test(o))).toBe(true);
    await page.keyboard.press('Escape');
    await shot(page, 'overview-2024');
  });

  it('the map of the units, coloured by the on-time rate, says it is a schematic drawing', async () => {
    // the demo's layer has today's communes: the map of this year
    await page.goto(`${sys.base}/overview?period=2026`);
    await page.getByTestId('overview-map').click();
    await page.waitForURL(/\/overview\/map\?/);
    await page.getByTestId('map-schematic').waitFor();
    await page.getByTestId('map-svg').waitFor();
    expect(await page.locator('[data-testid="map-svg"] path').count()).toBeGreaterThan(3);
    await shot(page, 'overview-map');
  });

  it('a citizen on a 390 px phone: the public home, then the procedure search without diacritics', async () => {
    const phone = await sys.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', isMobile: true, hasTouch: true });
    await phone.goto(`${sys.base}/cong-khai`);
    await phone.getByTestId('public-ontime').waitFor();
    expect(await phone.getByTestId('public-ontime').textContent()).toMatch(/%/);
    expect(await phone.getByTestId('public-satisfaction').textContent()).toMatch(/%/);
    for (const k of ['lookup', 'procedures', 'feedback', 'answers', 'survey', 'ranking']) await phone.getByTestId(`service-${k}`).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(phone, 'public-home-phone');
    await phone.getByTestId('service-procedures').click();
    await phone.waitForURL(/\/cong-khai\/thu-tuc$/);
    await phone.getByTestId('proc-q').fill('ho tich');
    await phone.getByTestId('proc-submit').click();
    await phone.waitForURL(/q=ho\+tich|q=ho%20tich/);
    // the unfiltered list shows first; then the search's answer
    const matches = (n: string) => /hộ tịch|Hộ tịch|khai sinh|kết hôn|khai tử/i.test(n);
    await expect.poll(async () => (await phone.getByTestId('proc-item').allTextContents()).every(matches)).toBe(true);
    const names = await phone.getByTestId('proc-item').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names.every(matches)).toBe(true);
    expect(await phone.getByTestId('proc-total').textContent()).toMatch(/Tìm thấy \d+ thủ tục/);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(phone, 'public-procedures-phone');
    await phone.getByTestId('service-lookup').count();
    await phone.goto(`${sys.base}/tra-cuu`);
    await phone.getByTestId('lookup-code').waitFor();
    await phone.goto(`${sys.base}/cong-khai/chi-so-cchc`);
    await phone.locator('h3').first().waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.close();
  });
});
