import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { tinyPdf } from '../../server/seed/demoProgress.js';
import { ADMIN_PASSWORD, DEMO_PASSWORD, logIn, shot, startSystem } from './browser.js';

// the plan imported in the journey is for the current year (Vietnam time), so that its tasks are this
// quarter's to report whatever the day the tests run
const TODAY = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const YEAR = Number(TODAY.slice(0, 4));
const QUARTER = Math.floor((Number(TODAY.slice(5, 7)) - 1) / 3) + 1;
const QUARTER_LABEL = `Quý ${['I', 'II', 'III', 'IV'][QUARTER - 1]}/${YEAR}`;

const HEADER = 'STT,Nội dung CCHC,Nhiệm vụ cụ thể,Sản phẩm,Cơ quan chủ trì,Cơ quan phối hợp,Thời gian thực hiện,Kinh phí (triệu đồng)';
const PLAN_CSV = [
  HEADER,
  `1.1,"Công tác chỉ đạo, điều hành CCHC",Rà soát quy chế làm việc sau sắp xếp.,Báo cáo rà soát.,Sở Tư pháp,Sở Nội vụ,Quý IV/${YEAR},15`,
  '1.2,,Tập huấn công tác CCHC.,Các lớp tập huấn.,Sở Nội vụ,"Các cơ quan, đơn vị liên quan.",Trong năm,40',
].join('\r\n');

