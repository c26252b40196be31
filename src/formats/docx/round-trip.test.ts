import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composedReport } from '../../../test/fixtures/docx/composed-report.ts';
import { describeSeed, seedBytes } from '../../../test/seed.ts';
import { modelData } from '../../../test/support/formats/model-data.ts';
import type { DepartmentReport } from '../../core/model/index.ts';
import { reportTitle } from '../document/blocks/report-blocks.ts';
import { readReport } from '../read-report.ts';
import { writeDocx } from './write-docx.ts';

const roundTrip = async (report: DepartmentReport) => {
  const back = await readReport(await writeDocx({ report, allowErrors: true }));
  if (!back.ok) throw new Error(back.message);
  expect(back.value.meta.format).toBe('docx');
  // The rendered document always has a title: a report read without one gets the standard title.
  const expected = { ...report, title: { value: reportTitle(report) } };
  expect(modelData(back.value)).toEqual(modelData(expected));
  if (back.value.kind !== 'department') throw new Error('not a department report');
  return back.value;
};

describe('.docx round trip (render, then import)', () => {
  it('gives back the composed report', async () => {
    const back = await roundTrip(composedReport());
    // Sources point at paragraphs and table cells of the .docx.
    const cell = back.expenditureTable?.rows[0]?.budget?.src;
    expect(cell).toMatchObject({ table: expect.any(String), row: 1, column: 1, raw: '500.00' });
  });

  it('gives back a composed report with parts left out', async () => {
    const r = composedReport();
    await roundTrip({
      ...r,
      threePublic: null,
      achievements: null,
      problems: { problems: null, causes: null, measures: null },
    });
  });
});

const TEXT_FIXTURES = new URL('../../../test/fixtures/text/', import.meta.url);
const textFixtures = readdirSync(TEXT_FIXTURES).filter((f) => f.endsWith('.txt'));

describe('.docx round trip of the composed text reports (test/fixtures/text)', () => {
  it.each(textFixtures)('%s', async (name) => {
    const read = await readReport(new Uint8Array(readFileSync(new URL(name, TEXT_FIXTURES))));
    if (!read.ok || read.value.kind !== 'department') throw new Error(`${name} not readable`);
    await roundTrip(read.value);
  });
});

describeSeed('.docx round trip of the real sample report', () => {
  it('gives back the model read from the text export', async () => {
    const read = await readReport(seedBytes());
    if (!read.ok || read.value.kind !== 'department') throw new Error('seed not readable');
    await roundTrip(read.value);
  });
});
