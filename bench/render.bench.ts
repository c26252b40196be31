/**
 * Render speed per report and format (.docx, HTML, .xlsx, PDF through Chromium) and .docx import speed,
 * for the composed report and the real sample; baseline in the same run: JSON.stringify of the model.
 * Scores and audit are computed once per report, outside the timings (`renderInput`).
 */
import { renderInput } from '../src/app/render-report.ts';
import type { DepartmentReport } from '../src/core/model/index.ts';
import { writeDocx } from '../src/formats/docx/write-docx.ts';
import { writeHtml } from '../src/formats/html/write-html.ts';
import { findChromium, writePdf } from '../src/formats/pdf/write-pdf.ts';
import { readReport } from '../src/formats/read-report.ts';
import { writeXlsx } from '../src/formats/xlsx/write-xlsx.ts';
import { composedReport } from '../test/fixtures/docx/composed-report.ts';
import { hasSeeds, seedBytes } from '../test/seed.ts';
import { median, ms, type Section, table, time } from './harness.ts';

const reports = async (): Promise<[string, DepartmentReport][]> => {
  const out: [string, DepartmentReport][] = [['composed (test/fixtures/docx)', composedReport()]];
  if (hasSeeds) {
    const r = await readReport(seedBytes());
    if (r.ok && r.report.kind === 'department') out.push(['real sample (seed)', r.report]);
  }
  return out;
};

export const run = async (): Promise<Section> => {
  const rows: string[][] = [];
  const pdf = findChromium() !== undefined;
  for (const [name, report] of await reports()) {
    const input = renderInput(report, { allowErrors: true });
    const docx = await writeDocx(input);
    const m = async (fn: () => unknown, runs = 15) => ms(median(await time(fn, runs)));
    rows.push([
      name,
      await m(() => JSON.stringify(report), 50),
      await m(() => writeHtml(input)),
      await m(() => writeDocx(input)),
      await m(() => writeXlsx(input)),
      pdf ? await m(() => writePdf(input), 5) : 'no chromium',
      await m(() => readReport(docx)),
      `${Math.round(docx.length / 1024)} KiB`,
    ]);
  }
  return {
    title: 'Render and .docx import (ms per report, median)',
    markdown: [
      table(
        [
          'report',
          'baseline JSON.stringify',
          'HTML',
          '.docx',
          '.xlsx',
          'PDF (Chromium, incl. launch)',
          '.docx import',
          '.docx size',
        ],
        rows,
      ),
      '',
      'PDF time includes launching Chromium for each report (one browser per `jixiao render`); a bulk renderer would keep one browser open.',
    ].join('\n'),
  };
};
