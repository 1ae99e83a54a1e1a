import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/client.js';
import { buildApp } from '../../server/http/app.js';
import { bootstrap } from '../../server/seed/bootstrap.js';
import { loadRegistersOnce } from '../helpers/registers.js';
import { ADMIN_PASSWORD, DEMO_PASSWORD, logIn, shot } from './browser.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// two documents of Tây Ninh in a register file
// the first label has a comma: quoted
const HEADER = '"Số, ký hiệu",Loại văn bản,Cơ quan ban hành,Trích yếu,Lĩnh vực,Ngày ký,Ngày có hiệu lực,Tình trạng hiệu lực,Ngày hết hiệu lực,Văn bản làm hết hiệu lực,Cơ quan chủ trì soạn thảo,Ghi chú';
const REGISTER_CSV = [
  HEADER,
  '61/2026/QĐ-UBND,Quyết định,UBND tỉnh Tây Ninh,"Quy định về quản lý nghĩa trang và cơ sở hỏa táng trên địa bàn tỉnh (thử)",Xây dựng,05/10/2026,15/10/2026,Còn hiệu lực,,,Sở Xây dựng,',
  '22/2026/NQ-HĐND,Nghị quyết,HĐND tỉnh Tây Ninh,"Quy định mức hỗ trợ đào tạo, bồi dưỡng cán bộ, công chức cấp xã (thử)",Nội vụ,09/10/2026,19/10/2026,,,,Sở Nội vụ,',
].join('\r\n');

describe('registers journey in Chromium', () => {
  let browser: Browser;
  let page: Page;
  let stop: () => Promise<void>;
  let base = '';
  const files = 'test-results/files';
  beforeAll(async () => {
    if (!existsSync('dist/web/index.html')) throw new Error('Build the web app first: npm run build');
    const database = await openDatabase({});
    await bootstrap(database.db, { demoData: true, demoPar: false, adminPassword: ADMIN_PASSWORD, demoPassword: DEMO_PASSWORD });
    await loadRegistersOnce(database.db);
    const app = await buildApp({ database, loginRateLimit: 1000, publicRateLimit: 10_000 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'] });
    stop = async () => {
      await browser.close();
      await app.close();
      await database.close();
    };
    page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
    mkdirSync(files, { recursive: true });
    writeFileSync(`${files}/danh-muc-vbqppl.csv`, REGISTER_CSV);
  });
  afterAll(() => stop?.());

  const pick = async (label: string, option: RegExp | string) => {
    await page.getByRole('combobox', { name: label, exact: true }).click();
    await page.getByRole('option', { name: option }).click();
  };

  it('the register shows Long An’s Q3/2023 report: 30 documents, 11 resolutions and 19 decisions', async () => {
    await logIn(page, base, 'admin', ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Văn bản QPPL' }).click();
    await page.getByTestId('ld-table').waitFor();
    await pick('Kỳ báo cáo', /^Quý III\/2023/);
    await expect.poll(() => page.getByTestId('ld-total').innerText()).toContain('30 văn bản (11 nghị quyết, 19 quyết định)');
    await shot(page, 'registers-q3-2023');
  });

  it('the administrator imports a register file after a preview', async () => {
    await page.goto(`${base}/legal-documents`);
    await page.getByRole('link', { name: 'Nhập từ tệp' }).click();
    await page.locator('input[type=file]').setInputFiles(`${files}/danh-muc-vbqppl.csv`);
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await expect.poll(() => page.getByTestId('ld-import-status').innerText()).toContain('Dữ liệu hợp lệ, có thể lưu. — 2 văn bản (1 nghị quyết, 1 quyết định; 2 mới, 0 cập nhật)');
    const preview = await page.getByTestId('ld-import-preview').innerText();
    expect(preview).toContain('61/2026/QĐ-UBND');
    expect(preview).toContain('05/10/2026');
    expect(preview).toContain('Tỉnh Tây Ninh');
    await shot(page, 'registers-import-preview');
    await page.getByTestId('ld-import-save').click();
    await expect.poll(() => page.getByTestId('ld-import-done').innerText()).toContain('Đã lưu danh mục: 2 văn bản (2 mới, 0 cập nhật)');
  });

  it('finds a document without diacritics and opens it', async () => {
    await page.goto(`${base}/legal-documents`);
    await page.getByTestId('ld-search').fill('nghia trang hoa tang');
    await expect.poll(() => page.getByTestId('ld-total').innerText()).toMatch(/^1 văn bản/);
    await page.getByRole('link', { name: '61/2026/QĐ-UBND' }).click();
    await page.getByTestId('ld-detail-title').waitFor();
    expect(await page.getByTestId('ld-detail-symbol').innerText()).toBe('Quyết định 61/2026/QĐ-UBND');
    expect(await page.getByTestId('ld-detail-title').innerText()).toContain('nghĩa trang và cơ sở hỏa táng');
    expect((await page.getByTestId('ld-detail-status').innerText()).toLowerCase()).toContain('còn hiệu lực');
    await shot(page, 'registers-document');
    // the status on another day: before it took effect
    await page.getByRole('textbox', { name: 'Tình trạng vào ngày' }).fill('10/10/2026');
    await expect.poll(async () => (await page.getByTestId('ld-detail-status').innerText()).toLowerCase()).toContain('chưa có hiệu lực');
  });

  it('staffing of Long An in 2023: the province total with the gap and the reported rate', async () => {
    await page.goto(`${base}/staffing?year=2023`);
    await page.getByTestId('st-total').waitFor();
    const total = await page.getByTestId('st-total').innerText();
    expect(total).toContain('Tỉnh Long An');
    for (const figure of ['2.273', '2.135', '138', '17,72 %', '25.424', '23.631', '1.793', '20,04 %']) expect(total).toContain(figure);
    expect(total).toContain('theo báo cáo của đơn vị');
    await expect.poll(() => page.getByTestId('st-schemes-title').innerText()).toContain('34 đề án');
    expect(await page.getByTestId('st-recruitment-title').innerText()).toContain('43 người');
    await shot(page, 'registers-staffing-2023');
  });
});
