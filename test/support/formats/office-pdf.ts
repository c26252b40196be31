/** PDFs as an office suite exports them, for the PDF reader's tests (LibreOffice must be installed). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A .docx printed to PDF by LibreOffice, as Word and WPS export: borders as lines, a footer page number. */
export const officePdf = (docx: Uint8Array): Uint8Array => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-lopdf-'));
  try {
    writeFileSync(join(dir, 'r.docx'), docx);
    const args = [
      `-env:UserInstallation=file://${dir}/p`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      dir,
    ];
    execFileSync('soffice', [...args, join(dir, 'r.docx')], { stdio: 'ignore', timeout: 180_000 });
    return new Uint8Array(readFileSync(join(dir, 'r.pdf')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
