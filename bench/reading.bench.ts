/**
 * Reading accuracy and speed on the composed corpus (test/fixtures/corpus): per report, the golden fields
 * read right out of those present, the error findings the audit gives on it (every corpus report is
 * meant to be clean: goal 0), and the median time to read its text.
 */
import { auditReport } from '../src/core/audit/index.ts';
import { readReport } from '../src/formats/read-report.ts';
import { corpus } from '../test/fixtures/corpus/corpus.ts';
import { wrongFields } from '../test/fixtures/corpus/fields.ts';
import { median, ms, type Section, table, time } from './harness.ts';

export const run = async (): Promise<Section> => {
  const rows: string[][] = [];
  let right = 0;
  let present = 0;
  let errors = 0;
  const times: number[] = [];
  for (const c of corpus()) {
    const r = await readReport(c.bytes);
    const fields = Object.keys(c.golden.fields).length;
    const wrong = r.ok ? wrongFields(r.value, c.golden).length : fields;
    const errs = r.ok ? auditReport(r.value).filter((f) => f.severity === 'error') : [];
    const t = median(await time(() => readReport(c.bytes), 50, 10));
    right += fields - wrong;
    present += fields;
    errors += errs.length;
    times.push(t);
    rows.push([
      c.name,
      r.ok ? r.value.kind : `(${r.code})`,
      `${fields - wrong} / ${fields}`,
      String(errs.length) + (errs.length ? ` (${[...new Set(errs.map((e) => e.rule))].join(', ')})` : ''),
      ms(t),
    ]);
  }
  rows.push(['**all**', '', `**${right} / ${present}**`, `**${errors}**`, `**${ms(median(times))}** median`]);
  return {
    title: 'Reading: text of any shape (composed corpus)',
    markdown: [
      'Each report of test/fixtures/corpus (部门整体 reports, 项目支出 forms and a narrative project report in',
      "several provinces' house styles and text shapes) read with `readReport`: golden fields read right",
      'out of those present, error findings of `auditReport` on it (goal 0), and the median read time',
      '(goal < 5 ms).',
      '',
      table(['report', 'kind', 'fields right', 'error findings', 'read ms'], rows),
    ].join('\n'),
  };
};
