/** A real server on a free port (in-memory PGlite with the demo data) and Debian's Chromium. */
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openDatabase } from '../../server/db/client.js';
import { buildApp } from '../../server/http/app.js';
import { bootstrap } from '../../server/seed/bootstrap.js';

export const ADMIN_PASSWORD = 'Admin12345';
export const DEMO_PASSWORD = 'Demo12345';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** `demoPar`: also the demo PAR rounds (slower to load; the PAR journey wants them). */
export async function startSystem(opts: { demoPar?: boolean } = {}) {
  if (!existsSync('dist/web/index.html')) throw new Error('Build the web app first: npm run build');
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  const database = await openDatabase({});
  await bootstrap(database.db, { demoData: true, demoPar: opts.demoPar ?? false, adminPassword: ADMIN_PASSWORD, demoPassword: DEMO_PASSWORD });
  const app = await buildApp({ database, loginRateLimit: 1000, publicRateLimit: 10_000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  return {
    base,
    browser,
    async stop() {
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

export async function shot(page: Page, name: string) {
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
}

export async function logIn(page: Page, base: string, username: string, password: string) {
  await page.goto(`${base}/`);
  await page.waitForURL(/\/login$/);
  await page.getByLabel(/Tên đăng nhập|Username/).fill(username);
  await page.getByLabel(/^Mật khẩu|^Password/).fill(password);
  await page.getByRole('button', { name: /Đăng nhập|Log in/ }).click();
  await page.getByTestId('current-user').waitFor();
}
