import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, logIn, shot, startSystem } from './browser.js';

describe('foundation journey in Chromium', () => {
  let sys: Awaited<ReturnType<typeof startSystem>>;
  let page: Page;
  beforeAll(async () => {
    sys = await startSystem();
    page = await sys.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
  });
  afterAll(() => sys?.stop());

  const codes = async () => page.getByTestId('org-node').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
  const showOrgAsOf = async (ddmmyyyy: string) => {
    await page.getByRole('textbox', { name: 'Tại ngày' }).fill(ddmmyyyy);
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    await page.getByTestId('org-summary').filter({ hasText: ddmmyyyy }).waitFor();
    await page.getByTestId('org-node').first().waitFor();
  };

  it('a wrong password shows the generic error', async () => {
    await page.goto(`${sys.base}/`);
    await page.waitForURL(/\/login$/);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel(/^Mật khẩu/).fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByRole('alert').innerText()).resolves.toContain('Tên đăng nhập hoặc mật khẩu không đúng');
  });

  it('logs in as the administrator', async () => {
    await logIn(page, sys.base, 'admin', ADMIN_PASSWORD);
    expect(await page.getByTestId('current-user').innerText()).toContain('Quản trị hệ thống');
    await shot(page, '01-home');
  });

  it('the organisation tree as of 01/01/2020: Long An with its districts', async () => {
    await page.getByRole('link', { name: 'Cơ cấu tổ chức' }).click();
    await showOrgAsOf('01/01/2020');
    const c = await codes();
    expect(c).toContain('LA');
    expect(c).toContain('LA.TANAN');
    expect(c).toContain('LA.SKHDT');
    expect(c).not.toContain('TN');
    expect(c.filter((x) => /^LA\.[A-Z]+$/.test(x ?? '') && x !== 'LA.TANAN').length).toBeGreaterThan(20);
    await shot(page, '02-org-2020');
  });

  it('the organisation tree as of 01/01/2026: Tây Ninh, no district tier', async () => {
    await showOrgAsOf('01/01/2026');
    const c = await codes();
    expect(c).toContain('TN');
    expect(c).toContain('TN.PLONGAN');
    expect(c).not.toContain('LA');
    expect(c).not.toContain('LA.TANAN');
    await shot(page, '03-org-2026');
  });

  it("opens a district's history from the 2020 tree", async () => {
    await showOrgAsOf('01/01/2020');
    await page.getByRole('link', { name: 'Thành phố Tân An' }).click();
    await page.getByTestId('unit-name').filter({ hasText: 'Thành phố Tân An' }).waitFor();
    expect(await page.getByTestId('unit-span').innerText()).toBe('01/01/2015 – 30/06/2025');
    const events = await page.getByTestId('unit-events').innerText();
    expect(events).toContain('01/07/2025 · Giải thể / kết thúc');
    expect(events).toContain('Luật Tổ chức chính quyền địa phương 2025');
    expect(await page.getByTestId('unit-parents').innerText()).toContain('Tỉnh Long An');
    const children = await page.getByTestId('unit-children').innerText();
    expect(children).toContain('Phường Khánh Hậu');
    expect(children).toContain('01/01/2015 – 30/06/2025');
    await shot(page, '04-district-history');
  });

  it('follows lineage from Long An to Tây Ninh, and reads the audit of the record', async () => {
    await page.goto(`${sys.base}/org?asOf=2020-01-01`);
    await page.getByRole('link', { name: 'Tỉnh Long An', exact: true }).click();
    await page.getByTestId('went-into').getByRole('link', { name: /Tỉnh Tây Ninh/ }).click();
    await page.getByTestId('came-from').filter({ hasText: 'Tỉnh Long An' }).waitFor();
    await page.getByRole('link', { name: 'Xem nhật ký' }).click();
    await page.getByTestId('audit-table').locator('[data-code="org.merge"]').first().waitFor();
    await page.getByRole('button', { name: 'Kiểm tra toàn vẹn' }).click();
    expect(await page.getByTestId('verify-result').innerText()).toContain('Chuỗi nhật ký toàn vẹn');
    await shot(page, '05-audit');
  });

  it('switches to English', async () => {
    await page.locator('label', { hasText: /^EN$/ }).click();
    await page.getByRole('link', { name: 'Organisation' }).waitFor();
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByTestId('users-table').getByText('stp.canbo').waitFor();
    await shot(page, '06-users-en');
  });
});
