/**
 * What every browser test file sets up: a `jixiao serve` for its `describe` block and a connection to the
 * run's one Chromium (started by the global setup; a browser of the file's own without it), made side by
 * side before its tests and closed after them, and a role's page — a fresh browser context asking for
 * reduced motion, signed in through the API (test/e2e/browser.ts `signInByApi`), its uncaught errors
 * collected, a screenshot when a step fails.
 *
 * ```ts
 * describeE2e('…', () => {
 *   const e2e = useE2e({ name: 'attachments', startMs: 240_000 });
 *   it('…', () => e2e.as('jiaoyu-tb', async (page) => { … }));
 *   it('no page error', () => expect(e2e.errors).toEqual([]));
 * });
 * ```
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { connectOrLaunch, hasChromium, signInByApi, watchErrors } from './browser.ts';
import { type Served, startServe } from './server.ts';

/** `describe` when Chromium is installed; skipped (and said once) otherwise. */
export const describeE2e = hasChromium ? describe : describe.skip;
if (!hasChromium)
  console.warn(
    '[skip] /usr/bin/chromium not found: browser tests skipped (apt-get install chromium fonts-noto-cjk)',
  );

export type E2eOptions = {
  /** Names the file's failure screenshots (`jixiao-e2e-NAME-USER.png` in the temporary folder). */
  name: string;
  /** How long the server may take to start (a start on a copy of the first start's data folder). */
  startMs?: number;
  /** `serve` arguments (`--no-demo`: only the admin). */
  serveArgs?: readonly string[];
  viewport?: { width: number; height: number };
  /** A page's default wait for an element. */
  timeoutMs?: number;
};

/** Who signs in: a demo account (its password from the first start), another account, or nobody. */
export type Who = string | { username: string; password: string } | null;

export type E2e = {
  /** The running server (after `beforeAll`). */
  readonly served: Served;
  readonly browser: Browser;
  readonly url: string;
  /** Uncaught errors of every page opened through `as` or `open`: a file ends by expecting none. */
  readonly errors: string[];
  /** A demo account's password, as the first start printed it. */
  password: (username: string) => string;
  /** A new browser context and its page, its errors watched (not signed in; closed by the caller). */
  open: () => Promise<{ context: BrowserContext; page: Page }>;
  /**
   * `fn` on a page of a new context signed in as `who` (nobody: the public); on a failure, a full-page
   * screenshot and where the page was go to the test's output. The context is closed afterwards.
   */
  as: (who: Who, fn: (page: Page) => Promise<void>) => Promise<void>;
  /**
   * `as`, the page opening at `path` (on the server) right after signing in, instead of where signing in
   * leads: for a step that goes somewhere first, one page load fewer.
   */
  at: (who: Exclude<Who, null>, path: string, fn: (page: Page) => Promise<void>) => Promise<void>;
};

const VIEW = { width: 1366, height: 768 };

/** Starts a server and a browser for the enclosing `describe` (hooks registered here). */
export const useE2e = (options: E2eOptions): E2e => {
  const startMs = options.startMs ?? 90_000;
  let served: Served | undefined;
  let browser: Browser | undefined;
  const errors: string[] = [];

  beforeAll(async () => {
    [served, browser] = await Promise.all([
      startServe(startMs, options.serveArgs),
      connectOrLaunch(inject('browserWs')),
    ]);
  }, startMs + 160_000);

  afterAll(async () => {
    // The shared browser: this file's connection (and its contexts) closed, the browser left running.
    await browser?.close();
    await served?.stop();
  });

  const need = <T>(x: T | undefined, what: string): T => {
    if (x === undefined) throw new Error(`e2e: the ${what} has not started (beforeAll)`);
    return x;
  };
  const password = (username: string) => need(served, 'server').demoPasswords.get(username) ?? '';

  const open = async () => {
    const context = await need(browser, 'browser').newContext({
      viewport: options.viewport ?? VIEW,
      locale: 'zh-CN',
      acceptDownloads: true,
      // The web app then turns antd's animations off (src/web/main.tsx): nothing to wait for between steps.
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(options.timeoutMs ?? 20_000);
    watchErrors(page, errors);
    return { context, page };
  };

  const run = async (who: Who, path: string | undefined, fn: (page: Page) => Promise<void>) => {
    const { context, page } = await open();
    const username = who === null ? 'public' : typeof who === 'string' ? who : who.username;
    try {
      if (who !== null) {
        const pw = typeof who === 'string' ? password(who) : who.password;
        await signInByApi(page, need(served, 'server').url, username, pw, path);
      }
      await fn(page);
    } catch (e) {
      // What the browser showed when a step failed, for whoever reads the failure.
      const file = join(tmpdir(), `jixiao-e2e-${options.name}-${username}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => {});
      console.error(`e2e: ${username} failed at ${page.url()}; screenshot ${file}`);
      throw e;
    } finally {
      await context.close();
    }
  };

  return {
    get served() {
      return need(served, 'server');
    },
    get browser() {
      return need(browser, 'browser');
    },
    get url() {
      return need(served, 'server').url;
    },
    errors,
    password,
    open,
    as: (who, fn) => run(who, undefined, fn),
    at: (who, path, fn) => run(who, path, fn),
  };
};
