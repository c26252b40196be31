/**
 * The report as PDF: the HTML page printed by headless Chromium (Debian's `chromium`) through
 * playwright-core. Never downloads a browser; without Chromium it says what to install.
 *
 * One browser for the whole process, at most `concurrency` PDFs at once and `maxWaiting` more queued;
 * beyond that a request is refused at once (`render.busy`) instead of piling up Chromium processes. The
 * browser stays open while someone holds it (the server, `holdPdfBrowser`) and closes when the last PDF is
 * done otherwise (the CLI exits when its work is done).
 *
 * Each page (a context of its own, network refused) prints up to PRINTS_PER_PAGE PDFs, one at a time:
 * the HTML printed is self-contained and without scripts, and setContent replaces the whole document, so
 * nothing carries over, while opening a page costs ~350 ms (a renderer process). Page numbers are CSS
 * margin boxes added to the page's style, not Chromium's footer template: the template doubled the time
 * of printing (a 10-page report 1.3 s against 0.6 s).
 */
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type Failure, ok, type Result } from '../../core/result.ts';
import type { RenderInput } from '../document/blocks/render-input.ts';
import { writeHtml } from '../html/write-html.ts';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The flags Chromium runs with here (headless, no sandbox, no network of its own); the browser tests use them too. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The Chromium to use: $JIXIAO_CHROMIUM, else the first Debian/Chrome path that exists. */
export const findChromium = (): string | undefined => {
  const env = process.env.JIXIAO_CHROMIUM;
  if (env) return existsSync(env) ? env : undefined;
  return CANDIDATES.find((p) => existsSync(p));
};

export type PdfResult = Result<Uint8Array, Failure<'render.no-chromium' | 'render.busy'>>;

export const NO_CHROMIUM =
  '生成 PDF 需要 Chromium 和中文字体：apt-get install -y chromium fonts-noto-cjk (PDF needs Chromium and CJK fonts: apt-get install -y chromium fonts-noto-cjk)';

/**
 * GB/T 9704 page numbers: "— 1 —", 四号, at the bottom of every page. With margins for a page that sets
 * none; first in the head, so that the page's own @page margins, later, win.
 */
const PAGE_NUMBERS = `<style>@page { margin: 25mm 20mm; @bottom-center { content: "— " counter(page) " —"; font-size: 14pt; font-family: SimSun, 'Noto Serif CJK SC', serif; } }</style>`;

