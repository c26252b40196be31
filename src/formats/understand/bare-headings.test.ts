/**
 * Lines with neither a heading number nor a heading style, on a composed corpus report: a section's name
 * is a heading, a short sentence holding a section's words is not.
 */
import { describe, expect, it } from 'vitest';
import { corpus } from '../../../test/fixtures/corpus/corpus.ts';
import { withoutSources } from '../../../test/support/formats/text-reading.ts';
import type { DepartmentReport } from '../../core/model/index.ts';
import { readTextReport } from '../read/read-text.ts';

const base = new TextDecoder().decode(corpus().find((c) => c.name === 'hunan-health-2022')!.bytes);

const read = (text: string): DepartmentReport => {
  const r = readTextReport(text, { encoding: null });
  if (!r.ok || r.value.kind !== 'department') throw new Error('not read');
  return r.value;
};
const edited = (from: string, to: string): DepartmentReport => {
  expect(base).toContain(from);
  return read(base.replace(from, to));
};
/** The parts a misplaced heading would take apart, without line numbers (an added line moves them). */
const basics = (r: DepartmentReport) =>
  withoutSources({
    duties: r.duties.items,
    orgUnits: r.orgUnits,
    staffing: r.staffing,
    threePublic: r.threePublic,
  });
const sections = (r: DepartmentReport) => r.meta.warnings.map((w) => w.message);

describe('headings without a number or a style', () => {
  const before = read(base);

  it.each(['人员编制严格管理', '内设机构运转顺畅', '三公经费从严控制', '主要职责全部履行到位'])(
    'the short sentence %s stays body text',
    (sentence) => {
      const r = edited('（1）拟订全县', `${sentence}\n（1）拟订全县`);
      // The sentence is the text before the numbered duties, as any sentence there would be.
      expect(r.duties.intro).toBe(sentence);
      expect(basics(r)).toEqual(basics(before));
      expect(sections(r)).toEqual(sections(before));
    },
  );

  it('a section name on its own line is a heading', () => {
    const r = edited('二、机构和人员', '机构和人员');
    expect(basics(r)).toEqual(basics(before));
    expect(r.staffing.authorized?.value).toBe(23);
  });
});
