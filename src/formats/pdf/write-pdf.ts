/**
 * The report as PDF: the HTML page printed by headless Chromium (Debian's `chromium`) through
 * playwright-core. Never downloads a browser; without Chromium it says what to install.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { RenderInput } from '../docx/render-input.ts';
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

export type PdfResult = { ok: true; bytes: Uint8Array } | { ok: false; code: string; message: string };

export const NO_CHROMIUM =
  '生成 PDF 需要 Chromium 和中文字体：apt-get install -y chromium fonts-noto-cjk (PDF needs Chromium and CJK fonts: apt-get install -y chromium fonts-noto-cjk)';

/** GB/T 9704 page numbers: "— 1 —", 四号, at the bottom. */
const FOOTER = `<div style="width:100%;font-size:14pt;font-family:SimSun,'Noto Serif CJK SC',serif;text-align:center;">— <span class="pageNumber"></span> —</div>`;

/** Prints an HTML page to PDF bytes. */
export const htmlToPdf = async (html: string): Promise<PdfResult> => {
  const executablePath = findChromium();
  if (!executablePath) return { ok: false, code: 'render.no-chromium', message: NO_CHROMIUM };
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 60_000 });
  try {
    const page = await browser.newPage();
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
    return { ok: true, bytes: new Uint8Array(pdf) };
  } finally {
    await browser.close();
  }
};

export const writePdf = (input: RenderInput): Promise<PdfResult> => htmlToPdf(writeHtml(input));
