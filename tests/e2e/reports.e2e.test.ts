/**
 * The periodic CCHC report in Chromium, on the demo: two departments write and send their Q3/2026 report,
 * Sở Nội vụ sees them, urges the others, adds a target, drafts the province's report from the units', follows
 * every figure down to its records, finalises, downloads the .docx; a later record shows as a difference. A
 * unit officer cannot edit another unit's report, and the editor fits a 390 px phone.
 */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, DEMO_PASSWORD, logIn, shot, startSystem } from './browser.js';

const PERIOD = '2026-Q3';

describe('periodic CCHC report in Chromium: units write and send, Sở Nội vụ drafts, finalises and downloads', () => {
  let sys: Awaited<ReturnType<typeof startSystem>>;
  let page: Page;
  beforeAll(async () => {
    sys = await startSystem();
  }, 120_000);
  afterAll(() => sys?.stop());

  const asUser = async (username: string) => {
    await page?.context().close();
    page = await sys.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
    await logIn(page, sys.base, username, username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD);
  };
  /** The API from inside the page, with the session's CSRF token (what the screens send). */
  const call = (method: string, url: string, body?: unknown) =>
    page.evaluate(
      async ({ method, url, body }) => {
        const me = await (await fetch('/api/auth/me')).json();
        const res = await fetch(url, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: body === undefined ? undefined : JSON.stringify(body) });
        return { status: res.status, body: await res.json().catch(() => null) };
      },
      { method, url, body },
    );
  const unitIdOf = async (name: string) => {
    const units = (await call('GET', `/api/reports?period=${PERIOD}`)).body.units as { unitId: number; unitName: string }[];
    return units.find((u) => u.unitName === name)!.unitId;
  };

  const writeAndSubmit = async (officer: string, head: string, unitName: string, words: string) => {
    await asUser(officer);
    await page.getByRole('link', { name: 'Báo cáo CCHC định kỳ' }).click();
    await page.getByTestId('period-picker-kind').getByText('Quý III').click();
    await expect.poll(() => page.getByTestId('period-window').textContent()).toBe('Số liệu từ 15/06/2026 đến 14/09/2026; hạn gửi 20/09/2026');
    // a unit sees its own report only
    expect(await page.getByTestId('unit-report-row').count()).toBe(1);
    await page.getByRole('link', { name: unitName }).click();
    await page.getByTestId('report-title').waitFor();
    expect(await page.getByTestId('report-title').textContent()).toBe(`Báo cáo CCHC Quý III/2026 — ${unitName}`);
    expect(await page.getByTestId('report-state').textContent()).toBe('Chưa lập');
    // the sentences from the records are links to them
    expect(await page.getByTestId('section-procedures').getByTestId('auto-line').first().textContent()).toMatch(/^Tổng số hồ sơ tiếp nhận trong kỳ: [\d.]+ hồ sơ/);
    await page.getByTestId('text-direction').fill(`${words}: ban hành kế hoạch CCHC năm 2026, kiểm tra 3 phòng chuyên môn.`);
    await page.getByTestId('text-procedures').click(); // leaving the field saves it
    await page.getByTestId('section-direction').getByTestId('saved-note').waitFor();
    await page.getByTestId('text-procedures').fill(`${words}: niêm yết công khai đầy đủ thủ tục hành chính.`);
    await page.getByTestId('doc-number').click();
    await page.getByTestId('section-procedures').getByTestId('saved-note').waitFor();
    await expect.poll(() => page.getByTestId('report-state').textContent()).toBe('Đang soạn');
    // an officer does not send: that is the head's
    expect(await page.getByTestId('submit-report').count()).toBe(0);
    await shot(page, `reports-unit-draft-${officer}`);

    await asUser(head);
    await page.goto(`${sys.base}/reports/${PERIOD}/units/${await unitIdOf(unitName)}`);
    await page.getByTestId('submit-report').click();
    await page.getByTestId('confirm-action').click();
    await expect.poll(() => page.getByTestId('report-state').textContent()).toBe('Đã gửi');
    expect(await page.getByTestId('text-direction').textContent()).toContain(words);
    expect(await page.getByTestId('text-direction').evaluate((e) => e.tagName)).not.toBe('TEXTAREA');
  };

  it('Sở Tư pháp writes its report (saved as each field is left) and its head sends it', async () => {
    await writeAndSubmit('stp.canbo', 'stp.lanhdao', 'Sở Tư pháp', 'STP');
    await shot(page, 'reports-unit-submitted');
  });

  it('Sở KH&CN does the same', async () => {
    await writeAndSubmit('khcn.canbo', 'khcn.lanhdao', 'Sở Khoa học và Công nghệ', 'KHCN');
  });

  it('a unit officer cannot edit another unit’s report, neither on screen nor through the API', async () => {
    await asUser('stp.canbo');
    const khcn = await call('GET', `/api/org-units?asOf=2026-09-14`);
    const khcnId = (khcn.body as { id: number; name: string }[]).find((u) => u.name === 'Sở Khoa học và Công nghệ')!.id;
    await page.goto(`${sys.base}/reports/${PERIOD}/units/${khcnId}`);
    await expect.poll(async () => (await page.getByRole('alert').textContent()) ?? '').toMatch(/quyền/);
    expect(await page.locator('main textarea').count()).toBe(0);
    const put = await call('PUT', `/api/reports/cchc?period=${PERIOD}&unit=${khcnId}`, { texts: { direction: 'sửa hộ' } });
    expect(put.status).toBe(403);
  });

  it('Sở Nội vụ’s officer keeps a draft: the province’s leader sees “đang soạn” and no text', async () => {
    await asUser('snv.canbo');
    const snvId = await unitIdOf('Sở Nội vụ');
    await page.goto(`${sys.base}/reports/${PERIOD}/units/${snvId}`);
    await page.getByTestId('text-direction').fill('Nội dung nháp của Sở Nội vụ');
    await page.getByTestId('text-procedures').click();
    await page.getByTestId('section-direction').getByTestId('saved-note').waitFor();
    await asUser('ubnd.lanhdao');
    await page.goto(`${sys.base}/reports/${PERIOD}/units/${snvId}`);
    await page.getByTestId('draft-hidden').waitFor();
    expect(await page.getByTestId('report-state').textContent()).toBe('Đang soạn');
    expect(await page.locator('main').textContent()).not.toContain('Nội dung nháp');
    expect(await page.locator('main textarea').count()).toBe(0);
    expect(await page.getByTestId('download-docx').count()).toBe(0);
    await asUser('admin');
  });

  it('the administrator sees the two reports sent (beside the demo’s six) and urges the rest', async () => {
    await page.getByRole('link', { name: 'Báo cáo CCHC định kỳ' }).click();
    await page.getByTestId('period-picker-kind').getByText('Quý III').click();
    await expect.poll(() => page.getByTestId('submitted-count').textContent()).toBe('8/18 đơn vị đã gửi báo cáo'); // the demo had six units' reports of Q3 sent already
    const state = (unit: string) => page.locator(`[data-testid=unit-report-row][data-unit="${unit}"]`).getByTestId('report-state').textContent();
    expect(await state('Sở Tư pháp')).toBe('Đã gửi');
    expect(await state('Sở Khoa học và Công nghệ')).toBe('Đã gửi');
    expect(await state('Sở Nội vụ')).toBe('Đang soạn');
    expect(await state('Sở Y tế')).toBe('Chưa lập');
    await shot(page, 'reports-list');
    await page.getByTestId('urge-open').click();
    await page.getByTestId('urge-message').fill('Đề nghị các đơn vị gửi báo cáo CCHC quý III trước ngày 20/9.');
    await page.getByTestId('urge-send').click();
    await expect.poll(async () => (await page.getByTestId('urge-result').textContent()) ?? '').toMatch(/^Đã đôn đốc 10 đơn vị \(\d+ người nhận thông báo\)\.$/);
  });

  it('the administrator adds the year’s target for communes, shown met / not met per commune', async () => {
    await page.getByRole('link', { name: 'Chỉ số, chỉ tiêu' }).click();
    await page.getByTestId('to-targets').click();
    await page.getByTestId('no-targets').waitFor();
    await page.getByTestId('add-target').click();
    await page.getByTestId('target-indicator').click();
    await page.getByRole('option', { name: 'Tỷ lệ hồ sơ giải quyết trước và đúng hạn' }).click();
    await page.getByTestId('target-scope').getByText('Một cấp').click();
    await page.getByTestId('target-value').fill('95');
    await page.getByTestId('target-text').fill('Tỷ lệ hồ sơ giải quyết đúng hạn cấp xã');
    await page.getByTestId('target-save').click();
    await page.getByTestId('target-card').waitFor();
    expect(await page.getByTestId('target-text-badge').textContent()).toBe('≥ 95 %');
    expect(await page.getByTestId('target-unit-row').count()).toBe(5);
    const states = await page.getByTestId('target-state').allTextContents();
    expect(states.every((s) => ['Đạt', 'Chưa đạt', 'Chưa có số liệu'].includes(s))).toBe(true);
    const counts = Number(await page.getByTestId('count-met').textContent()) + Number(await page.getByTestId('count-not-met').textContent()) + Number(await page.getByTestId('count-no-data').textContent());
    expect(counts).toBe(5);
    await page.getByTestId('targets-chart').locator('canvas').waitFor();
    await shot(page, 'indicators-targets');
  });

  it('drafts the province’s report from the units’ and opens the figures down to their records', async () => {
    await page.goto(`${sys.base}/reports?period=${PERIOD}`);
    await page.getByTestId('open-province-report').click();
    await page.getByTestId('report-title').waitFor();
    expect(await page.getByTestId('report-title').textContent()).toBe('Báo cáo CCHC Quý III/2026 — Tỉnh Tây Ninh');
    // what each unit sent is shown under its section
    expect(await page.getByTestId('section-direction').getByTestId('unit-texts').textContent()).toContain('Sở Tư pháp: STP: ban hành kế hoạch');
    await page.getByTestId('draft-from-units').click();
    await expect.poll(() => page.getByTestId('text-direction').inputValue()).toContain('- Sở Khoa học và Công nghệ: KHCN: ban hành kế hoạch');
    expect(await page.getByTestId('text-direction').inputValue()).toContain('- Sở Tư pháp: STP: ban hành kế hoạch');
    expect(await page.getByTestId('text-procedures').inputValue()).toContain('niêm yết công khai');
    // the section no unit wrote stays empty for Sở Nội vụ to write
    await page.getByTestId('text-next').fill('Tiếp tục rà soát, đơn giản hoá thủ tục hành chính nội bộ.');
    await page.getByTestId('doc-number').fill('215');
    await page.getByTestId('doc-signer-name').click();
    await page.getByTestId('document-fields').getByTestId('saved-note').waitFor();
    await page.getByTestId('doc-signer-name').fill('Nguyễn Văn A');
    await page.getByTestId('doc-number').click();
    await expect.poll(async () => (await call('GET', `/api/reports/cchc?period=${PERIOD}`)).body.report.signer).toEqual({ authority: 'TM. Ủy ban nhân dân', title: 'Chủ tịch', name: 'Nguyễn Văn A' });
    await shot(page, 'reports-province-draft');

    // every sentence of the province's report and of a unit's opens a page that lists its records
    const links = await page.getByTestId('auto-line').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(links.length).toBeGreaterThanOrEqual(7);
    const stp = (await call('GET', `/api/reports/cchc?period=${PERIOD}&unit=${await unitIdOf('Sở Tư pháp')}`)).body as { sections: { lines: { text: string; link?: string }[] }[] };
    const unitLinks = stp.sections.flatMap((x) => x.lines).filter((l) => l.link && !l.text.startsWith('Chưa có chỉ tiêu')).map((l) => l.link!);
    expect(unitLinks.length).toBeGreaterThanOrEqual(6);
    const reportUrl = page.url();
    for (const link of new Set([...links, ...unitLinks])) {
      await page.goto(`${sys.base}${link}`);
      const path = link.split('?')[0];
      const rows = (id: string, inner = 'tbody tr') => expect.poll(() => page.getByTestId(id).locator(inner).count(), { message: link }).toBeGreaterThan(0);
      if (path === '/dossiers/list') {
        await rows('dossier-table');
        expect(await page.getByTestId('empty-row').count(), link).toBe(0);
      } else if (path === '/plans/year-tasks') await rows('year-tasks', '[data-testid=year-task-row]');
      else if (path === '/index766') await rows('index766-table');
      else if (path === '/indicators/targets') await expect.poll(() => page.getByTestId('target-unit-row').count(), { message: link }).toBeGreaterThan(0);
      else if (path.startsWith('/par/rounds/')) await rows('ranking');
      else if (path === '/procedures') await rows('procedures-table');
      else if (path === '/legal-documents') {
        // the register in the window, issued (or led) by the unit: as many documents as the figure says
        const issued = new URLSearchParams(link.split('?')[1]);
        const api = (await call('GET', `/api/legal-documents?${issued}&limit=1`)).body as { total: number };
        await page.getByTestId('ld-table').waitFor();
        await expect.poll(async () => (await page.getByTestId('ld-total').textContent()) ?? '', { message: link }).toContain(String(api.total));
      } else if (path === '/staffing') await page.getByTestId('st-table').waitFor();
      else if (path === '/feedback') await page.getByTestId('fb-table').waitFor();
      else if (path === '/feedback/figures') await page.getByTestId('fbs-received').waitFor();
      else throw new Error(`no records page known for ${link}`);
    }

    // by clicking: the dossiers received, then the year's plan tasks
    await page.goto(reportUrl);
    await page.getByTestId('section-procedures').getByTestId('auto-line').first().click();
    await page.waitForURL(/\/dossiers\/list\?.*category=received/);
    await expect.poll(() => page.getByTestId('dossier-table').locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('empty-row').count()).toBe(0);
    await shot(page, 'reports-drill-dossiers');
    await page.goBack();
    await page.getByTestId('section-direction').getByTestId('auto-line').first().click();
    await page.waitForURL(/\/plans\/year-tasks\?/);
    await page.getByTestId('year-tasks').waitFor();
    const done = (await page.getByTestId('year-tasks-done').textContent()) ?? '';
    const [, d, total] = /^(\d+)\/(\d+) nhiệm vụ hoàn thành/.exec(done)!;
    expect(await page.getByTestId('year-task-row').count()).toBe(Number(total));
    await page.getByTestId('year-tasks-filter').getByText('Đã hoàn thành').click();
    await expect.poll(() => page.getByTestId('year-task-row').count()).toBe(Number(d));
    expect(await page.locator('[data-testid=year-task-row][data-status=done]').count()).toBe(Number(d));
    await shot(page, 'reports-drill-plan-tasks');
  }, 180_000);

  it('finalises the province’s report and downloads it as a .docx', async () => {
    await page.goto(`${sys.base}/reports/${PERIOD}`);
    await page.getByTestId('finalise-report').click();
    await page.getByTestId('confirm-action').click();
    await page.getByTestId('frozen').waitFor();
    expect(await page.getByTestId('report-state').textContent()).toBe('Đã hoàn thành');
    expect(await page.getByTestId('audit-head').textContent()).toMatch(/^Nhật ký thay đổi lúc chốt: [\d.]+ sự kiện, mã băm cuối [0-9a-f]{12}…$/);
    expect(await page.locator('main textarea').count()).toBe(0);
    expect(await page.getByTestId('draft-from-units').count()).toBe(0);
    expect(await page.getByTestId('no-differences').textContent()).toBe('Số liệu không thay đổi kể từ khi chốt báo cáo.');
    expect(await page.getByTestId('text-next').textContent()).toBe('Tiếp tục rà soát, đơn giản hoá thủ tục hành chính nội bộ.');
    expect(await page.getByTestId('document-fields').textContent()).toContain('Số: 215/BC-UBND');
    expect(await page.getByTestId('document-fields').textContent()).toContain('Người ký: TM. Ủy ban nhân dân Chủ tịch Nguyễn Văn A');
    await shot(page, 'reports-province-finalised');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-docx').click()]);
    expect(download.suggestedFilename()).toMatch(/^bao-cao-cchc-2026-Q3-.*\.docx$/);
    const zip = await JSZip.loadAsync(readFileSync(await download.path()));
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('Kết quả thực hiện công tác cải cách hành chính quý III năm 2026');
    expect(text).toContain('- Sở Tư pháp: STP: ban hành kế hoạch CCHC năm 2026');
    expect(text).toContain('215');
    expect(text).toContain('Nguyễn Văn A');
  });

  it('a dossier recorded later in the window shows as a difference against the frozen report', async () => {
    const before = await call('GET', `/api/reports/cchc?period=${PERIOD}`);
    const received = before.body.figures.dossiers.received as number;
    const ingest = await call('POST', '/api/dossiers/events', [{ sourceSystem: 'igate', dossierCode: `E2E-REPORT-${Date.now()}`, procedureCode: 'MAU.TP.01', unitCode: 'TN.STP', kind: 'received', at: '2026-08-12T09:00:00+07:00', channel: 'counter' }]);
    expect(ingest.status).toBe(200);
    await page.reload();
    await page.getByTestId('difference-row').first().waitFor();
    const rows = await page.getByTestId('difference-row').allTextContents();
    expect(rows).toContain(`Hồ sơ tiếp nhận${received.toLocaleString('vi-VN')}${(received + 1).toLocaleString('vi-VN')}`);
    expect(rows.join(' ')).not.toMatch(/dossiers\.|dossiersReceived/);
    await shot(page, 'reports-province-differences');
  });

  it('Sở Nội vụ returns a unit’s report with a comment; the unit sees it and writes again', async () => {
    const khcn = await unitIdOf('Sở Khoa học và Công nghệ');
    await page.goto(`${sys.base}/reports/${PERIOD}/units/${khcn}`);
    await page.getByTestId('return-report').click();
    await page.getByTestId('return-comment-input').fill('Bổ sung kết quả kiểm soát thủ tục hành chính.');
    await page.getByTestId('confirm-action').click();
    await expect.poll(() => page.getByTestId('report-state').textContent()).toBe('Bị trả lại');
    await asUser('khcn.canbo');
    await page.goto(`${sys.base}/reports/${PERIOD}/units/${khcn}`);
    expect(await page.getByTestId('return-comment').textContent()).toContain('Bổ sung kết quả kiểm soát thủ tục hành chính.');
    expect(await page.getByTestId('text-procedures').inputValue()).toBe('KHCN: niêm yết công khai đầy đủ thủ tục hành chính.');
    await shot(page, 'reports-unit-returned');
    await asUser('admin');
  });

  it('an indicator computed by the system: the province’s value and each unit’s, as a table and a chart', async () => {
    await page.getByRole('link', { name: 'Chỉ số, chỉ tiêu' }).click();
    await page.getByRole('link', { name: 'Tỷ lệ hồ sơ giải quyết trước và đúng hạn' }).click();
    await page.getByTestId('period-picker-kind').getByText('Quý III').click();
    await expect.poll(() => page.getByTestId('indicator-window').textContent()).toBe('Quý III/2026 · Số liệu từ 15/06/2026 đến 14/09/2026');
    expect(await page.getByTestId('indicator-value').textContent()).toMatch(/\d+,\d\d\s%/);
    await page.getByTestId('indicator-chart').locator('canvas').waitFor();
    expect(await page.getByTestId('indicator-unit-row').count()).toBeGreaterThan(10);
    // the calendar quarter instead of the reporting window
    await page.getByTestId('calendar-switch').getByText('Theo lịch').click();
    await expect.poll(() => page.getByTestId('indicator-window').textContent()).toBe('Quý III/2026 · Số liệu từ 01/07/2026 đến 30/09/2026');
    await shot(page, 'indicators-computed');
  });

  it('the administrator adds an indicator units enter; a unit enters its ratio with an evidence file', async () => {
    await page.goto(`${sys.base}/indicators`);
    await page.getByTestId('add-indicator').click();
    await page.getByTestId('new-ind-name').fill('Tỷ lệ văn bản đi được ký số');
    await page.getByTestId('new-ind-code').fill('vanban.kyso');
    await page.getByTestId('new-ind-measure').fill('%');
    await page.getByTestId('new-ind-aggregation').click();
    await page.getByRole('option', { name: 'Tỷ lệ của tổng' }).click();
    await page.getByTestId('new-ind-save').click();
    await expect.poll(async () => (await page.getByTestId('indicators-entered').textContent()) ?? '').toContain('Tỷ lệ văn bản đi được ký số');
    expect(await page.getByTestId('indicators-entered').textContent()).toContain('Tỷ lệ của tổng');

    await asUser('stp.canbo');
    await page.goto(`${sys.base}/indicators/vanban.kyso?period=${PERIOD}`);
    await page.getByTestId('entry-form').waitFor();
    await page.getByTestId('entry-numerator').fill('180');
    await page.getByTestId('entry-denominator').fill('200');
    await page.getByTestId('entry-save').click();
    await expect.poll(async () => (await page.getByTestId('indicator-value').textContent()) ?? '').toMatch(/90,00\s%/);
    await page.getByTestId('entry-evidence').waitFor();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    await page.locator('input[type=file]').setInputFiles({ name: 'so-lieu-ky-so.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expect.poll(async () => (await page.getByTestId('entry-evidence-file').textContent()) ?? '').toBe('so-lieu-ky-so.pdf');
    expect(await page.getByTestId('entry-numerator').inputValue()).toBe('180');
    await shot(page, 'indicators-entered');

    // the province's value is the ratio of the sums of what units entered
    await asUser('admin');
    await page.goto(`${sys.base}/indicators/vanban.kyso?period=${PERIOD}`);
    await expect.poll(async () => (await page.getByTestId('indicator-value').textContent()) ?? '').toMatch(/90,00\s%/);
    expect(await page.locator('[data-testid=indicator-unit-row]', { hasText: 'Sở Tư pháp' }).textContent()).toContain('180/200');
  });

  it('the report editor and the indicator pages fit a 390 px phone', async () => {
    await page.context().close();
    page = await sys.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', isMobile: true, hasTouch: true });
    await page.goto(`${sys.base}/`);
    await page.waitForURL(/\/login$/);
    await page.getByLabel('Tên đăng nhập').fill('snv.canbo');
    await page.getByLabel(/^Mật khẩu/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByTestId('app-header').waitFor();
    const pages: [string, string][] = [
      [`/reports?period=${PERIOD}`, 'unit-reports'],
      [`/reports/${PERIOD}/units/${await unitIdOf('Sở Nội vụ')}`, 'key-figures'],
      ['/indicators', 'indicators-computed'],
      [`/indicators/dossiers.onTimeRate?period=${PERIOD}`, 'indicator-value'],
      [`/indicators/vanban.kyso?period=${PERIOD}`, 'entry-form'],
      ['/indicators/targets?year=2026', 'targets-counts'],
      ['/plans/year-tasks?year=2026&to=2026-09-14', 'year-tasks'],
    ];
    for (const [path, testId] of pages) {
      await page.goto(`${sys.base}${path}`);
      await page.waitForLoadState('networkidle');
      await page.getByTestId(testId).waitFor();
      const o = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        wide: [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > 391 && !e.closest('header')).slice(0, 5).map((e) => `${e.tagName}.${e.className}`),
      }));
      expect(o.scrollWidth, `${path}: ${o.wide.join('; ')}`).toBeLessThanOrEqual(390);
      if (path.includes('/units/')) expect(await page.locator('main textarea').count()).toBeGreaterThan(10);
      await shot(page, `reports-phone-${testId}`);
    }
  });
});
