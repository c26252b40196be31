import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs } from './expand-inputs.ts';

/** A folder of reports as an auditor keeps them, with the things that are not reports. */
const folder = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-inputs-'));
  mkdirSync(join(dir, '2023'));
  for (const f of ['b.docx', 'a.txt', 'C.XLSX', '2023/d.json', '~$b.docx', '.hidden.txt', 'notes.pdf'])
    writeFileSync(join(dir, f), 'x');
  return dir;
};

describe('expandInputs', () => {
  it('takes a folder as the report files in it, subfolders included, sorted; no lock or hidden files', async () => {
    const dir = folder();
    expect(await expandInputs([dir])).toEqual(
      ['2023/d.json', 'C.XLSX', 'a.txt', 'b.docx'].map((f) => join(dir, f)),
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
    const args = [join(dir, 'a.txt'), join(dir, 'missing.txt'), join(dir, '*.doc')];
    expect(await expandInputs(args)).toEqual(args);
  });
});
