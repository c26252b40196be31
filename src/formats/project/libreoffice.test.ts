/** A written project form saved again by another office suite (LibreOffice: .docx → .odt → .docx) still reads the same. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasTool } from '../../../test/support/formats/external-tools.ts';
import {
  fixtureText,
  modelData,
  readProject,
  textBytes,
} from '../../../test/support/formats/project-forms.ts';
import { projectFormGrid } from './form-rows.ts';
import { writeProjectDocx } from './write-project-docx.ts';

const soffice = hasTool('soffice');

describe.skipIf(!soffice)('LibreOffice re-save', () => {
  it('the Sichuan form written, converted to .odt and back to .docx, reads as before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-lo-'));
    const r = await readProject(textBytes(fixtureText('sichuan.txt')));
    writeFileSync(join(dir, 'form.docx'), await writeProjectDocx(projectFormGrid(r)));
    const convert = (to: string, file: string, out: string) =>
      execFileSync('soffice', ['--headless', '--convert-to', to, file, '--outdir', out], {
        stdio: 'ignore',
        timeout: 120_000,
      });
    convert('odt', join(dir, 'form.docx'), dir);
    convert('docx:MS Word 2007 XML', join(dir, 'form.odt'), join(dir, 'back'));
    const back = await readProject(new Uint8Array(readFileSync(join(dir, 'back', 'form.docx'))));
    expect(modelData(back)).toEqual(modelData(r));
  }, 240_000);
});