// a 2027 plan as a new user found it: a group of the district tier (ended 30/6/2025), a body not in the
// system, a budget with decimals, timeframes with no due date of their own
const PLAN_2027_CSV = [
  HEADER,
  '1.1,"Công tác chỉ đạo, điều hành CCHC",Kiểm tra công tác CCHC.,Báo cáo.,Sở Nội vụ,"Các sở, ban, ngành tỉnh; UBND cấp huyện",Quý II/2027,"12,5"',
  '1.2,,Tuyên truyền CCHC.,Chuyên mục.,Sở Nội vụ,Ban Dân tộc tỉnh,Khi có hướng dẫn của TW,"0,25"',
  '1.3,,Khảo sát sự hài lòng.,Báo cáo.,Sở Nội vụ,,Sớm nhất có thể,',
].join('\r\n');

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

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
    writeFileSync(`${files}/ke-hoach-2027.csv`, PLAN_2027_CSV);
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
    await page.getByRole('textbox', { name: 'Năm' }).fill(String(YEAR));
    await pick('Đơn vị ban hành', 'Tỉnh Tây Ninh');
    await page.getByRole('textbox', { name: 'Quyết định' }).fill('99/QĐ-UBND');
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await expect(page.getByTestId('import-status').innerText()).resolves.toContain('Dữ liệu hợp lệ');
    expect(await page.getByTestId('import-preview').innerText()).toContain(`31/12/${YEAR}`);
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
    await page.getByRole('menuitem', { name: new RegExp(`1\\.1 \\(Quý ${["I", "II", "III", "IV"][QUARTER - 1]}\\/${YEAR}\\) đã được gửi`) }).click();
    await page.getByTestId('reports').waitFor();
    await page.getByRole('button', { name: 'Chấp nhận' }).click();
    await page.getByTestId('report-row').getByText('Đã chấp nhận').waitFor();
    // the report table says what each column is; the period is a quarter, not a code
    expect(await page.getByTestId('reports').locator('thead th').allTextContents()).toEqual(['Kỳ báo cáo', 'Đơn vị', 'Kết quả', 'Nội dung báo cáo', 'Tình trạng báo cáo', 'Thẩm định']);
    expect(await page.getByTestId('report-row').locator('td').first().textContent()).toBe(QUARTER_LABEL);
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

  it('the plan charts: area names on the axis and in full in the tooltip; the status colours of the badges', async () => {
    // still on the 2020 plan's figures
    const areas = page.getByTestId('chart-areas');
    const box = (await areas.boundingBox())!;
    await areas.hover({ position: { x: 170 + (box.width - 186) / 2, y: 36 + 1.5 * ((box.height - 60) / 7) } }); // the second area
    await expect.poll(() => areas.textContent(), { timeout: 5000 }).toContain('2. Cải cách thể chế');
    const status = page.getByTestId('chart-status');
    const sb = (await status.boundingBox())!;
    const r = Math.min(sb.width, sb.height) / 2;
    await status.hover({ position: { x: sb.width / 2 + 2, y: sb.height * 0.45 - r * 0.55 } });
    await expect.poll(() => status.textContent(), { timeout: 5000 }).toContain('Hoàn thành');
    const marker = /background-color:\s*(#[0-9a-f]{6})/i.exec((await status.innerHTML()) ?? '')?.[1];
    await page.getByRole('tab', { name: 'Nhiệm vụ' }).click();
    const badge = page.locator('[data-testid="status-badge"][data-status="done"]').first();
    expect(rgb(marker!.toLowerCase())).toBe(await badge.evaluate((el) => getComputedStyle(el).color));
    await shot(page, '15-figures-colours');
  });

  it('the quarter timeline has a legend', async () => {
    await page.getByRole('tab', { name: 'Dòng thời gian' }).click();
    const legend = page.getByTestId('timeline-legend');
    await legend.waitFor();
    for (const word of ['Chưa thực hiện', 'Đang thực hiện', 'Hoàn thành', 'Không áp dụng', 'Quá hạn']) expect(await legend.textContent()).toContain(word);
  });

  it('badges show their words whole (2026 plan: "Đang thực hiện" beside "Quá hạn")', async () => {
    await page.getByRole('link', { name: 'Kế hoạch CCHC', exact: true }).click();
    await page.getByTestId('plans-table').getByRole('link', { name: /2026 của tỉnh Tây Ninh/ }).click();
    await page.getByTestId('task-row').first().waitFor();
    expect(await page.getByTestId('overdue-badge').count()).toBeGreaterThan(0);
    const cut = await page.locator('.mantine-Badge-label').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
    expect(cut).toEqual([]);
    await shot(page, '16-badges-whole');
  });

  it('the import preview speaks Vietnamese, shows names as written, budgets with decimals, and warns of a tier that ended', async () => {
    await page.getByRole('link', { name: 'Kế hoạch CCHC', exact: true }).click();
    await page.getByRole('link', { name: 'Nhập kế hoạch' }).click();
    await page.locator('input[type=file]').setInputFiles(`${files}/ke-hoach-2027.csv`);
    await page.getByRole('textbox', { name: 'Năm' }).fill('2027');
    await pick('Đơn vị ban hành', 'Tỉnh Tây Ninh');
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByTestId('import-status').waitFor();
    expect(await page.getByTestId('timeframe-kind').allTextContents()).toEqual(['Khi có điều kiện', 'Chưa đọc được']);
    expect(await page.getByTestId('import-unresolved').textContent()).toContain('“Ban Dân tộc tỉnh”');
    expect(await page.getByTestId('import-budget').allTextContents()).toEqual(['12,5', '0,25', '']);
    expect(await page.getByTestId('import-budget-total').textContent()).toBe('12,75');
    const warnings = await page.getByTestId('import-warning').allTextContents();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('Dòng 2');
    expect(warnings[0]).toContain('Nhóm “UBND cấp huyện” không còn đơn vị nào hoạt động trong năm 2027 (đơn vị cuối cùng của nhóm hoạt động đến ngày 30/06/2025)');
    await shot(page, '17-import-2027');
    await logOut();
  });

  it("a unit officer's page starts with what the unit reports this quarter; the own-task form is folded away", async () => {
    await logIn(page, sys.base, 'stp.canbo', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Nhiệm vụ của đơn vị' }).click();
    const quarter = page.getByTestId('report-quarter');
    await quarter.getByRole('heading').filter({ hasText: `Phải báo cáo ${QUARTER_LABEL}` }).waitFor();
    // first on the page, before the form and the list of every task
    const toggle = page.getByTestId('own-task-toggle');
    const order = await quarter.evaluate((q, t) => Boolean(q.compareDocumentPosition(t!) & Node.DOCUMENT_POSITION_FOLLOWING), await toggle.elementHandle());
    expect(order).toBe(true);
    expect(await page.getByTestId('my-tasks').first().evaluate((el, q) => Boolean(q!.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING), await quarter.elementHandle())).toBe(true);
    // the task reported this quarter in the journey, with the unit's report state for it
    const row = quarter.getByTestId('to-report-row').filter({ hasText: 'Rà soát quy chế làm việc sau sắp xếp.' });
    expect(await row.getByTestId('quarter-report-state').textContent()).toBe('Đã chấp nhận');
    const states = await quarter.getByTestId('quarter-report-state').allTextContents();
    expect(states.every((s) => ['Chưa báo cáo', 'Nháp', 'Đã gửi', 'Bị trả lại', 'Đã chấp nhận'].includes(s))).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Nhiệm vụ' }).isVisible()).toBe(false);
    await toggle.click();
    await page.getByRole('textbox', { name: 'Nhiệm vụ' }).waitFor({ state: 'visible' });
    await shot(page, '18-my-unit');
    await logOut();
  });

  it('my unit lists each task once, with the unit it was given to', async () => {
    await logIn(page, sys.base, 'snv.canbo', DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Nhiệm vụ của đơn vị' }).click();
    await page.getByTestId('my-task-row').first().waitFor();
    const plan2020 = page.getByTestId('my-tasks').filter({ has: page.locator('[data-number="1.13"]') });
    const rows = plan2020.locator('[data-number="1.13"]');
    expect(await rows.count()).toBe(1);
    expect(await rows.getByTestId('given-to').textContent()).toBe('Sở Nội vụ (đơn vị tiền thân, Tỉnh Long An)');
    const numbers = await plan2020.getByTestId('my-task-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-number')));
    expect(new Set(numbers).size).toBe(numbers.length);
    await logOut();
    await logIn(page, sys.base, 'admin', ADMIN_PASSWORD);
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
