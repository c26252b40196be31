/** The reader is total: any input gives a model or one clear bilingual error, never an exception or a hang. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasSeeds, seedPath } from '../../../test/seed.ts';
import { fixtureBytes } from '../../../test/support/formats/text-reading.ts';
import { DepartmentReport } from '../../core/model/index.ts';
import { readTextReport } from '../read/read-text.ts';
import type { ReadResult } from '../read-result.ts';

const FIXTURES = ['county-env-2024.txt', 'city-transport-2022.txt', 'town-agri-2021.txt'].map((f) =>
  new TextDecoder().decode(fixtureBytes(f)),
);
const SOURCES = hasSeeds ? [...FIXTURES, readFileSync(seedPath(), 'utf8')] : FIXTURES;
const LINES = SOURCES.flatMap((s) => s.split('\n'));

/** What every result must look like; returns the time it took. */
const check = (text: string): number => {
  const t0 = performance.now();
  let r: ReadResult | undefined;
  expect(() => {
    r = readTextReport(text, { encoding: 'utf-8' });
  }).not.toThrow();
  const ms = performance.now() - t0;
  if (!r) throw new Error('no result');
  if (r.ok) {
    const parsed = DepartmentReport.safeParse(r.value);
    expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues[0])).toBe(true);
  } else {
    expect(r.code).not.toBe('read.internal');
    // One line, Chinese first, then English in parentheses.
    expect(r.message).not.toContain('\n');
    expect(r.message).toMatch(/^[^a-zA-Z(]*[\u4e00-\u9fa5].* \([a-zA-Z].*\)$/);
  }
  return ms;
};

const lineEnd = fc.constantFrom('\n', '\r\n', '\r');
const noiseLine = fc.oneof(
  fc.constantFrom(
    '',
    '\t',
    '\t\t',
    '   ',
    '\u3000',
    '[bookmark: _Toc1]',
    '（一）',
    '1.',
    '（1）',
    '单位：元',
    '其中：',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

describe('readTextReport on arbitrary input', () => {
  it('arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 500 }), fc.string({ unit: 'binary', maxLength: 500 })),
        (s) => {
          check(s);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('random soups of report lines and noise', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...LINES) }, { weight: 1, arbitrary: noiseLine }),
          {
            maxLength: 400,
          },
        ),
        lineEnd,
        (lines, eol) => {
          check(lines.join(eol));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reports cut anywhere and with lines dropped: a model or an error, fast', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SOURCES),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (text, cut, drops) => {
          const lines = text.slice(0, Math.floor(text.length * cut)).split('\n');
          for (const d of drops) if (lines.length) lines.splice(d % lines.length, 1);
          expect(check(lines.join('\n'))).toBeLessThan(1000);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a huge single line and deep heading runs finish quickly', () => {
    expect(check('（1）'.repeat(50_000))).toBeLessThan(2000);
    expect(check(`${'1'.repeat(100_000)}万元`)).toBeLessThan(2000);
    expect(check(`\t${'2'.repeat(50_000)}\n\n\t项目`)).toBeLessThan(2000);
    expect(check(`三公经费${'3'.repeat(100_000)}，内设机构${'4'.repeat(100_000)}`)).toBeLessThan(2000);
    expect(check(`（1）结转结余率。${'5'.repeat(100_000)}%`)).toBeLessThan(2000);
    expect(check(`${'一'.repeat(100_000)}\t${'二'.repeat(100_000)}`)).toBeLessThan(2000);
    expect(check(`（一）${'[bookmark: '.repeat(30_000)}`)).toBeLessThan(2000);
    expect(
      check(Array.from({ length: 5000 }, (_, i) => `（${i}）指标总分${i}分，自评得分${i}分。`).join('\n')),
    ).toBeLessThan(2000);
  });
});

describe('bad input gives the expected error', () => {
  const err = (text: string) => {
    const r = readTextReport(text, { encoding: 'utf-8' });
    return r.ok ? null : r;
  };
  it('empty or blank', () => {
    expect(err('')?.code).toBe('read.empty');
    expect(err(' \n\t\n\u3000\n')?.code).toBe('read.empty');
  });
  it('another document says where reading stopped', () => {
    const e = err('会议纪要\n一、会议时间\n二、参会人员\n三、会议内容\n');
    expect(e?.code).toBe('read.not-a-report');
    expect(e?.message).toContain('第4行');
    expect(e?.message).toContain('line 4');
  });
  it('a report cut before its tables is read, with one finding naming what is missing', () => {
    const text = FIXTURES[0]!;
    const r = readTextReport(text.slice(0, text.indexOf('2024年部门整体支出情况表')), { encoding: 'utf-8' });
    if (!r.ok || r.value.kind !== 'department') throw new Error('not read');
    expect(r.value.staffing.authorized?.value).toBe(22);
    const found = r.value.meta.warnings.filter((w) => /missing|incomplete/.test(w.rule));
    expect(found.map((w) => w.rule)).toEqual(['read.incomplete']);
    expect(found[0]?.message).toMatch(/^报告不完整（读到第\d+行）：未找到.*“绩效自评结论”.*“部门整体支出表”/);
  });
});
