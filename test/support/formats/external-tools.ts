/** Helpers of the format tests: external converters (LibreOffice, poppler) and golden files. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** True when `cmd` runs; in CI (CI=true) a missing tool is a failure, elsewhere the test is skipped. */
export const hasTool = (cmd: string, args: string[] = ['--version']): boolean => {
  const ok = spawnSync(cmd, args, { stdio: 'ignore', timeout: 60_000 }).status === 0;
  if (!ok && process.env.CI === 'true') throw new Error(`${cmd} is required in CI (.ci/run installs it)`);
  if (!ok) console.warn(`[skip] ${cmd} not installed: its conversion tests are skipped`);
  return ok;
};

/** `pdftotext -layout` of a PDF file. */
export const pdfText = (pdf: string): string =>
  execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });

export const pdfPages = (pdf: string): number => {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
};

/** Compares `actual` with a golden file; UPDATE_GOLDEN=1 rewrites it. Returns the golden text. */
export const golden = (path: string, actual: string): string => {
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) writeFileSync(path, actual);
  return readFileSync(path, 'utf8');
};
