import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, DEMO_PASSWORD, logIn, shot, startSystem } from './browser.js';

describe('PAR index in Chromium: criteria sets, a full round, the published ranking', () => {
  let sys: Awaited<ReturnType<typeof startSystem>>;
  let page: Page;
  const files = 'test-results/files';
  beforeAll(async () => {
    sys = await startSystem({ demoPar: true });
    page = await sys.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
    mkdirSync(files, { recursive: true });
    const header = 'Mã,Nội dung,Điểm tối đa,Cách chấm,Tham số,Bắt buộc tài liệu kiểm chứng,Hướng dẫn';
    writeFileSync(`${files}/bo-tieu-chi-loi.csv`, [header, '1,Chỉ đạo,4,,,,', '1.1,Kế hoạch,2,Có/Không,,x,', '1.2,Báo cáo,2,Chấm đại,,,'].join('\r\n'));
    writeFileSync(`${files}/minh-chung.pdf`, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    writeFileSync(`${files}/dieu-tra.csv`, ['Mã đơn vị,Tên đơn vị,Điểm,Điểm tối đa', 'TN.STP,Sở Tư pháp,90,100', 'TN.SKHCN,Sở Khoa học và Công nghệ,80,100'].join('\r\n'));
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

  const vn = (days: number) => {
    const d = new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString();
    return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
  };
  let roundUrl = '';

  it('the demo has finished rounds: the 2025 ranking compares with 2024 through the merged units', async () => {
    await page.goto(`${sys.base}/par/rounds`);
    await expect.poll(async () => (await page.getByTestId('rounds').textContent()) ?? '').toContain('Chỉ số CCHC năm 2025 (dữ liệu mẫu)');
    expect(await page.getByTestId('rounds').textContent()).toContain('Đã công bố');
    await page.getByRole('row', { name: /năm 2025/ }).getByRole('link', { name: 'Kết quả, xếp hạng' }).click();
    await expect.poll(async () => (await page.getByTestId('ranking').textContent()) ?? '').toContain('hợp nhất từ nhiều đơn vị');
    await page.getByTestId('par-radar').waitFor();
    await shot(page, 'par-results-2025');
  });

  it('a full round: two units self-assess with evidence, the appraiser adjusts one item, survey points, ranking published', async () => {
    // the administrator opens a round on the imported set for two departments
    await page.goto(`${sys.base}/par/rounds`);
    await page.getByLabel('Tên', { exact: true }).fill('Đợt thử nghiệm');
    await page.getByTestId('round-sets').click();
    await page.getByRole('option', { name: /Bộ thử/ }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('round-units-select').click();
    await page.getByTestId('round-units-select').fill('Sở Tư pháp');
    await page.getByRole('option', { name: 'Sở Tư pháp' }).click();
    await page.getByTestId('round-units-select').fill('Sở Khoa học');
    await page.getByRole('option', { name: 'Sở Khoa học và Công nghệ' }).click();
    await page.keyboard.press('Escape');
    await page.getByLabel('Tự đánh giá từ').fill(vn(-1));
    await page.getByLabel('Tự đánh giá đến').fill(vn(10));
    await page.getByLabel('Thẩm định từ').fill(vn(-1));
    await page.getByLabel('Thẩm định đến').fill(vn(20));
    await page.getByRole('button', { name: 'Tạo', exact: true }).click();
    await page.waitForURL(/\/par\/rounds\/\d+$/);
    roundUrl = page.url();
    await page.getByTestId('round-units').waitFor();
    expect((await page.getByTestId('round-units').locator('tbody tr').count())).toBe(2);

    const asUser = async (username: string) => {
      const p = await sys.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
      await logIn(p, sys.base, username, DEMO_PASSWORD);
      await p.goto(roundUrl);
      await p.getByTestId('round-units').waitFor();
      return p;
    };
    const openUnit = async (p: Page, name: string) => {
      await p.getByRole('link', { name }).click();
      await p.getByTestId('self-progress').waitFor();
    };

    // Sở Tư pháp: met, with a file; one report late
    const stp = await asUser('stp.canbo');
    await openUnit(stp, 'Sở Tư pháp');
    await stp.getByTestId('item-1.1').getByLabel('Đạt / không đạt').selectOption('yes');
    await expect.poll(async () => stp.getByTestId('self-1.1').textContent()).toContain('2,00 / 2,00');
    await stp.getByTestId('item-1.1').locator('input[type=file]').setInputFiles(`${files}/minh-chung.pdf`);
    await stp.getByRole('link', { name: 'minh-chung.pdf' }).waitFor();
    await stp.getByTestId('item-1.2').getByLabel('Số lỗi').fill('1');
    await stp.getByTestId('item-1.2').getByLabel('Số lỗi').press('Enter');
    await expect.poll(async () => stp.getByTestId('self-1.2').textContent()).toContain('1,50 / 2,00');
    expect(await stp.getByText('Tiến độ: 2/2').count()).toBe(1);
    await shot(stp, 'par-self-assessment');
    await stp.close();
    const stpHead = await asUser('stp.lanhdao');
    await openUnit(stpHead, 'Sở Tư pháp');
    await stpHead.getByTestId('submit-assessment').click();
    await stpHead.getByText(/Đã gửi lúc/).waitFor();
    await stpHead.close();

    // Sở KH&CN: not met, explained in writing; no shortcomings; the head's submission names nothing missing
    const khcn = await asUser('khcn.canbo');
    await openUnit(khcn, 'Sở Khoa học và Công nghệ');
    await khcn.getByTestId('item-1.1').getByLabel('Đạt / không đạt').selectOption('no');
    await expect.poll(async () => khcn.getByTestId('self-1.1').textContent()).toContain('0,00 / 2,00');
    await khcn.getByTestId('item-1.1').getByLabel('Giải trình / lý do không có tài liệu').fill('Kế hoạch ban hành chậm, chưa có quyết định');
    await khcn.getByTestId('item-1.1').getByLabel('Giải trình / lý do không có tài liệu').press('Tab');
    await khcn.getByTestId('item-1.2').getByLabel('Số lỗi').fill('0');
    await khcn.getByTestId('item-1.2').getByLabel('Số lỗi').press('Enter');
    await expect.poll(async () => khcn.getByTestId('self-1.2').textContent()).toContain('2,00 / 2,00');
    await khcn.close();
    const khcnHead = await asUser('khcn.lanhdao');
    await openUnit(khcnHead, 'Sở Khoa học và Công nghệ');
    await khcnHead.getByTestId('submit-assessment').click();
    await khcnHead.getByText(/Đã gửi lúc/).waitFor();
    await khcnHead.close();

    // the appraiser adjusts one item of Sở Tư pháp with a reason, accepts the rest; accepts Sở KH&CN
    const ap = await asUser('snv.thamdinh');
    await openUnit(ap, 'Sở Tư pháp');
    await ap.getByTestId('item-1.2').getByLabel('Điểm thẩm định').fill('2');
    await ap.getByTestId('item-1.2').getByLabel('Lý do / nội dung yêu cầu').fill('Hai báo cáo quý gửi chậm');
    await ap.getByTestId('item-1.2').getByRole('button', { name: 'Điều chỉnh' }).click();
    await expect.poll(async () => ap.getByTestId('appraised-1.2').textContent()).toContain('1,00');
    await ap.getByRole('button', { name: 'Chấp nhận các tiêu chí còn lại' }).click();
    await expect.poll(async () => ap.getByTestId('appraised-1.1').textContent()).toContain('2,00');
    await shot(ap, 'par-appraisal');
    await ap.goto(roundUrl);
    await openUnit(ap, 'Sở Khoa học và Công nghệ');
    await ap.getByRole('button', { name: 'Chấp nhận các tiêu chí còn lại' }).click();
    await expect.poll(async () => ap.getByTestId('appraised-1.2').textContent()).toContain('2,00');
    await ap.close();

    // the administrator imports the survey points, approves, publishes
    await page.goto(roundUrl);
    await page.getByTestId('round-units').waitFor();
    await page.locator('input[type=file]').setInputFiles(`${files}/dieu-tra.csv`);
    await page.getByText('→ 18,00').waitFor();
    await page.getByRole('button', { name: 'Lưu' }).last().click();
    await expect.poll(async () => (await page.getByTestId('round-units').textContent()) ?? '').toContain('16,00');
    await page.getByRole('button', { name: 'Phê duyệt kết quả' }).click();
    await page.getByRole('button', { name: 'Công bố' }).click();
    await page.getByText('Đã công bố').first().waitFor();
    await page.getByRole('link', { name: 'Kết quả, xếp hạng' }).click();
    await expect.poll(async () => (await page.getByTestId('ranking').locator('tbody').textContent()) ?? '').toContain('Sở Tư pháp');
    const ranking = (await page.getByTestId('ranking').locator('tbody').textContent()) ?? '';
    // Sở Tư pháp: 2 + 1 (appraised) + 18 = 21 of 24 → 87,50 %; Sở KH&CN: 0 + 2 + 16 = 18 of 24 → 75,00 %
    expect(ranking).toMatch(/1Sở Tư pháp.*87,50\s%/);
    expect(ranking).toMatch(/2Sở Khoa học và Công nghệ.*75,00\s%/);
    expect(ranking).toContain('-0,50');
    await shot(page, 'par-results-round');

    // anyone sees the published ranking, on a phone
    const phone = await sys.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'vi-VN' });
    await phone.goto(`${sys.base}/login`);
    await phone.getByRole('link', { name: 'Công khai Chỉ số CCHC' }).click();
    await phone.getByTestId('public-ranking-department').waitFor();
    const pub = (await phone.getByTestId('public-ranking-department').textContent()) ?? '';
    expect(pub).toContain('Sở Tư pháp');
    expect(pub).toMatch(/87,50\s%/);
    await shot(phone, 'par-public-ranking');
    await phone.close();
  }, 180_000);
});