/** The page to print: `html` with the page numbers' style first in its head (or first, without one). */
export const withPageNumbers = (html: string): string => {
  const head = /<head(?:\s[^>]*)?>/i.exec(html);
  if (!head) return `${PAGE_NUMBERS}${html}`;
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}${PAGE_NUMBERS}${html.slice(at)}`;
};

/** PDFs printed by one page before it is closed and another opened (bounds what a page may gather). */
const PRINTS_PER_PAGE = 100;

type KeptPage = { browser: Browser; context: BrowserContext; page: Page; prints: number; crashed: boolean };

export const PDF_BUSY = '同时生成 PDF 的请求过多，请稍后再试 (too many PDF requests at once; retry shortly)';

const limits = { concurrency: 2, maxWaiting: 16 };
const pool = {
  browser: null as Promise<Browser> | null,
  running: 0,
  waiting: [] as (() => void)[],
  holds: 0,
  launches: 0,
  renders: 0,
  /** Pages opened. */
  pages: 0,
  /** The browser launched, once it is. */
  current: null as Browser | null,
  /** Its pages open and not printing. */
  idle: [] as KeptPage[],
};

/** How many PDFs print at once (2 cores: 2) and how many more may wait. */
export const configurePdf = (options: Partial<typeof limits>): void => {
  Object.assign(limits, options);
};

/** Browsers launched and PDFs printed by this process (for tests and the bench). */
export const pdfStats = (): {
  launches: number;
  renders: number;
  pages: number;
  running: number;
  waiting: number;
} => ({
  launches: pool.launches,
  renders: pool.renders,
  pages: pool.pages,
  running: pool.running,
  waiting: pool.waiting.length,
});

const closeIfIdle = (): void => {
  if (pool.running > 0 || pool.holds > 0 || !pool.browser) return;
  const b = pool.browser;
  pool.browser = null;
  pool.current = null;
  pool.idle = [];
  b.then((x) => x.close()).catch(() => {});
};

/** Keeps the browser open between PDFs until the returned function is called. */
export const holdPdfBrowser = (): (() => Promise<void>) => {
  pool.holds++;
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    pool.holds--;
    const b = pool.running === 0 && pool.holds === 0 ? pool.browser : null;
    closeIfIdle();
    if (b) await b.then((x) => x.close()).catch(() => {});
  };
};

/** A slot to print in; false when the queue is full. */
const acquire = async (): Promise<boolean> => {
  if (pool.running < limits.concurrency) {
    pool.running++;
    return true;
  }
  if (pool.waiting.length >= limits.maxWaiting) return false;
  // The finishing PDF hands its slot over: `running` stays as it is.
  await new Promise<void>((resolve) => pool.waiting.push(resolve));
  return true;
};

const release = (): void => {
  const next = pool.waiting.shift();
  if (next) {
    next();
    return;
  }
  pool.running--;
  closeIfIdle();
};

const sharedBrowser = (executablePath: string): Promise<Browser> => {
  if (!pool.browser) {
    pool.launches++;
    // The driver is loaded only when a PDF is printed: a server or CLI that holds the pool need not load it.
    const launched = import('playwright-core').then(({ chromium }) =>
      chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 60_000 }),
    );
    pool.browser = launched;
    const forget = () => {
      if (pool.browser !== launched) return;
      pool.browser = null;
      pool.current = null;
      pool.idle = [];
    };
    launched.then((b) => {
      if (pool.browser === launched) pool.current = b;
      b.on('disconnected', forget);
    }, forget);
  }
  return pool.browser;
};

/** An open page of `browser` to print in: one kept from an earlier PDF, else a new one. */
const takePage = async (browser: Browser): Promise<KeptPage> => {
  // A page whose renderer crashed while it waited is not handed out again.
  pool.idle = pool.idle.filter((k) => k.browser === browser && !k.crashed && !k.page.isClosed());
  const kept = pool.idle.pop();
  if (kept) return kept;
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    pool.pages++;
    // No network: the page is self-contained, anything else it asks for is refused.
    await page.route('**/*', (route) => route.abort());
    const opened: KeptPage = { browser, context, page, prints: 0, crashed: false };
    page.on('crash', () => {
      opened.crashed = true;
    });
    return opened;
  } catch (e) {
    await context.close().catch(() => {});
    throw e;
  }
};

/** Keeps a page that printed well for the next PDF, while its browser is the one in use; closes it otherwise. */
const giveBack = (kept: KeptPage, printed: boolean): void => {
  kept.prints++;
  const keep =
    printed &&
    !kept.crashed &&
    kept.prints < PRINTS_PER_PAGE &&
    pool.current === kept.browser &&
    kept.browser.isConnected() &&
    pool.idle.length < limits.concurrency;
  if (keep) pool.idle.push(kept);
  else kept.context.close().catch(() => {});
};

/** Prints an HTML page to PDF bytes. */
export const htmlToPdf = async (html: string): Promise<PdfResult> => {
  const executablePath = findChromium();
  if (!executablePath) return { ok: false, code: 'render.no-chromium', message: NO_CHROMIUM };
  if (!(await acquire())) return { ok: false, code: 'render.busy', message: PDF_BUSY };
  try {
    const kept = await takePage(await sharedBrowser(executablePath));
    let printed = false;
    try {
      const pdf = await printPage(kept.page, html);
      printed = true;
      return pdf;
    } finally {
      giveBack(kept, printed);
    }
  } finally {
    release();
  }
};

const printPage = async (page: Page, html: string): Promise<PdfResult> => {
  await page.setContent(withPageNumbers(html), { waitUntil: 'load', timeout: 60_000 });
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  pool.renders++;
  return ok(new Uint8Array(pdf));
};

export const writePdf = (input: RenderInput): Promise<PdfResult> => htmlToPdf(writeHtml(input));
