import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs } from './expand-inputs.ts';

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
});
