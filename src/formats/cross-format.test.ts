/**
 * The same report in every input type reads to the same model: composed department reports and project
 * forms, written by the project's own writers (HTML, PDF through Chromium, .docx → .doc and .xlsx → .xls
 * through LibreOffice) and as a hand-made government-site page in GBK, each read back and compared with
 * the model read from the text export.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { govPageBytes } from '../../test/fixtures/cross/gov-page.ts';
import { modelData as departmentData } from '../../test/support/formats/model-data.ts';
import {
  fixtureText,
  modelData as projectData,
  readProject,
  textBytes,
} from '../../test/support/formats/project-forms.ts';
import type { ProjectReport } from '../core/model/index.ts';
import { reportTitle } from './docx/report-blocks.ts';
import { writeDocx } from './docx/write-docx.ts';
import { findSoffice } from './office/libreoffice.ts';
import { findChromium, htmlToPdf } from './pdf/write-pdf.ts';
import { projectFormGrid } from './project/form-rows.ts';
import { writeProjectDocx } from './project/write-project-docx.ts';
import { writeProjectHtml } from './project/write-project-html.ts';
import { writeProjectXlsx } from './project/write-project-xlsx.ts';
import { readReport } from './read-report.ts';

const soffice = findSoffice();
const chromium = findChromium();

/**
 * Saves `bytes` (a .docx or .xlsx) in an older format with LibreOffice, as a user's old file was made.
 * A .docx goes through .odt first: LibreOffice 7.4 saving the project form's .docx straight to .doc
 * writes its table as one paragraph (its own text export of that .doc shows the same), a fault of that
 * export and not of reading .doc.
 */
const saveAs = (bytes: Uint8Array, from: 'docx' | 'xlsx', filter: string): Uint8Array => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-cross-'));
  const convert = (file: string, to: string) =>
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        to,
        '--outdir',
        dir,
        join(dir, file),
      ],
      { stdio: 'ignore', timeout: 180_000 },
    );
  try {
    writeFileSync(join(dir, `in.${from}`), bytes);
    if (from === 'docx') convert('in.docx', 'odt');
    convert(from === 'docx' ? 'in.odt' : `in.${from}`, filter);
    return new Uint8Array(readFileSync(join(dir, `in.${filter.split(':')[0]}`)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

const PROJECT_FORMS = ['standard', 'sichuan'] as const;

describe('project forms in every input type', () => {
  const render = {
    html: async (r: ProjectReport) => textBytes(writeProjectHtml(projectFormGrid(r))),
    'government page (GBK)': async (_: ProjectReport, text: string) => govPageBytes(text),
  };
  for (const name of PROJECT_FORMS) {
    for (const [format, make] of Object.entries(render)) {
      it(`${name}: ${format}`, async () => {
        const text = fixtureText(`${name}.txt`);
        const r = await readProject(textBytes(text));
        const back = await readProject(await make(r, text));
        expect(back.meta.format).toBe('html');
        expect(projectData(back)).toEqual(projectData(r));
      });
    }
  }

  it.skipIf(!chromium).each(PROJECT_FORMS)(
    '%s: pdf',
    async (name) => {
      const r = await readProject(textBytes(fixtureText(`${name}.txt`)));
      const pdf = await htmlToPdf(writeProjectHtml(projectFormGrid(r)));
      if (!pdf.ok) throw new Error(pdf.message);
      const back = await readProject(pdf.bytes);
      expect(back.meta.format).toBe('pdf');
      expect(projectData(back)).toEqual(projectData(r));
    },
    180_000,
  );

  it.skipIf(!soffice).each(PROJECT_FORMS)(
    '%s: .doc and .xls',
    async (name) => {
      const r = await readProject(textBytes(fixtureText(`${name}.txt`)));
      const doc = await readProject(
        saveAs(await writeProjectDocx(projectFormGrid(r)), 'docx', 'doc:MS Word 97'),
      );
      expect(doc.meta.format).toBe('doc');
      expect(projectData(doc)).toEqual(projectData(r));
      const xls = await readProject(
        saveAs(await writeProjectXlsx(projectFormGrid(r)), 'xlsx', 'xls:MS Excel 97'),
      );
      expect(xls.meta.format).toBe('xls');
      expect(projectData(xls)).toEqual(projectData(r));
    },
    300_000,
  );
});

describe.skipIf(!soffice)('a department report saved as a web page by an office suite', () => {
  it('clean-base.txt as .docx, saved as HTML by LibreOffice, reads as the .docx does but for the score table', async () => {
    const text = new Uint8Array(
      readFileSync(new URL('../../test/fixtures/audit/clean-base.txt', import.meta.url)),
    );
    const read = await readReport(text);
    if (!read.ok || read.report.kind !== 'department') throw new Error('fixture not readable');
    const docx = await writeDocx({ report: read.report, allowErrors: true });
    const fromDocx = await readReport(docx);
    const back = await readReport(saveAs(docx, 'docx', 'html:HTML (StarWriter)'));
    if (!back.ok || !fromDocx.ok) throw new Error(back.ok ? 'docx not readable' : back.error.message);
    if (back.report.kind !== 'department' || fromDocx.report.kind !== 'department') throw new Error('kind');
    expect(back.report.meta.format).toBe('html');
    // The score table is marked as derived in the .docx only (see read-pdf.test.ts); the page footer
    // (— 13 —) is left out.
    expect(back.report.otherNotes?.value).toBe(
      `${fromDocx.report.otherNotes?.value}\n附表：部门整体支出绩效自评评分表`,
    );
    expect(departmentData({ ...back.report, otherNotes: null })).toEqual(
      departmentData({ ...fromDocx.report, otherNotes: null }),
    );
  }, 300_000);
});

describe.skipIf(!soffice)('a department report as .doc', () => {
  it('clean-base.txt written to .docx, saved as .doc, reads as the text does', async () => {
    const text = new Uint8Array(
      readFileSync(new URL('../../test/fixtures/audit/clean-base.txt', import.meta.url)),
    );
    const read = await readReport(text);
    if (!read.ok || read.report.kind !== 'department') throw new Error('fixture not readable');
    const doc = saveAs(await writeDocx({ report: read.report, allowErrors: true }), 'docx', 'doc:MS Word 97');
    const back = await readReport(doc);
    if (!back.ok) throw new Error(back.error.message);
    expect(back.report.meta.format).toBe('doc');
    expect(departmentData(back.report)).toEqual(
      departmentData({ ...read.report, title: { value: reportTitle(read.report) } }),
    );
  }, 300_000);
});
