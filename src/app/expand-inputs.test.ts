import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countInputs, expandInputs, inputFiles } from './expand-inputs.ts';

/** A folder of reports as an auditor keeps them, with the things that are not reports. */
const folder = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-inputs-'));
  mkdirSync(join(dir, '2023'));
  const files = ['b.docx', 'a.txt', 'C.XLSX', '2023/d.json', '~$b.docx', '.hidden.txt', 'photo.png'];
  // Saved from websites, scanned or exported to PDF, and older Office and WPS files.
  files.push('2023/e.html', '2023/f.PDF', 'g.doc', 'h.wps', 'i.xls', 'j.mhtml', 'k.htm');
  for (const f of files) writeFileSync(join(dir, f), 'x');
  return dir;
};

describe('expandInputs', () => {
  it('takes a folder as the report files in it, subfolders included, sorted; no lock or hidden files', async () => {
    const dir = folder();
    expect(await expandInputs([dir])).toEqual(
      [
        '2023/d.json',
        '2023/e.html',
        '2023/f.PDF',
        'C.XLSX',
        'a.txt',
        'b.docx',
        'g.doc',
        'h.wps',
        'i.xls',
        'j.mhtml',
        'k.htm',
      ].map((f) => join(dir, f)),
    );
  });

  it('takes a pattern the shell left alone as the files it matches, in order of the arguments', async () => {
    const dir = folder();
    expect(await expandInputs([join(dir, '*.docx'), join(dir, '**/*.json')])).toEqual([
      join(dir, 'b.docx'),
      join(dir, '2023/d.json'),
    ]);
  });

  it('keeps a file, a missing file and a pattern that matches nothing as they are', async () => {
    const dir = folder();
    const args = [join(dir, 'a.txt'), join(dir, 'missing.txt'), join(dir, '*.rtf')];
    expect(await expandInputs(args)).toEqual(args);
  });

  it('sorts by whole path: a file a.txt before the folder a/, a-x/ before a.b/', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-inputs-'));
    for (const d of ['a', 'a-x', 'a.b', 'A']) mkdirSync(join(dir, d));
    const files = ['a.txt', 'a/x.txt', 'a-x/q.xlsx', 'a.b/y.docx', 'A/z.TXT', 'a0.txt', 'b.Txt', '[x].txt'];
    for (const f of files) writeFileSync(join(dir, f), 'x');
    const want = files
      .filter((f) => f !== 'b.Txt')
      .sort()
      .map((f) => join(dir, f));
    expect(await expandInputs([dir])).toEqual(want);
    expect(countInputs([dir])).toBe(want.length);
  });

  it.skipIf(process.platform === 'win32')(
    'follows a symbolic link to a folder, but not back into a folder it is walking',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'jixiao-inputs-'));
      mkdirSync(join(dir, 'a'));
      mkdirSync(join(dir, 'loop'));
      writeFileSync(join(dir, 'a/x.txt'), 'x');
      writeFileSync(join(dir, 'loop/l.txt'), 'x');
      symlinkSync('../a', join(dir, 'loop/link'));
      symlinkSync('..', join(dir, 'loop/up'));
      expect([...inputFiles([dir])]).toEqual(
        ['a/x.txt', 'loop/l.txt', 'loop/link/x.txt'].map((f) => join(dir, f)),
      );
    },
  );

  it('walks a folder as the files are asked for', () => {
    const dir = folder();
    mkdirSync(join(dir, 'zz'));
    const files = inputFiles([dir]);
    expect(files.next().value).toBe(join(dir, '2023/d.json'));
    // A file added to a folder not yet listed is found: that folder is listed only when it is reached.
    writeFileSync(join(dir, 'zz/late.txt'), 'x');
    expect([...files].at(-1)).toBe(join(dir, 'zz/late.txt'));
  });
});
