/**
 * Citizen feedback on a 390 px phone (issue 12): a citizen submits → the desk classifies and assigns → the
 * unit asks for information → the citizen's answer resumes the clock → the unit answers, the head approves,
 * the desk publishes → the citizen finds it by its code, reads the answer and rates it, once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { ADMIN_PASSWORD, DEMO_PASSWORD, shot, startSystem } from './browser.js';

const PHONE = { viewport: { width: 390, height: 844 }, locale: 'vi-VN', isMobile: true, hasTouch: true };

describe('citizen feedback journey on a phone', () => {
  let sys: Awaited<ReturnType<typeof startSystem>>;
  let citizen: Page;
  let code = '';
  const contexts: BrowserContext[] = [];
  const staff = async (username: string) => {
    const ctx = await sys.browser.newContext(PHONE);
    contexts.push(ctx);
    const page = await ctx.newPage();
    // on a phone the user's name is in the burger's navigation, not the header
    await page.goto(`${sys.base}/`);
    await page.waitForURL(/\/login$/);
    await page.getByLabel('Tên đăng nhập').fill(username);
    await page.getByLabel(/^Mật khẩu/).fill(username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('app-header').waitFor();
    return page;
  };
  const openItem = async (page: Page) => {
    await page.goto(`${sys.base}/feedback?state=all&sort=received`);
    await page.getByRole('link', { name: code }).click();
    await page.getByTestId('fbd-state').waitFor();
  };
  const noWiderThanPhone = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  beforeAll(async () => {
    sys = await startSystem();
    const ctx = await sys.browser.newContext(PHONE);
    contexts.push(ctx);
    citizen = await ctx.newPage();
  }, 120_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await sys?.stop();
  });

  it('the citizen submits the form on the phone and gets a tracking code', async () => {
    await citizen.goto(`${sys.base}/cong-khai/phan-anh`);
    await citizen.getByTestId('fb-name').fill('Nguyễn Văn Công Dân');
    await citizen.getByTestId('fb-phone').fill('0912 000 111');
    await citizen.getByTestId('fb-address').fill('Số 5, phường Long An, Tây Ninh');
    await citizen.getByTestId('fb-content').fill('Thủ tục cấp phép hoạt động khoa học và công nghệ yêu cầu nộp bản sao có chứng thực; đề nghị chấp nhận bản điện tử.');
    await noWiderThanPhone(citizen);
    await citizen.getByTestId('fb-send').click();
    code = (await citizen.getByTestId('fb-code').textContent())!;
    expect(code).toMatch(/^PAKN\.\d{8}\.\d{4}$/);
    await shot(citizen, 'feedback-receipt');
  });

  it('the desk classifies it as within competence and assigns it to the department', async () => {
    const desk = await staff('admin');
    await openItem(desk);
    await desk.getByTestId('fba-classify').click();
    await desk.getByTestId('fba-unit').click();
    await desk.getByTestId('fba-unit').fill('Khoa học');
    await desk.getByRole('option', { name: 'Sở Khoa học và Công nghệ' }).first().click();
    await desk.getByTestId('fba-submit').click();
    await expect.poll(() => desk.getByTestId('fbd-state').textContent()).toBe('Đang xử lý');
    expect(await desk.getByTestId('fbd-deadline').textContent()).toMatch(/còn 1[45] ngày|còn 14 ngày/);
    await noWiderThanPhone(desk);
  });

  it('the unit asks for information: the clock stops; the citizen answers on the tracking page and it runs again', async () => {
    const unit = await staff('khcn.canbo');
    await openItem(unit);
    await unit.getByTestId('fba-request-info').click();
    await unit.getByTestId('fba-text').fill('Đề nghị cho biết tên tổ chức khoa học và công nghệ.');
    await unit.getByTestId('fba-submit').click();
    await expect.poll(() => unit.getByTestId('fbd-state').textContent()).toBe('Chờ bổ sung thông tin');
    await unit.getByTestId('fbd-stopped').waitFor();

    await citizen.goto(`${sys.base}/cong-khai/phan-anh/tra-cuu?ma=${encodeURIComponent(code)}`);
    await citizen.getByTestId('fb-stopped').waitFor();
    await citizen.getByTestId('fb-contact').fill('0912000111');
    await citizen.getByTestId('fb-info').fill('Viện Nghiên cứu ứng dụng Tây Ninh.');
    await citizen.getByTestId('fb-send-info').click();
    await citizen.getByTestId('fb-notice').waitFor();
    await expect.poll(() => citizen.getByTestId('fb-track-state').textContent()).toBe('Đang xử lý');
    await noWiderThanPhone(citizen);

    await unit.reload();
    await expect.poll(() => unit.getByTestId('fbd-state').textContent()).toBe('Đang xử lý');
    await unit.getByTestId('fbd-deadline').waitFor();
    await unit.getByTestId('fba-answer').click();
    await unit.getByTestId('fba-text').fill('Sở chấp nhận bản điện tử của giấy tờ từ ngày 01/12/2026.');
    await unit.getByTestId('fba-submit').click();
    await expect.poll(() => unit.getByTestId('fbd-state').textContent()).toBe('Đang xử lý (chờ duyệt trả lời)');
  });

  it('the head approves, the desk publishes', async () => {
    const head = await staff('khcn.lanhdao');
    await openItem(head);
    await head.getByTestId('fba-approve').click();
    await expect.poll(() => head.getByTestId('fbd-state').textContent()).toBe('Đã có trả lời, chờ công khai');
    const desk = contexts[1].pages()[0];
    await openItem(desk);
    await desk.getByTestId('fba-publish').click();
    await expect.poll(() => desk.getByTestId('fbd-state').textContent()).toBe('Đã công khai trả lời');
    expect(await desk.getByTestId('fbd-timeline').textContent()).toContain('Nhận thông tin bổ sung');
  });

  it('the citizen finds it by code, reads the answer, rates it once; the published answers list it without personal data', async () => {
    await citizen.goto(`${sys.base}/cong-khai/phan-anh/tra-cuu`);
    await citizen.getByTestId('fb-track-code').fill(code);
    await citizen.getByRole('button', { name: 'Tra cứu' }).click();
    expect(await citizen.getByTestId('fb-answer').textContent()).toContain('bản điện tử');
    await citizen.getByTestId('fb-rate-contact').fill('0912 000 111');
    await citizen.getByTestId('fb-satisfied').click();
    await citizen.getByTestId('fb-notice').waitFor();
    expect(await citizen.getByTestId('fb-satisfied').count()).toBe(0);
    await shot(citizen, 'feedback-tracked');
    await citizen.goto(`${sys.base}/cong-khai/phan-anh/tra-loi`);
    await citizen.getByTestId('fb-answer-card').first().waitFor();
    const text = await citizen.locator('body').textContent();
    expect(text).toContain(code);
    expect(text).not.toContain('Nguyễn Văn Công Dân');
    expect(text).not.toContain('0912');
    await noWiderThanPhone(citizen);
  });
});
