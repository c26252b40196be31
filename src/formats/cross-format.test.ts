/**
 * The same report in every input type reads to the same model: composed department reports and project
 * forms, written by the project's own writers (HTML, PDF through Chromium, .docx → .doc and .xlsx → .xls
 * through LibreOffice, all in one batch) and as a hand-made government-site page in GBK, each read back
 * and compared with the model read from the text export.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { govPageBytes } from '../../test/fixtures/cross/gov-page.ts';
import { modelData as departmentData } from '../../test/support/formats/model-data.ts';
import {
  fixtureText,
  modelData as projectData,
  readProject,
  textBytes,
} from '../../test/support/formats/project-forms.ts';
import { type SaveAs, saveAllAs } from '../../test/support/formats/save-as.ts';
import type { ProjectReport } from '../core/model/index.ts';
import { reportTitle } from './document/blocks/report-blocks.ts';
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

const PROJECT_FORMS = ['standard', 'sichuan'] as const;

const cleanBase = async () => {
  const text = new Uint8Array(
    readFileSync(new URL('../../test/fixtures/audit/clean-base.txt', import.meta.url)),
  );
  const read = await readReport(text);
  if (!read.ok || read.value.kind !== 'department') throw new Error('fixture not readable');
  return { report: read.value, docx: await writeDocx({ report: read.value, allowErrors: true }) };
};

/**
 * Everything this file has LibreOffice save (test/support/formats/save-as.ts), in one batch made by the
 * first test that asks: each project form's .docx as .doc and .xlsx as .xls, and clean-base.txt's .docx as
 * HTML and as .doc.
 */
let saved: Promise<Record<string, Uint8Array>> | undefined;
const savedByLibreOffice = (): Promise<Record<string, Uint8Array>> => {
  saved ??= (async () => {
    const jobs: (SaveAs & { name: string })[] = [];
    for (const name of PROJECT_FORMS) {
      const grid = projectFormGrid(await readProject(textBytes(fixtureText(`${name}.txt`))));
      jobs.push(
        {
          name: `${name}.doc`,
          bytes: await writeProjectDocx(grid),
          from: 'docx',
          to: 'doc:MS Word 97',
          viaOdt: true,
        },
        { name: `${name}.xls`, bytes: await writeProjectXlsx(grid), from: 'xlsx', to: 'xls:MS Excel 97' },
      );
    }
    const { docx } = await cleanBase();
    jobs.push(
      { name: 'clean-base.html', bytes: docx, from: 'docx', to: 'html:HTML (StarWriter)', viaOdt: true },
      { name: 'clean-base.doc', bytes: docx, from: 'docx', to: 'doc:MS Word 97', viaOdt: true },
    );
    const out = await saveAllAs(jobs);
    return Object.fromEntries(jobs.map((j, i) => [j.name, out[i]!]));
  })();
  return saved;
};

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
      const back = await readProject(pdf.value);
      expect(back.meta.format).toBe('pdf');
      expect(projectData(back)).toEqual(projectData(r));
    },
    180_000,
  );

  it.skipIf(!soffice).each(PROJECT_FORMS)(
    '%s: .doc and .xls',
    async (name) => {
      const r = await readProject(textBytes(fixtureText(`${name}.txt`)));
      const saved = await savedByLibreOffice();
      const doc = await readProject(saved[`${name}.doc`]!);
      expect(doc.meta.format).toBe('doc');
      expect(projectData(doc)).toEqual(projectData(r));
      const xls = await readProject(saved[`${name}.xls`]!);
      expect(xls.meta.format).toBe('xls');
      expect(projectData(xls)).toEqual(projectData(r));
    },
    300_000,
  );
});

describe.skipIf(!soffice)('a department report saved as a web page by an office suite', () => {
  it('clean-base.txt as .docx, saved as HTML by LibreOffice, reads as the .docx does but for the score table', async () => {
    const { docx } = await cleanBase();
    const fromDocx = await readReport(docx);
    const back = await readReport((await savedByLibreOffice())['clean-base.html']!);
    if (!back.ok || !fromDocx.ok) throw new Error(back.ok ? 'docx not readable' : back.message);
    if (back.value.kind !== 'department' || fromDocx.value.kind !== 'department') throw new Error('kind');
    expect(back.value.meta.format).toBe('html');
    // The score table is marked as derived in the .docx only (see read-pdf.test.ts); the page footer
    // (— 13 —) is left out.
    expect(back.value.otherNotes?.value).toBe(
      `${fromDocx.value.otherNotes?.value}\n附表：部门整体支出绩效自评评分表`,
    );
    expect(departmentData({ ...back.value, otherNotes: null })).toEqual(
      departmentData({ ...fromDocx.value, otherNotes: null }),
    );
  }, 300_000);
});

describe.skipIf(!soffice)('a department report as .doc', () => {
  it('clean-base.txt written to .docx, saved as .doc, reads as the text does', async () => {
    const { report } = await cleanBase();
    const back = await readReport((await savedByLibreOffice())['clean-base.doc']!);
    if (!back.ok) throw new Error(back.message);
    expect(back.value.meta.format).toBe('doc');
    expect(departmentData(back.value)).toEqual(
      departmentData({ ...report, title: { value: reportTitle(report) } }),
    );
  }, 300_000);
});
