import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { tinyPdf } from '../../server/seed/demoProgress.js';
import { ADMIN_PASSWORD, DEMO_PASSWORD, logIn, shot, startSystem } from './browser.js';

const PLAN_CSV = [
  'STT,Nội dung CCHC,Nhiệm vụ cụ thể,Sản phẩm,Cơ quan chủ trì,Cơ quan phối hợp,Thời gian thực hiện,Kinh phí (triệu đồng)',
  '1.1,Công tác chỉ đạo, điều hành CCHC,Rà soát quy chế làm việc sau sắp xếp.,Báo cáo rà soát.,Sở Tư pháp,Sở Nội vụ,Quý IV/2026,15',
  '1.2,,Tập huấn công tác CCHC.,Các lớp tập huấn.,Sở Nội vụ,Các cơ quan, đơn vị liên quan.,Trong năm,40',
]
  .map((l, i) => (i === 1 ? '1.1,"Công tác chỉ đạo, điều hành CCHC",Rà soát quy chế làm việc sau sắp xếp.,Báo cáo rà soát.,Sở Tư pháp,Sở Nội vụ,Quý IV/2026,15' : i === 2 ? '1.2,,Tập huấn công tác CCHC.,Các lớp tập huấn.,Sở Nội vụ,"Các cơ quan, đơn vị liên quan.",Trong năm,40' : l))
  .join('\r\n');

describe('plan journey in Chromium', () => {
  let sys: Awaited<ReturnType<typeof startSystem>>;
  let page: Page;
  let planUrl = '';
  const files = 'test-results/files';
  beforeAll(async () => {
    sys = await startSystem();
    page = await sys.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
    mkdirSync(files, { recursive: true });
    writeFileSync(`${files}/ke-hoach-thu.csv`, PLAN_CSV);
    writeFileSync(`${files}/bao-cao-ra-soat.pdf`, tinyPdf('Bao cao ra soat quy che'));
  });
  afterAll(() => sys?.stop());

  const logOut = async () => {
    await page.getByText('Đăng xuất').click();
    await page.waitForURL(/\/login$/);
  };
  const pick = async (label: string, option: string) => {
    await page.getByRole('combobox', { name: new RegExp(`^${label}`) }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  };
  const openTask = async (text: string) => {
    await page.goto(planUrl);
    await page.getByRole('link', { name: text }).click();
    await page.getByTestId('reports').waitFor();
  };

  it('the administrator imports a plan from a file, after a preview', async () => {
    await logIn(page, sys.base, 'admin', ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Kế hoạch CCHC' }).click();
    await page.getByRole('link', { name: 'Nhập kế hoạch' }).click();
    await page.locator('input[type=file]').setInputFiles(`${files}/ke-hoach-thu.csv`);
    await page.getByRole('textbox', { name: 'Năm' }).fill('2026');
    await pick('Đơn vị ban hành', 'Tỉnh Tây Ninh');
    await page.getByRole('textbox', { name: 'Quyết định' }).fill('99/QĐ-UBND');
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await expect(page.getByTestId('import-status').innerText()).resolves.toContain('Dữ liệu hợp lệ');
    expect(await page.getByTestId('import-preview').innerText()).toContain('31/12/2026');
    await shot(page, '10-import-preview');
    await page.getByRole('button', { name: 'Lưu kế hoạch' }).click();
    await page.waitForURL(/\/plans\/\d+$/);
    planUrl = page.url();
    expect(await page.getByTestId('completion').first().innerText()).toBe('0/2 (0,00 %)');
    await logOut();
  });

  it('the unit officer reports progress with an evidence file', async () => {
    await logIn(page, sys.base, 'stp.canbo', DEMO_PASSWORD);
    await openTask('Rà soát quy chế làm việc sau sắp xếp.');
    await pick('Trạng thái', 'Hoàn thành');
    await page.getByRole('textbox', { name: 'Nội dung báo cáo' }).fill('Đã rà soát xong quy chế làm việc.');
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await page.getByTestId('report-state').filter({ hasText: 'Nháp' }).waitFor();
    await page.locator('input[type=file]').setInputFiles(`${files}/bao-cao-ra-soat.pdf`);
    await page.getByTestId('reports').getByText('bao-cao-ra-soat.pdf').waitFor();
    expect(await page.getByRole('button', { name: 'Gửi báo cáo' }).count()).toBe(0); // an officer does not submit
    await shot(page, '11-officer-report');
    await logOut();
  });

  it('the unit head submits', async () => {
    await logIn(page, sys.base, 'stp.lanhdao', DEMO_PASSWORD);
    await openTask('Rà soát quy chế làm việc sau sắp xếp.');
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByTestId('report-state').filter({ hasText: 'Đã gửi' }).waitFor();
    await logOut();
  });

  it('the administrator accepts; the completion figure changes', async () => {
    await logIn(page, sys.base, 'admin', ADMIN_PASSWORD);
    await page.getByTestId('bell').click();
    await page.getByRole('menuitem', { name: /1\.1 \(2026-Q4\) đã được gửi/ }).click();
    await page.getByTestId('reports').waitFor();
    await page.getByRole('button', { name: 'Chấp nhận' }).click();
    await page.getByTestId('report-row').getByText('Đã chấp nhận').waitFor();
    await page.goto(planUrl);
    await page.getByTestId('completion').filter({ hasText: '1/2 (50,00 %)' }).waitFor();
    const row = page.getByTestId('task-row').filter({ hasText: 'Rà soát quy chế' });
    expect(await row.textContent()).toContain('Hoàn thành'); // badges are upper-cased by CSS in innerText
    await shot(page, '12-plan-after');
  });

  it('the demo 2020 plan shows 50/50 and its figures', async () => {
    await page.getByRole('link', { name: 'Kế hoạch CCHC' }).click();
    const row = page.getByTestId('plans-table').getByRole('row').filter({ hasText: '4976/QĐ-UBND' });
    await row.getByTestId('completion').filter({ hasText: '50/50 (100,00 %)' }).waitFor();
    await row.getByRole('link').click();
    await page.getByTestId('targets').waitFor();
    expect(await page.getByTestId('targets').textContent()).toContain('> 45 %'); // "trên 45% dịch vụ công… mức độ 3"
    await page.getByRole('tab', { name: 'Hoàn thành' }).click();
    await page.getByTestId('chart-areas').locator('canvas').waitFor();
    await shot(page, '13-figures-2020');
  });

  it('the working calendar shows Tết 2026 as announced', async () => {
    await page.getByRole('link', { name: 'Lịch làm việc' }).click();
    await page.getByRole('textbox', { name: 'Năm' }).fill('2026');
    await page.getByTestId('calendar-year').locator('[data-date="2026-02-17"][data-off="true"]').waitFor();
    expect(await page.getByTestId('calendar-year').locator('[data-date="2026-02-13"]').getAttribute('data-off')).toBeNull();
    expect(await page.getByTestId('days-off').textContent()).toContain('Nghỉ bù Giỗ Tổ Hùng Vương');
    await shot(page, '14-calendar-2026');
  });

  it('finds a procedure without diacritics', async () => {
    await page.getByRole('link', { name: 'Thủ tục hành chính' }).click();
    await page.getByTestId('procedure-search').fill('dang ky ket hon');
    await page.getByTestId('procedures-table').getByText('Đăng ký kết hôn').waitFor();
    // the full list also holds it: wait for the search result to replace the list
    await expect.poll(() => page.getByTestId('procedures-table').locator('tbody tr').count(), { timeout: 10_000 }).toBe(1);
  });
});
