/**
 * The same report with its tables in every text shape people paste (the .docx text export with TAB-led
 * cells, TAB-separated rows, `a | b` rows, one cell per line with blank lines between rows) reads to the
 * same fields, for any table of the corpus report and any mix of shapes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpus } from '../../../test/fixtures/corpus/corpus.ts';
import { fieldsOf } from '../../../test/fixtures/corpus/fields.ts';
import { readTextReport } from '../read/read-text.ts';

const SHAPES = ['export', 'tsv', 'pipe', 'lines'] as const;
type Shape = (typeof SHAPES)[number];

/** The report's `|` tables as blocks of rows; everything else kept as lines. */
type Part = { kind: 'line'; text: string } | { kind: 'table'; rows: string[][] };
const parts = (text: string): Part[] => {
  const out: Part[] = [];
  for (const line of text.split('\n')) {
    if (/^\|.*\|$/.test(line.trim())) {
      const cells = line
        .trim()
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim());
      if (cells.every((c) => /^-+$/.test(c))) continue;
      const last = out.at(-1);
      if (last?.kind === 'table') last.rows.push(cells);
      else out.push({ kind: 'table', rows: [cells] });
    } else out.push({ kind: 'line', text: line });
  }
  return out;
};

const render = (rows: string[][], shape: Shape): string => {
  switch (shape) {
    case 'export':
      return `${rows.map((r) => r.map((c) => `\t${c}`).join('\n')).join('\n\n')}\n\n`;
    case 'tsv':
      return rows.map((r) => r.join('\t')).join('\n');
    case 'pipe':
      return rows.map((r) => `| ${r.join(' | ')} |`).join('\n');
    case 'lines':
      return `\n${rows.map((r) => r.join('\n')).join('\n\n')}\n`;
  }
};

const source = corpus().find((c) => c.name === 'yunnan-forestry-2023')!;
const text = new TextDecoder().decode(source.bytes);
const split = parts(text);
const tableCount = split.filter((p) => p.kind === 'table').length;

const readWith = (shapes: readonly Shape[]) => {
  let t = 0;
  const out = split
    .map((p) => (p.kind === 'line' ? p.text : render(p.rows, shapes[t++ % shapes.length]!)))
    .join('\n');
  const r = readTextReport(out, { encoding: 'utf-8' });
  if (!r.ok) throw new Error(r.message);
  return fieldsOf(r.value);
};

describe('text shapes', () => {
  it('the corpus report has tables to reshape', () => {
    expect(tableCount).toBeGreaterThanOrEqual(2);
  });

  it.each(SHAPES)('every table as %s reads to the golden fields', (shape) => {
    const got = readWith([shape]);
    for (const [k, v] of Object.entries(source.golden.fields)) expect([k, got[k]]).toEqual([k, v]);
  });

  it('any mix of shapes reads the same', () => {
    const base = readWith(['pipe']);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SHAPES), { minLength: 1, maxLength: tableCount }), (shapes) => {
        expect(readWith(shapes)).toEqual(base);
      }),
      { numRuns: 40 },
    );
  });
});
