import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, logIn, shot, startSystem } from './browser.js';

describe('PAR criteria sets in Chromium', () => {
  let sys: Awaited<ReturnType<typeof startSystem>>;
  let page: Page;
  const files = 'test-results/files';
  beforeAll(async () => {
    sys = await startSystem();
    page = await sys.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
    mkdirSync(files, { recursive: true });
    const header = 'Mã,Nội dung,Điểm tối đa,Cách chấm,Tham số,Bắt buộc tài liệu kiểm chứng,Hướng dẫn';
    writeFileSync(`${files}/bo-tieu-chi-loi.csv`, [header, '1,Chỉ đạo,4,,,,', '1.1,Kế hoạch,2,Có/Không,,x,', '1.2,Báo cáo,2,Chấm đại,,,'].join('\r\n'));
    writeFileSync(`${files}/bo-tieu-chi.csv`, [header, '1,Chỉ đạo,4,,,,', '1.1,Kế hoạch,2,Có/Không,,x,Quyết định ban hành', '1.2,Báo cáo,2,"Trừ điểm","0,5",,'].join('\r\n'));
  }, 120_000);
  afterAll(() => sys?.stop());

  it('shows the sample department set as a tree with its points', async () => {
    await logIn(page, sys.base, 'admin', ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Bộ tiêu chí Chỉ số CCHC' }).click();
    await page.getByTestId('criteria-tree').waitFor();
    expect(await page.getByTestId('criteria-max').textContent()).toContain('= 100');
    const tree = (await page.getByTestId('criteria-tree').textContent()) ?? '';
    expect(tree).toContain('Cải cách thủ tục hành chính');
    expect(tree).toContain('Hệ thống tính: tỷ lệ hồ sơ đúng hạn');
    await shot(page, 'par-criteria-set');
  });

  it('imports a set: a bad row is named, a good file is previewed then saved', async () => {
    await page.getByLabel('Tên', { exact: true }).fill('Bộ thử');
    await page.locator('input[type=file]').setInputFiles(`${files}/bo-tieu-chi-loi.csv`);
    await expect.poll(async () => (await page.getByRole('alert').textContent()) ?? '').toContain('Dòng 4');
    await page.locator('input[type=file]').setInputFiles(`${files}/bo-tieu-chi.csv`);
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(async () => (await page.getByTestId('criteria-set-select').inputValue()) ?? '').toContain('Bộ thử');
    expect(await page.getByTestId('criteria-tree').textContent()).toContain('Trừ điểm (−0,50)');
  });
});
