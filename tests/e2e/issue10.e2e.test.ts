/**
 * Issue 10 in Chromium: the PAR, dossier and Decision 766 screens as a new user found them — group badges
 * that show their letter, a legend, percentages that stay on one line on a 390 px phone, provisional results
 * that say so, "chưa gửi" instead of a change against nothing, repeated names told apart, the 766 points
 * before the estimate, vi-VN numbers and periods, readable labels instead of codes, badges not cut, and a
 * message in every empty list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, logIn, shot, startSystem } from './browser.js';

/** Badges whose text is cut (ellipsis or hidden overflow) on the page: their texts. */
const cutBadges = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.mantine-Badge-root')]
      .filter((b) => {
        const label = b.querySelector('.mantine-Badge-label') as HTMLElement | null;
        const el = (label ?? b) as HTMLElement;
        return el.offsetParent !== null && (el.scrollWidth > el.clientWidth + 1 || (b as HTMLElement).scrollWidth > (b as HTMLElement).clientWidth + 1);
      })
      .map((b) => b.textContent),
  );

/** Lines a cell's text takes. */
const linesOf = (page: Page, testId: string) =>
  page.evaluate((id) => {
    return [...document.querySelectorAll(`[data-testid="${id}"]`)].map((td) => {
      const r = document.createRange();
      r.selectNodeContents(td);
      const tops = new Set([...r.getClientRects()].map((x) => Math.round(x.top)));
      return tops.size;
    });
  }, testId);

