/**
 * The report as PDF: the HTML page printed by headless Chromium (Debian's `chromium`) through
 * playwright-core. Never downloads a browser; without Chromium it says what to install.
 *
 * One browser for the whole process, each PDF in a context of its own, at most `concurrency` at once and
 * `maxWaiting` more queued; beyond that a request is refused at once (`render.busy`) instead of piling
 * up Chromium processes. The browser stays open while someone holds it (the server, `holdPdfBrowser`)
 * and closes when the last PDF is done otherwise (the CLI exits when its work is done).
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
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

/** GB/T 9704 page numbers: "— 1 —", 四号, at the bottom. */
const FOOTER = `<div style="width:100%;font-size:14pt;font-family:SimSun,'Noto Serif CJK SC',serif;text-align:center;">— <span class="pageNumber"></span> —</div>`;

export const PDF_BUSY = '同时生成 PDF 的请求过多，请稍后再试 (too many PDF requests at once; retry shortly)';

const limits = { concurrency: 2, maxWaiting: 16 };
const pool = {
  browser: null as Promise<Browser> | null,
  running: 0,
  waiting: [] as (() => void)[],
  holds: 0,
  launches: 0,
  renders: 0,
};

/** How many PDFs print at once (2 cores: 2) and how many more may wait. */
export const configurePdf = (options: Partial<typeof limits>): void => {
  Object.assign(limits, options);
};

/** Browsers launched and PDFs printed by this process (for tests and the bench). */
export const pdfStats = (): { launches: number; renders: number; running: number; waiting: number } => ({
  launches: pool.launches,
  renders: pool.renders,
  running: pool.running,
  waiting: pool.waiting.length,
});

const closeIfIdle = (): void => {
  if (pool.running > 0 || pool.holds > 0 || !pool.browser) return;
  const b = pool.browser;
  pool.browser = null;
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
      if (pool.browser === launched) pool.browser = null;
    };
    launched.then((b) => b.on('disconnected', forget), forget);
  }
  return pool.browser;
};

/** Prints an HTML page to PDF bytes. */
export const htmlToPdf = async (html: string): Promise<PdfResult> => {
  const executablePath = findChromium();
  if (!executablePath) return { ok: false, code: 'render.no-chromium', message: NO_CHROMIUM };
  if (!(await acquire())) return { ok: false, code: 'render.busy', message: PDF_BUSY };
  try {
    const context = await (await sharedBrowser(executablePath)).newContext();
    try {
      return await printPage(context, html);
    } finally {
      await context.close().catch(() => {});
    }
  } finally {
    release();
  }
};

const printPage = async (
  context: Awaited<ReturnType<Browser['newContext']>>,
  html: string,
): Promise<PdfResult> => {
  const page = await context.newPage();
  // No network: the page is self-contained, anything else it asks for is refused.
  await page.route('**/*', (route) => route.abort());
  await page.setContent(html, { waitUntil: 'load', timeout: 60_000 });
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({
    format: 'A4',
    preferCSSPageSize: true,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: FOOTER,
  });
  pool.renders++;
  return ok(new Uint8Array(pdf));
};

export const writePdf = (input: RenderInput): Promise<PdfResult> => htmlToPdf(writeHtml(input));
