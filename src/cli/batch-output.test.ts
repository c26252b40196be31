import { describe, expect, it } from 'vitest';
import { csvCell, csvHead, csvLine, jsonArray, type Out, summaryText } from './batch-output.ts';

const collect = (): Out & { text: () => string } => {
  let s = '';
  return {
    write: (c) => {
      s += c;
    },
    ready: () => undefined,
    text: () => s,
  };
};

describe('jsonArray', () => {
  it('writes the same bytes as JSON.stringify(all, null, 2), element by element', () => {
    const cases: unknown[][] = [
      [],
      [{ file: 'a', findings: [] }],
      [
        { file: 'a\nb "c"', findings: [{ rule: 'x', severity: 'error', locations: [{ line: 2 }] }] },
        { file: '报告.txt', findings: [] },
        [1, [2, {}]],
      ],
    ];
    for (const all of cases) {
      const out = collect();
      const a = jsonArray(out);
      for (const x of all) a.item(x);
      a.end();
      expect(out.text()).toBe(`${JSON.stringify(all, null, 2)}\n`);
    }
  });
});

describe('CSV', () => {
  it('starts with a UTF-8 byte order mark and the Chinese header', () => {
    expect(csvHead().startsWith('\uFEFF文件,单位,年度,类型,自评总分,复核总分')).toBe(true);
    expect(csvHead().endsWith('\r\n')).toBe(true);
  });

  it('quotes commas, quotes and line breaks, and keeps text from running as a formula', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "x"')).toBe('"say ""x"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell('=1+1', true)).toBe("'=1+1");
    expect(csvCell('-3.5')).toBe('-3.5');
    expect(csvCell(null)).toBe('');
    expect(
      csvLine({
        file: 'r,1.txt',
        facts: {
          unit: '@某局',
          year: 2023,
          kind: 'project',
          statedTotal: '90',
          statedGrade: '优',
          total: '88.5',
          grade: '良',
        },
        counts: { error: 1, warning: 2, info: 0 },
        note: '',
      }),
    ).toBe(`"r,1.txt",'@某局,2023,项目支出,90,88.5,优,良,1,2,0,\r\n`);
  });
});

describe('summaryText', () => {
  it('names each rule in Chinese first, its code after in brackets', () => {
    const text = summaryText({
      files: 3,
      unreadable: 1,
      withErrors: 1,
      byRule: [
        { rule: 'finance.basic-split', severity: 'error', count: 2 },
        { rule: 'read.pdf-scanned', severity: 'error', count: 1 },
        { rule: 'read.section-missing', severity: 'warning', count: 1 },
        { rule: 'narrative.unknown-new-rule', severity: 'info', count: 1 },
      ],
    });
    const lines = text.trimEnd().split('\n').slice(2);
    expect(lines).toEqual([
      '  错误  2  基本支出 = 人员经费 + 公用经费（finance.basic-split）',
      '  错误  1  PDF 为扫描件，没有文字层（read.pdf-scanned）',
      '  警告  1  未找到报告的某一部分（read.section-missing）',
      '  提示  1  工作情况与绩效目标方面的问题（narrative.unknown-new-rule）',
    ]);
  });
});