describe('issue 10: PAR, dossiers and 766 screens in Chromium', () => {
  let sys: Awaited<ReturnType<typeof startSystem>>;
  let page: Page;
  let rounds: { id: number; year: number; status: string }[];
  beforeAll(async () => {
    sys = await startSystem({ demoPar: true });
    page = await sys.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
    await logIn(page, sys.base, 'admin', ADMIN_PASSWORD);
    rounds = await (await page.request.get(`${sys.base}/api/par/rounds`)).json();
  }, 180_000);
  afterAll(() => sys?.stop());
  const round = (year: number) => rounds.find((r) => r.year === year)!;

  it('the public ranking on a 390 px phone: letters in the group badges, a legend, "94,24 %" on one line', async () => {
    const phone = await sys.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', isMobile: true });
    await phone.goto(`${sys.base}/cong-khai/chi-so-cchc`);
    await phone.getByTestId('public-ranking-department').waitFor();
    const legend = (await phone.getByTestId('group-legend').textContent()) ?? '';
    expect(legend).toMatch(/A\s*từ 90\s%/);
    expect(legend).toMatch(/B\s*từ 80\s% đến dưới 90\s%/);
    expect(legend).toMatch(/C\s*dưới 80\s%/);
    const badges = phone.getByTestId('public-ranking-department').getByTestId('group-badge');
    expect(await badges.count()).toBeGreaterThan(3);
    for (const b of await badges.all()) {
      expect(['A', 'B', 'C']).toContain(((await b.textContent()) ?? '').trim());
      const box = await b.boundingBox();
      expect(box!.width).toBeGreaterThanOrEqual(16);
    }
    expect(await cutBadges(phone)).toEqual([]);
    const lines = await linesOf(phone, 'public-index');
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.every((n) => n === 1)).toBe(true);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(phone, 'issue10-public-ranking-390');
    // 2024: the two "Phường 1" are told apart by their district
    await phone.getByRole('combobox', { name: 'Năm' }).click();
    await phone.getByRole('option', { name: /^2024/ }).click();
    await expect.poll(async () => (await phone.getByTestId('public-ranking-commune').textContent()) ?? '').toContain('Phường 1 (Thị xã Kiến Tường)');
    expect(await phone.getByTestId('public-ranking-commune').textContent()).toContain('Phường 1 (Thành phố Tân An)');
    await phone.close();
  });

  it('the open 2026 round: provisional, "chưa gửi" for units that sent nothing, no change against nothing', async () => {
    await page.goto(`${sys.base}/par/rounds/${round(2026).id}/results`);
    await page.getByTestId('ranking').waitFor();
    expect(await page.getByTestId('provisional').textContent()).toContain('Kết quả tạm tính, chưa phê duyệt');
    for (const type of ['Sở, ban, ngành', 'Cấp xã']) {
      await page.getByRole('combobox', { name: 'Loại đơn vị' }).click();
      await page.getByRole('option', { name: type }).click();
      await page.getByTestId('ranking').locator('tbody tr').first().waitFor();
      const rows = await page.getByTestId('ranking').locator('tbody tr').all();
      let notSent = 0;
      for (const row of rows) {
        const text = (await row.textContent()) ?? '';
        if ((await row.getByTestId('not-submitted').count()) === 0) continue;
        notSent++;
        expect(text).toContain('chưa gửi');
        expect(text).not.toMatch(/\([+-]\d+,\d\d\)/);
      }
      expect(notSent).toBeGreaterThan(0);
    }
    expect(await cutBadges(page)).toEqual([]);
    await shot(page, 'issue10-results-2026-open');
  });

  it('the 2024 results tell the two "Phường 1" apart; the radar has room for its labels', async () => {
    await page.goto(`${sys.base}/par/rounds/${round(2024).id}/results`);
    await page.getByTestId('ranking').waitFor();
    await page.getByRole('combobox', { name: 'Loại đơn vị' }).click();
    await page.getByRole('option', { name: 'Cấp xã' }).click();
    await expect.poll(async () => (await page.getByTestId('ranking').textContent()) ?? '').toContain('Phường 1 (Thành phố Tân An)');
    expect(await page.getByTestId('ranking').textContent()).toContain('Phường 1 (Thị xã Kiến Tường)');
    expect(await page.getByTestId('group-legend').textContent()).toMatch(/A\s*từ 90\s%/);
    await page.getByTestId('par-radar').locator('canvas').waitFor();
    expect(await cutBadges(page)).toEqual([]);
    await shot(page, 'issue10-results-2024');
  });

  it('the 766 view: the points that have data first, the estimate second and smaller; vi-VN bases; periods in words', async () => {
    const lastYear = String(new Date().getFullYear() - 1);
    await page.goto(`${sys.base}/index766?period=${lastYear}`);
    await page.getByTestId('index766-table').waitFor();
    expect(await page.getByTestId('index766-points').textContent()).toMatch(/^\d+,\d\d \/ \d+ điểm có dữ liệu$/);
    const sizes = await page.evaluate(() => {
      const px = (id: string) => parseFloat(getComputedStyle(document.querySelector(`[data-testid="${id}"]`)!).fontSize);
      return { points: px('index766-points'), estimate: px('index766-estimate') || parseFloat(getComputedStyle(document.querySelector('[data-testid="index766-estimate"] p')!).fontSize) };
    });
    expect(sizes.estimate).toBeLessThan(sizes.points);
    expect(await page.getByTestId('index766-estimate').textContent()).toMatch(/ước tính/);
    const basis = (await page.getByTestId('basis-2.1').textContent()) ?? '';
    expect(basis).toMatch(/^\d{1,3}(\.\d{3})*\/\d{1,3}(\.\d{3})*$/);
    expect(basis).toContain('.');
    await page.goto(`${sys.base}/index766?period=${lastYear}-Q3`);
    await page.getByTestId('index766-table').waitFor();
    expect(await page.getByTestId('period-766').inputValue()).toBe(`Quý III/${lastYear}`);
    expect(await cutBadges(page)).toEqual([]);
    await shot(page, 'issue10-index766');
  });

  it('the dashboard asks for the twelve months ending with a short period', async () => {
    const y = new Date().getFullYear() - 1;
    const asked = page.waitForRequest((r) => r.url().includes('/api/dossiers/stats/trend'));
    await page.goto(`${sys.base}/dossiers?from=${y}-03-01&to=${y}-03-31`);
    const url = new URL((await asked).url());
    expect([url.searchParams.get('from'), url.searchParams.get('to')]).toEqual([`${y - 1}-04-01`, `${y}-03-31`]);
    await page.getByTestId('trend-chart').locator('canvas').waitFor();
  });

  it('the dossier list names the receiving unit, the detail a readable source system; an empty list says so', async () => {
    const y = new Date().getFullYear() - 1;
    await page.goto(`${sys.base}/dossiers/list?from=${y}-01-01&to=${y}-12-31&category=received`);
    await page.getByTestId('dossier-table').locator('tbody tr').first().waitFor();
    const units = await page.getByTestId('dossier-unit').allTextContents();
    expect(units.length).toBeGreaterThan(0);
    expect(units.every((u) => u.trim().length > 0)).toBe(true);
    expect(await cutBadges(page)).toEqual([]);
    await page.getByTestId('dossier-table').locator('tbody tr').first().getByRole('link').click();
    await page.getByTestId('dossier-timeline').waitFor();
    const source = (await page.getByTestId('dossier-source').textContent()) ?? '';
    expect(source).toMatch(/Phần mềm một cửa điện tử cấp xã|Hệ thống một cửa điện tử iGate/);
    expect(source).toContain('(dữ liệu mẫu)');
    expect(source).not.toContain('demo-');
    expect(await page.getByText('Đơn vị tiếp nhận').count()).toBe(1);
    await page.goto(`${sys.base}/dossiers/list?from=2015-01-01&to=2015-01-31&category=received`);
    expect(await page.getByTestId('dossier-table').getByTestId('empty-row').textContent()).toContain('Không có hồ sơ nào');
  });

  it('a procedure search with no match, a user search with no match, an org search with no match say so', async () => {
    await page.goto(`${sys.base}/procedures`);
    await page.getByTestId('procedures-table').locator('tbody tr').first().waitFor();
    expect(await cutBadges(page)).toEqual([]);
    await page.getByTestId('procedure-search').fill('zzqqxxkhongco');
    await expect.poll(async () => (await page.getByTestId('procedures-table').getByTestId('empty-row').count())).toBe(1);
    expect(await page.getByTestId('empty-row').textContent()).toContain('Không có thủ tục nào khớp');
    await page.goto(`${sys.base}/users`);
    await page.getByTestId('users-table').locator('tbody tr').first().waitFor();
    await page.getByPlaceholder('Tìm kiếm').fill('zzqqxxkhongco');
    await page.getByTestId('users-table').getByTestId('empty-row').waitFor();
    await page.goto(`${sys.base}/org`);
    await page.getByTestId('org-tree').waitFor();
    await page.getByLabel('Tìm kiếm').fill('zzqqxxkhongco');
    await page.getByTestId('org-tree').getByTestId('empty-row').waitFor();
  });

  it('criteria sets and rounds: "Bắt buộc" and the status badges are not cut', async () => {
    await page.goto(`${sys.base}/par/criteria-sets`);
    await page.getByTestId('criteria-tree').waitFor();
    expect(await page.getByTestId('criteria-tree').getByText('Bắt buộc').count()).toBeGreaterThan(0);
    expect(await cutBadges(page)).toEqual([]);
    await page.goto(`${sys.base}/par/rounds/${round(2026).id}`);
    await page.getByTestId('round-units').waitFor();
    expect(await cutBadges(page)).toEqual([]);
  });

  it('the audit trail speaks Vietnamese: action labels (code in a tooltip), records by name with a link', async () => {
    await page.goto(`${sys.base}/audit?entityType=par_round`);
    await page.getByTestId('audit-table').locator('tbody tr').first().waitFor();
    const actions = await page.getByTestId('audit-action').all();
    expect(actions.length).toBeGreaterThan(0);
    for (const a of actions) {
      const code = (await a.getAttribute('data-code')) ?? '';
      const label = ((await a.textContent()) ?? '').trim();
      expect(code).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
      expect(label).not.toBe(code);
      expect(label).not.toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
    }
    const records = await page.getByTestId('audit-record').allTextContents();
    expect(records.some((r) => /^Đợt đánh giá Chỉ số CCHC: Chỉ số CCHC năm \d{4}/.test(r))).toBe(true);
    expect(records.every((r) => !/#\d+/.test(r) && !/par_round/.test(r))).toBe(true);
    await page.getByTestId('audit-record').first().hover();
    await page.getByText(/^par_round #\d+$/).waitFor();
    await page.goto(`${sys.base}/audit?entityType=user`);
    await page.getByTestId('audit-table').locator('tbody tr').first().waitFor();
    expect((await page.getByTestId('audit-record').allTextContents()).every((r) => r.startsWith('Người dùng: ') && !/#\d+/.test(r))).toBe(true);
    await page.goto(`${sys.base}/audit?action=par.round.publish&entityType=plan`);
    await page.getByTestId('audit-table').getByTestId('empty-row').waitFor();
    await shot(page, 'issue10-audit');
  });

  it('the calendar cites the Labour Code and the announcement, no developer notes', async () => {
    await page.goto(`${sys.base}/calendar`);
    await page.getByTestId('calendar-basis').waitFor();
    expect(await page.getByTestId('calendar-basis').textContent()).toContain('Điều 112 Bộ luật Lao động số 45/2019/QH14');
    for (const year of ['2025', '2026']) {
      await page.getByLabel('Năm').fill(year);
      await expect.poll(async () => (await page.locator('body').textContent()) ?? '').toContain(`Tháng 12`);
      await page.getByTestId('days-off').locator('tbody tr').first().waitFor();
      expect(await page.locator('body').textContent()).not.toContain('REFERENCE');
    }
  });
});
