/** Debian's chromium driven by playwright-core (never a downloaded browser), with CJK fonts. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Browser,
  type BrowserServer,
  chromium,
  type Download,
  type Locator,
  type Page,
} from 'playwright-core';
import { CHROMIUM_ARGS } from '../../src/formats/pdf/write-pdf.ts';
import { ROOT } from './serve-process.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export const launch = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });

/**
 * One Chromium for the whole run, started by the browser tests' global setup (test/suite/browser.setup.ts):
 * each test file connects to it and works in contexts of its own rather than starting a browser.
 */
export const launchShared = (): Promise<BrowserServer> =>
  chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

/** The shared browser at `wsEndpoint` when the global setup started one, else a browser of this file's own. */
export const connectOrLaunch = (wsEndpoint: string | undefined): Promise<Browser> =>
  wsEndpoint ? chromium.connect(wsEndpoint) : launch();

/**
 * docs/screenshots/ with `npm run screenshots` (JIXIAO_SCREENSHOTS=1); otherwise a temporary folder, so that
 * a test run takes the same screenshots without changing the committed ones.
 */
const SHOTS = process.env.JIXIAO_SCREENSHOTS
  ? join(ROOT, 'docs/screenshots')
  : join(tmpdir(), 'jixiao-screenshots');

/** A screenshot of the page as it is, into the screenshots folder as NAME.png. */
export const shot = async (page: Page, name: string, fullPage = false): Promise<void> => {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
};

/**
 * Signs in through the API, as the login page does (the session cookie goes to the page's context), and
 * opens `path`, or else the page that login would have led to. Only the test of the login page itself
 * ({@link signIn}) needs the form: every other step is spared the login page and its round trips.
 */
export const signInByApi = async (
  page: Page,
  base: string,
  username: string,
  password: string,
  path?: string,
): Promise<void> => {
  const context = page.context();
  // The CSRF cookie, as the login page gets it before its first POST.
  await context.request.get(`${base}/api/session`);
  const csrf = (await context.cookies(base)).find((c) => c.name === 'jixiao_csrf')?.value ?? '';
  const res = await context.request.post(`${base}/api/session`, {
    data: { username, password },
    headers: { 'x-csrf-token': csrf },
  });
  if (!res.ok()) throw new Error(`e2e: sign-in of ${username} answered ${res.status()}: ${await res.text()}`);
  const { user } = (await res.json()) as { user: { departmentId: string | null } };
  // Where src/web/pages/Login.tsx goes after signing in.
  await page.goto(`${base}${path ?? (user.departmentId ? '/dept' : '/bureau')}`);
};

/** Signs in through the login page. */
export const signIn = async (page: Page, base: string, username: string, password: string): Promise<void> => {
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page
    .locator('main')
    .getByRole('button', { name: /登\s*录/ })
    .click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
};

/**
 * A download's bytes. Saved through the connection (`saveAs`): `path()` is not there with the shared
 * browser, which keeps its downloads to itself.
 */
export const downloadedBytes = async (download: Download): Promise<Buffer> => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-e2e-download-'));
  try {
    const file = join(dir, 'file');
    await download.saveAs(file);
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

/** Collects the page's uncaught errors into `sink`: the run fails on any. */
export const watchErrors = (page: Page, sink: string[]): void => {
  page.on('pageerror', (e) => sink.push(`${page.url()}: ${e.message}`));
};

/**
 * Waits until no dialog is still zooming in. A click on a dialog's button while antd's appear animation
 * runs can be lost on a loaded machine (Playwright finds the button stable between two slow frames; the
 * dialog stays open): seen in CI on the confirm of a move and on the save-conflict dialog.
 */
export const dialogsSettled = (page: Page): Promise<void> =>
  page.locator('.ant-zoom-appear, .ant-zoom-enter').first().waitFor({ state: 'detached' });

/** Clicks `button` of a dialog once it is there and no dialog is zooming in any more (dialogsSettled). */
export const clickInDialog = async (page: Page, button: Locator): Promise<void> => {
  await button.waitFor();
  await dialogsSettled(page);
  await button.click();
};

/** Answers 确定 to the confirmation a move that cannot be taken back asks (submit, approve, publish). */
export const confirmMove = async (page: Page): Promise<void> => {
  const dialog = page.locator('.ant-modal-confirm');
  await dialog.waitFor();
  await dialogsSettled(page);
  await dialog.getByRole('button', { name: btn('确定') }).click();
  // The dialog stays (its button loading) until the server has answered the move, which scores and
  // audits the report: on a loaded CI machine that alone has taken over 20 s.
  await dialog.waitFor({ state: 'detached', timeout: MOVE_ANSWER_MS });
};

/** How long a workflow move's answer may take before the step fails (see confirmMove). */
const MOVE_ANSWER_MS = 60_000;

/** A button's accessible name as antd renders it (a space between two Chinese characters: “提 交”). */
export const btn = (text: string): RegExp => new RegExp(`^\\s*${[...text].join('\\s*')}\\s*$`);

/**
 * Answers the identity check of an import on 新建报告 (the file names another unit or year than the
 * report it goes into): a reason, then 确认导入.
 */
export const confirmImportIdentity = async (page: Page, reason: string): Promise<void> => {
  await page.getByTestId('identity-check').waitFor();
  await page.getByLabel('确认理由').fill(reason);
  await page.getByRole('button', { name: btn('确认导入') }).click();
};
