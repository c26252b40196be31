import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { govPageBytes } from '../../../test/fixtures/cross/gov-page.ts';
import { composedReport } from '../../../test/fixtures/docx/composed-report.ts';
import { modelData } from '../../../test/support/formats/model-data.ts';
import type { DepartmentReport } from '../../core/model/index.ts';
import { reportTitle } from '../document/blocks/report-blocks.ts';
import { readReport } from '../read-report.ts';
import { writeHtml } from './write-html.ts';

const roundTrip = async (report: DepartmentReport) => {
  const bytes = new TextEncoder().encode(writeHtml({ report, allowErrors: true }));
  const back = await readReport(bytes);
  if (!back.ok) throw new Error(back.message);
  expect(back.value.meta.format).toBe('html');
  const expected = { ...report, title: { value: reportTitle(report) } };
  expect(modelData(back.value)).toEqual(modelData(expected));
  return back.value;
};

const TEXT_FIXTURES = new URL('../../../test/fixtures/text/', import.meta.url);
const textFixtures = readdirSync(TEXT_FIXTURES).filter((f) => f.endsWith('.txt'));

describe('HTML round trip (the project writer’s page, then import)', () => {
  it('gives back the composed report, with sources at table cells', async () => {
    const back = await roundTrip(composedReport());
    if (back.kind !== 'department') throw new Error('not a department report');
    expect(back.expenditureTable?.rows[0]?.budget?.src).toMatchObject({
      table: expect.any(String),
      row: 1,
      column: 1,
    });
  });

  it.each(textFixtures)('%s', async (name) => {
    const read = await readReport(new Uint8Array(readFileSync(new URL(name, TEXT_FIXTURES))));
    if (!read.ok || read.value.kind !== 'department') throw new Error(`${name} not readable`);
    await roundTrip(read.value);
  });
});

describe('a report on a government website (GBK, chrome, layout table, spans)', () => {
  const fixtures = [
    new URL('../../../test/fixtures/audit/clean-base.txt', import.meta.url),
    ...textFixtures.filter((f) => !f.includes('gb18030')).map((f) => new URL(f, TEXT_FIXTURES)),
  ];
  it.each(fixtures.map((u) => [u.pathname.split('/').pop(), u] as const))('%s', async (_, url) => {
    const text = readFileSync(url, 'utf8');
    const expected = await readReport(new TextEncoder().encode(text));
    const read = await readReport(govPageBytes(text));
    if (!expected.ok || !read.ok) throw new Error(read.ok ? 'fixture not readable' : read.message);
    expect(read.value.meta.encoding).toBe('gb18030');
    expect(modelData(read.value)).toEqual(modelData(expected.value));
  });
});
