import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { toVietnamIso } from '../../domain/calendar/workingCalendar.js';
import { ADMIN_PASSWORD, logIn, shot, startSystem } from './browser.js';

const HEADER = 'sourceSystem,dossierCode,procedureCode,unitCode,kind,at,channel,appointment';

describe('dossier journey in Chromium: import → dashboard → detail → 766 → public lookup', () => {
  let sys: Awaited<ReturnType<typeof startSystem>>;
  let page: Page;
  const files = 'test-results/files';
  // received two hours ago, at the counter of Sở Tư pháp; another one received and already returned. The figures
  // are read for that one day, so the files' instants (up to 100 minutes on) must not run past midnight in
  // Vietnam: in the first two hours of a day they are put on the evening before.
  const sinceMidnight = (Date.now() + 7 * 3600_000) % 86_400_000;
  const receivedAt = new Date(sinceMidnight >= 125 * 60_000 ? Date.now() - 2 * 3600_000 : Date.now() - sinceMidnight - 150 * 60_000);
  const day = toVietnamIso(receivedAt).slice(0, 10);
  const code = `E2E-${receivedAt.getTime()}`;
  beforeAll(async () => {
    sys = await startSystem();
    page = await sys.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
    mkdirSync(files, { recursive: true });
    const at = (minutes: number) => toVietnamIso(new Date(receivedAt.getTime() + minutes * 60_000));
    writeFileSync(
      `${files}/ho-so-tot.csv`,
      [HEADER, `igate,${code},MAU.TP.01,TN.STP,received,${at(0)},counter,`, `igate,${code}-2,MAU.TP.01,TN.STP,received,${at(1)},online,`, `igate,${code}-2,,,processed,${at(30)},,`, `igate,${code}-2,,,result_returned,${at(60)},,`].join('\r\n'),
    );
    // a one-stop system's history: 2,000 dossiers received over the last two hours, one every 3 seconds
    writeFileSync(`${files}/lich-su.csv`, [HEADER, ...Array.from({ length: 2000 }, (_, i) => `igate,${code}-L${i},MAU.TP.01,TN.STP,received,${toVietnamIso(new Date(receivedAt.getTime() + i * 3000))},counter,`)].join('\r\n'));
    writeFileSync(`${files}/ho-so-loi.csv`, [HEADER, `igate,${code}-X,MAU.TP.01,TN.STP,received,${at(0)},counter,`, `igate,${code}-Y,KHONG.CO,TN.STP,received,${at(0)},counter,`].join('\r\n'));
  }, 120_000);
  afterAll(() => sys?.stop());

  const figure = async (id: string) => Number(((await page.getByTestId(id).locator('p').nth(1).textContent()) ?? '').replace(/\./g, ''));

  it('the dashboard shows the demo province with rates, trend and ranking', async () => {
    await logIn(page, sys.base, 'admin', ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Hồ sơ một cửa' }).click();
    await page.getByTestId('fig-on-time').waitFor();
    await page.getByRole('button', { name: 'Năm nay' }).click();
    await expect.poll(async () => (await page.getByTestId('fig-on-time').textContent()) ?? '').toMatch(/\d+,\d\d %/);
    await page.getByTestId('trend-chart').locator('canvas').waitFor();
    expect(await page.getByTestId('group-table').locator('tbody tr').count()).toBeGreaterThan(5);
    await shot(page, 'dossiers-dashboard');
  });

  it('a file with a bad row is refused whole, with the row named in Vietnamese', async () => {
    await page.goto(`${sys.base}/dossiers?from=${day}&to=${day}`);
    await page.getByTestId('fig-received').waitFor();
    const before = await figure('fig-received');
    await page.getByTestId('import-dossiers-input').setInputFiles(`${files}/ho-so-loi.csv`);
    const alert = page.getByRole('alert');
    await expect.poll(async () => (await alert.textContent()) ?? '').toContain('Dòng 3');
    expect(await alert.textContent()).toContain('KHONG.CO');
    expect(await figure('fig-received')).toBe(before);
  });

  it('a good file is taken in and the figures move at once', async () => {
    const before = await figure('fig-received');
    await page.getByTestId('import-dossiers-input').setInputFiles(`${files}/ho-so-tot.csv`);
    await page.getByTestId('import-result').waitFor();
    await expect.poll(() => figure('fig-received')).toBe(before + 2);
    await shot(page, 'dossiers-after-import');
  });

  it('drills down from a figure to the list, and to the dossier with its timeline', async () => {
    await page.getByTestId('fig-received').getByRole('link').click();
    await page.getByTestId('dossier-table').waitFor();
    await page.getByRole('link', { name: `${code}-2`, exact: true }).click();
    await page.getByTestId('dossier-timeline').waitFor();
    expect(await page.getByTestId('dossier-status').textContent()).toContain('10. Đã trả kết quả');
    const timeline = (await page.getByTestId('dossier-timeline').textContent()) ?? '';
    expect(timeline).toContain('Tiếp nhận hồ sơ');
    expect(timeline).toContain('Đã trả kết quả');
    await shot(page, 'dossier-detail');
  });

  it('the 766 view scores what the data supports and says "no data" for the rest', async () => {
    await page.goto(`${sys.base}/index766?period=${day.slice(0, 4)}`);
    await page.getByTestId('index766-table').waitFor();
    expect(await page.getByTestId('c766-2.1').textContent()).toMatch(/\d+,\d\d/);
    // 5.2 from the feedback counters, with its basis; the province's year has data on every criterion (three
    // units' systems send the 766 facts), so the official band is shown
    expect(await page.getByTestId('c766-5.2').textContent()).toMatch(/\d+\/\d+/);
    const rows = await page.locator('[data-testid^="c766-"]').allTextContents();
    expect(rows.length).toBe(13);
    expect(rows.some((r) => r.includes('Chưa có dữ liệu'))).toBe(false);
    await page.getByTestId('official-band').waitFor();
    // a unit whose system sends none of the facts: those criteria say "no data" and the score is an estimate
    const units = (await page.evaluate(async (d) => (await fetch(`/api/org-units?asOf=${d}`)).json(), day)) as { id: number; code: string }[];
    await page.goto(`${sys.base}/index766?period=${day.slice(0, 4)}&unit=${units.find((u) => u.code === 'TN.SYT')!.id}`);
    await page.getByTestId('index766-table').waitFor();
    expect(await page.getByTestId('c766-3.4').textContent()).toContain('Chưa có dữ liệu');
    expect(await page.getByTestId('estimate-band').textContent()).toMatch(/ước tính/);
    await shot(page, 'index766');
  });

  it('a citizen on a phone looks the dossier up by its code, without logging in', async () => {
    const phone = await sys.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', isMobile: true });
    await phone.goto(`${sys.base}/tra-cuu`);
    await phone.getByTestId('lookup-code').fill('KHONG-CO-HO-SO');
    await phone.getByRole('button', { name: 'Tra cứu' }).click();
    await expect.poll(async () => (await phone.getByRole('alert').textContent()) ?? '').toContain('Không tìm thấy');
    await phone.getByTestId('lookup-code').fill(code);
    await phone.getByRole('button', { name: 'Tra cứu' }).click();
    await phone.getByTestId('lookup-result').waitFor();
    expect(await phone.getByTestId('lookup-status').textContent()).toBe('Đã tiếp nhận');
    expect(await phone.getByTestId('lookup-appointment').textContent()).toMatch(/Ngày hẹn trả: \d\d\/\d\d\/\d{4}/);
    const text = (await phone.getByTestId('lookup-result').textContent()) ?? '';
    expect(text).toContain('Tiếp nhận hồ sơ');
    await shot(phone, 'public-lookup-phone');
    // the page fits the phone: nothing wider than the screen
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.close();
  });

  it('a large file goes in as a background import with a progress bar, and the figures move', async () => {
    await page.goto(`${sys.base}/dossiers?from=${day}&to=${day}`);
    await page.getByTestId('fig-received').waitFor();
    const before = await figure('fig-received');
    await page.getByTestId('bulk-import-input').setInputFiles(`${files}/lich-su.csv`);
    await page.getByTestId('bulk-progress').waitFor();
    await expect.poll(async () => (await page.getByTestId('bulk-progress').textContent()) ?? '', { timeout: 60_000 }).toContain('Đã nhập xong');
    expect(await page.getByTestId('bulk-progress-text').textContent()).toContain('2.000 trên 2.000 sự kiện');
    await expect.poll(() => figure('fig-received'), { timeout: 10_000 }).toBe(before + 2000);
    await shot(page, 'dossiers-bulk-import');
  });
});
