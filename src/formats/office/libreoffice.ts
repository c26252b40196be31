/**
 * Converting old Office files (.doc, .wps, .xls, .rtf) to .docx/.xlsx with LibreOffice, when `soffice` is
 * installed: headless, with a profile folder of its own (a user's open LibreOffice is not disturbed, nor
 * disturbs it), one conversion at a time per process, killed with its children past a time limit.
 *
 * Starting LibreOffice is most of a conversion's time, so after the first one an office is started ahead
 * on the same profile (resident-office.ts): the next `soffice --convert-to` hands its file to it through
 * LibreOffice's own single-instance pipe and returns when the file is written.
 */

import { spawn } from 'node:child_process';
import {
  accessSync,
  constants,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { failure, type Result } from '../../core/result.ts';
import { keepOfficeRunning, officeTakesConversion, stopOffice } from './resident-office.ts';

export const CONVERT_TIME_LIMIT_MS = 60_000;

/** The converted file's bytes, or why there are none. */
export type Converted = Result<Uint8Array>;

/** The soffice to run: $JIXIAO_SOFFICE, else the first on PATH; undefined when there is none. */
export const findSoffice = (): string | undefined => {
  const candidates = process.env.JIXIAO_SOFFICE
    ? [process.env.JIXIAO_SOFFICE]
    : (process.env.PATH ?? '').split(delimiter).map((d) => join(d, 'soffice'));
  return candidates.find((p) => {
    try {
      accessSync(p, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
};

/** The Debian package that gives LibreOffice the filter for a kind of file. */
const PACKAGE = { docx: 'libreoffice-writer', xlsx: 'libreoffice-calc' } as const;

let profile: string | null = null;
let queue: Promise<unknown> = Promise.resolve();

const profileDir = (): string => {
  if (!profile) {
    profile = mkdtempSync(join(tmpdir(), 'jixiao-lo-profile-'));
    const dir = profile;
    process.once('exit', () => {
      // The office kept running may still be writing its profile as the process ends; what is left
      // then stays in the temporary folder rather than failing the exit.
      try {
        rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 20 });
      } catch {}
    });
  }
  return profile;
};

const run = (soffice: string, args: string[], ms: number): Promise<'done' | 'failed' | 'timeout'> =>
  new Promise((resolve) => {
    // Its own process group, so that a timeout ends soffice.bin too, not only the launcher script.
    const child = spawn(soffice, args, { detached: true, stdio: 'ignore' });
    const timer = setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      resolve('timeout');
    }, ms);
    child.on('error', () => {
      clearTimeout(timer);
      resolve('failed');
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0 ? 'done' : 'failed');
    });
  });

const convertNow = async (
  bytes: Uint8Array,
  ext: string,
  to: 'docx' | 'xlsx',
  ms: number,
): Promise<Converted> => {
  const soffice = findSoffice();
  if (!soffice) {
    return failure(
      'read.no-libreoffice',
      `读取 .${ext} 文件需要 LibreOffice：apt-get install -y ${PACKAGE[to]}（或另存为 .${to} 后再导入）`,
      `reading .${ext} needs LibreOffice: apt-get install -y ${PACKAGE[to]}, or save it as .${to}`,
    );
  }
  const work = mkdtempSync(join(tmpdir(), 'jixiao-lo-'));
  const profileUrl = pathToFileURL(profileDir()).href;
  try {
    const input = join(work, `report.${ext}`);
    const out = join(work, 'out');
    mkdirSync(out);
    writeFileSync(input, bytes);
    officeTakesConversion();
    const filter = to === 'docx' ? 'docx:MS Word 2007 XML' : 'xlsx:Calc MS Excel 2007 XML';
    const result = await run(
      soffice,
      [
        `-env:UserInstallation=${profileUrl}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        '--nodefault',
        '--nologo',
        '--convert-to',
        filter,
        '--outdir',
        out,
        input,
      ],
      ms,
    );
    if (result === 'timeout') {
      // The file may be stuck inside the kept office: end it too; the next conversion starts afresh.
      stopOffice();
      return failure(
        'read.convert-timeout',
        `LibreOffice 在 ${ms / 1000} 秒内未能转换 .${ext} 文件，文件可能已损坏`,
        `LibreOffice did not convert the .${ext} file within ${ms / 1000} s`,
      );
    }
    const made = readdirSync(out).find((f) => f.endsWith(`.${to}`));
    if (result !== 'done' || !made) {
      return failure(
        'read.convert-failed',
        `LibreOffice 无法打开这个 .${ext} 文件，文件可能已损坏或加密`,
        `LibreOffice could not open the .${ext} file (damaged or encrypted)`,
      );
    }
    keepOfficeRunning(soffice, profileUrl);
    return { ok: true, value: new Uint8Array(readFileSync(join(out, made))) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};

/** Converts `bytes` (a file of extension `ext`) to .docx or .xlsx; never throws for a bad file. */
export const convertWithLibreOffice = (
  bytes: Uint8Array,
  ext: string,
  to: 'docx' | 'xlsx',
  ms = CONVERT_TIME_LIMIT_MS,
): Promise<Converted> => {
  const next = queue.then(() => convertNow(bytes, ext, to, ms));
  queue = next.catch(() => undefined);
  return next;
};
