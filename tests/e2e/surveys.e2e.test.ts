/**
 * Issue 13 in Chromium, on a 390 px phone: look up a finished dossier → open its survey from the lookup page
 * (link and QR code) → answer → the unit's satisfaction index and the Decision 766 criterion 5.4 move, as the
 * staff screens show them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, logIn, shot, startSystem } from './browser.js';

describe('issue 13: a citizen rates a returned dossier on a phone', () => {
  let sys: Awaited<ReturnType<typeof startSystem>>;
  let staff: Page;
  beforeAll(async () => {
    sys = await startSystem();
    staff = await sys.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
    await logIn(staff, sys.base, 'admin', ADMIN_PASSWORD);
  }, 180_000);
  afterAll(() => sys?.stop());

  it('lookup → survey → answer → the index and 766 criterion 5.4 move', async () => {
    const get = async (url: string) => (await staff.request.get(`${sys.base}${url}`)).json();
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const year = today.slice(0, 4);
    const units = await get(`/api/org-units?asOf=${today}`);
    const stc = units.find((u: { code: string }) => u.code === 'TN.STC').id;
    const list = await get(`/api/dossiers?unit=${stc}&from=${year}-01-01&to=${today}&category=resolved&limit=200`);
    let code: string | null = null;
    for (const d of list.items as { code: string }[]) {
      const s = await (await staff.request.get(`${sys.base}/api/public/surveys/dossier/${encodeURIComponent(d.code)}`)).json();
      if (s.answered === false) {
        code = d.code;
        break;
      }
    }
    expect(code).not.toBeNull();
    const sat = () => get(`/api/satisfaction?unit=${stc}&from=${year}-01-01&to=${today}`);
    const c54 = async () => ((await get(`/api/index766?unit=${stc}&period=${year}`)).groups as { components: { key: string; basis: string | null }[] }[]).flatMap((g) => g.components).find((c) => c.key === '5.4')!;
    const before = await sat();
    const before54 = await c54();

    const phone = await sys.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'vi-VN', isMobile: true });
    await phone.goto(`${sys.base}/tra-cuu`);
    await phone.getByTestId('lookup-code').fill(code!);
    await phone.getByRole('button', { name: 'Tra cứu' }).click();
    await phone.getByTestId('lookup-survey-link').waitFor();
    const qr = phone.getByTestId('lookup-survey').locator('img');
    await expect.poll(() => qr.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await shot(phone, 'issue13-lookup-390');
    await phone.getByTestId('lookup-survey-link').click();
    await phone.waitForURL(/\/cong-khai\/khao-sat\//);
    await phone.getByTestId('survey-submit').waitFor();
    // every counted question: 5, except the civil servants' satisfaction: 2 ("not satisfied")
    const survey = await get(`/api/public/surveys/dossier/${encodeURIComponent(code!)}`);
    for (const q of survey.questions as { id: string; required: boolean }[]) {
      if (!q.required) continue;
      await phone.getByTestId(`survey-${q.id}-${q.id === '3.2' ? '2' : '5'}`).click();
    }
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(phone, 'issue13-survey-390');
    await phone.getByTestId('survey-submit').click();
    await phone.getByTestId('survey-done').waitFor();
    // a second time: the page says it was rated
    await phone.reload();
    await phone.getByTestId('survey-already').waitFor();

    const after = await sat();
    expect(after.responses).toBe(before.responses + 1);
    expect(after.dissatisfiedResponses).toBe(before.dissatisfiedResponses + 1);
    const after54 = await c54();
    const [g0, j0] = before54.basis!.split('/').map(Number);
    const [g1, j1] = after54.basis!.split('/').map(Number);
    expect(j1).toBe(j0);
    expect(g1).toBe(g0 - 1);

    // the staff screens show it
    await staff.goto(`${sys.base}/surveys/results?unit=${stc}&from=${year}-01-01&to=${today}`);
    await expect.poll(async () => (await staff.getByTestId('satisfaction-responses').textContent())?.replace(/\D/g, '')).toBe(String(after.responses));
    await staff.goto(`${sys.base}/index766?unit=${stc}&period=${year}`);
    await staff.getByTestId('basis-5.4').waitFor();
    expect((await staff.getByTestId('basis-5.4').textContent())!.replace(/\./g, '')).toBe(`${g1}/${j1}`);
    await shot(staff, 'issue13-index766');
  }, 120_000);
});
