/**
 * The report files a command line names. A shell expands `reports/*.docx` before jixiao sees it, but
 * Windows' cmd and PowerShell do not, and an auditor often simply has a folder: so a folder stands for
 * the report files in it (subfolders included), and a pattern that is not itself a file stands for the
 * files it matches, each sorted by path. Anything else stays as it is, so that reading it says what is
 * wrong (not found, no access).
 */
import { statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { READ_EXTENSIONS } from '../formats/extensions.ts';

/** What the readers read, by extension (in lower or upper case). */
const REPORT_FILES = `**/*.{${READ_EXTENSIONS.flatMap((e) => [e.slice(1), e.slice(1).toUpperCase()]).join(',')}}`;

/** Word's lock files (~$报告.docx) and hidden files are not reports. */
const isReport = (path: string): boolean => {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return !name.startsWith('~$') && !name.startsWith('.');
};

const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** What is at a path: a folder, something else, or nothing (one stat per argument). */
const kindOf = (path: string): 'folder' | 'other' | 'none' => {
  try {
    return statSync(path).isDirectory() ? 'folder' : 'other';
  } catch {
    return 'none';
  }
};

export const expandInputs = async (args: readonly string[]): Promise<string[]> => {
  const out: string[] = [];
  for (const arg of args) {
    const kind = kindOf(arg);
    if (kind === 'folder') {
      const found = await glob(REPORT_FILES, { cwd: arg, onlyFiles: true, dot: false });
      out.push(
        ...found
          .filter(isReport)
          .sort(byPath)
          .map((f) => join(arg, f)),
      );
      continue;
    }
    // A pattern as Windows passes it (back slashes), when no file of that name exists.
    const pattern = process.platform === 'win32' ? arg.replaceAll('\\', '/') : arg;
    if (kind === 'none' && isDynamicPattern(pattern)) {
      // Found as the pattern was written: relative to here, or absolute.
      const options = { onlyFiles: true, dot: false, expandDirectories: false, absolute: isAbsolute(arg) };
      const found = (await glob(pattern, options)).filter(isReport);
      if (found.length > 0) {
        out.push(...found.sort(byPath));
        continue;
      }
    }
    out.push(arg);
  }
  return out;
};
