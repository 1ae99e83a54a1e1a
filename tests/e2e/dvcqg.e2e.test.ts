import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, logIn, shot, startSystem } from './browser.js';

/** The portal sync's administration screen in Chromium, on the demo: map a held unit name, add a source, map a national code, replay. */
describe('portal sync (DVCQG) administration in Chromium', () => {
  let sys: Awaited<ReturnType<typeof startSystem>>;
  let page: Page;
  beforeAll(async () => {
    sys = await startSystem();
    page = await sys.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
    page.on('dialog', (d) => void d.accept());
  }, 120_000);
  afterAll(() => sys?.stop());

  const post = async (path: string, body: object) => (await fetch(`${sys.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();

  it('the demo source: its account, the last message, today’s records, the held unit name', async () => {
    await logIn(page, sys.base, 'admin', ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Đồng bộ Cổng DVCQG' }).click();
    const card = page.getByTestId('source-mau-motcua');
    await card.waitFor();
    expect(await card.textContent()).toContain('motcua.mau');
    expect(await card.getByTestId('last-message').textContent()).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d · Đồng bộ hồ sơ$/);
    expect(await card.getByTestId('today-held').textContent()).toBe('1');
    expect(await card.getByTestId('recent-records').textContent()).toContain('Chờ ánh xạ');
    const body = (await page.locator('main').textContent()) ?? '';
    for (const raw of ['DongBoHoSoMC', 'CapNhatTienDoHoSoMC', 'applied', 'unchanged']) expect(body).not.toContain(raw);
    await page.getByTestId('unresolved-unit').waitFor();
    expect(await page.getByTestId('unresolved-unit').textContent()).toContain('Bộ phận Một cửa Ban Quản lý Khu kinh tế (mẫu)');
    await shot(page, 'dvcqg-overview');
  });

  it('a unit name mapped once: the held dossier is applied and nothing waits', async () => {
    const row = page.getByTestId('unresolved-unit');
    await row.getByPlaceholder('Chọn đơn vị').click();
    await row.getByPlaceholder('Chọn đơn vị').fill('Sở Tài chính');
    await page.getByRole('option', { name: 'Sở Tài chính', exact: true }).click();
    await row.getByRole('button', { name: 'Ánh xạ' }).click();
    await expect.poll(async () => (await page.getByTestId('notice').textContent()) ?? '').toContain('Đã ánh xạ: 1 bản ghi được cập nhật, 0 còn chờ, 0 bị từ chối.');
    await expect.poll(async () => (await page.getByTestId('unresolved-units').textContent()) ?? '').toContain('Không có gì chờ ánh xạ.');
    const l = await (await fetch(`${sys.base}/api/public/dossiers/MAU-DVCQG-0006`)).json();
    expect(l.statusCode).toBe(2);
  });

  it('a new source gets a generated password once; its unknown national code is mapped to a procedure', async () => {
    await page.getByRole('button', { name: 'Thêm hệ thống nguồn' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByLabel('Tên hệ thống').fill('iGate Sở Y tế');
    await modal.getByLabel('Mã hệ thống nguồn').fill('igate-syt');
    await modal.getByLabel('Tên đăng nhập').fill('igate.syt');
    await modal.getByLabel('Mã đơn vị gửi (madonvi)').fill('H57.15');
    await modal.getByRole('button', { name: 'Lưu' }).click();
    const password = (await page.getByTestId('new-password').textContent()) ?? '';
    expect(password.length).toBeGreaterThanOrEqual(10);
    await page.getByTestId('source-igate-syt').waitFor();

    const login = await post('/api/dvcqg/login', { username: 'igate.syt', password });
    expect(login).toMatchObject({ error_code: 0 });
    const at = new Date(Date.now() - 3600_000 + 7 * 3600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
    const sent = await post('/api/dvcqg', { session: login.session, madonvi: 'H57.15', service: 'DongBoHoSoMC', isUpdating: 'False', data: [{ MaHoSo: 'SYT-E2E-1', MaTTHC: '1.E2E.01', TenTTHC: 'Cấp giấy phép hành nghề khám bệnh, chữa bệnh', TenLinhVuc: 'Khám bệnh, chữa bệnh', DonViXuLy: 'Sở Y tế', NgayTiepNhan: at, TrangThaiHoSo: '2', ChuHoSo: 'Không lưu' }] });
    expect(sent).toMatchObject({ error_code: '00', held: [{ MaHoSo: 'SYT-E2E-1' }] });

    await page.reload();
    const row = page.getByTestId('unresolved-procedure');
    await row.waitFor();
    expect(await row.textContent()).toContain('Cấp giấy phép hành nghề khám bệnh, chữa bệnh');
    await row.getByPlaceholder('Chọn thủ tục').click();
    await page.getByRole('option', { name: /MAU\.YT\.01/ }).click();
    await row.getByRole('button', { name: 'Ánh xạ' }).click();
    await expect.poll(async () => (await page.getByTestId('notice').textContent()) ?? '').toContain('Đã ánh xạ: 1 bản ghi được cập nhật');
    const l = await (await fetch(`${sys.base}/api/public/dossiers/SYT-E2E-1`)).json();
    expect(l).toMatchObject({ statusCode: 2, procedure: 'Cấp giấy phép hành nghề khám bệnh, chữa bệnh' });
    await shot(page, 'dvcqg-mapped');
  });

  it('replay derives the demo source’s dossiers again: nothing changes', async () => {
    await page.getByTestId('source-mau-motcua').getByRole('button', { name: 'Suy lại từ bản ghi đã lưu' }).click();
    await expect.poll(async () => (await page.getByTestId('notice').textContent()) ?? '').toContain('Đã suy lại 6 hồ sơ: 0 hồ sơ thay đổi, 0 bản ghi bị từ chối.');
  });
});
