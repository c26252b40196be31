import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../../../test/support/formats/text-reading.ts';
import type { DocTable } from '../document/document.ts';
import { documentLines } from '../understand/understand.ts';
import { splitTextLines } from './split-lines.ts';
import { textDocument } from './text-document.ts';

const tables = (text: string): string[][][] =>
  textDocument(text, 'utf-8')
    .blocks.filter((b): b is DocTable => b.kind === 'table')
    .map((t) => t.rows.map((r) => r.cells.map((c) => c.text)));

const GRID = [
  ['项目', '年初预算数', '决算数'],
  ['基本支出', '620.00', '640.15'],
  ['项目支出', '1132.00', '1178.60'],
];

describe('textDocument: tables in the shapes people paste', () => {
  it('reads `a | b | c` rows, dropping the rule row, and keeps 单位 as the caption', () => {
    const doc = textDocument(
      '说明\n单位：万元\n| 项目 | 年初预算数 | 决算数 |\n|---|---|---|\n| 基本支出 | 620.00 | 640.15 |\n| 项目支出 | 1132.00 | 1178.60 |\n',
      null,
    );
    const t = doc.blocks[1] as DocTable;
    expect(t.kind).toBe('table');
    expect(t.caption.map((c) => c.text)).toEqual(['单位：万元']);
    expect(t.rows.map((r) => r.cells.map((c) => c.text))).toEqual(GRID);
  });

  it('reads rows of figures separated by spaces under a header of column names', () => {
    expect(tables('一级指标 分值 得分\n决策 15 15\n过程 20 18\n')).toEqual([
      [
        ['一级指标', '分值', '得分'],
        ['决策', '15', '15'],
        ['过程', '20', '18'],
      ],
    ]);
  });

  it('reads a table flattened onto one line', () => {
    expect(tables('项目 年初预算数 决算数 基本支出 620.00 640.15 项目支出 1132.00 1178.60')).toEqual([GRID]);
  });

  it('tells apart two known column names a PDF line wrap joined, and only those', () => {
    expect(tables('项目年初预算数 决算数 基本支出 620.00 640.15 项目支出 1132.00 1178.60')).toEqual([GRID]);
    // 调整 is no column name: 调整预算数 stays one header, one short of the rows, so no table.
    expect(tables('调整预算数 决算数 基本支出 620.00 640.15 项目支出 1132.00 1178.60')).toEqual([]);
  });

  it('reads one cell per line with blank lines between rows, leaving the heading above a paragraph', () => {
    const doc = textDocument(
      '3. 支出表\n项目\n年初预算数\n决算数\n\n基本支出\n620.00\n640.15\n\n项目支出\n1132.00\n1178.60\n\n4. 下一部分\n正文。',
      null,
    );
    expect(doc.blocks.map((b) => (b.kind === 'paragraph' ? b.text : 'TABLE'))).toEqual([
      '3. 支出表',
      'TABLE',
      '4. 下一部分',
      '正文。',
    ]);
    expect(
      tables('项目\n年初预算数\n决算数\n\n基本支出\n620.00\n640.15\n\n项目支出\n1132.00\n1178.60'),
    ).toEqual([GRID]);
  });

  it('leaves sentences and ordinary paragraphs alone', () => {
    const text = '一、基本情况\n本局内设机构3个。\n\n二、收入\n收入 决算 1 万元，增长 2 成。';
    expect(tables(text)).toEqual([]);
  });

  it('gives the TAB-led text export the same records as before', () => {
    for (const f of ['county-env-2024.txt', 'city-transport-2022.txt', 'town-agri-2021.txt']) {
      const text = new TextDecoder().decode(fixtureBytes(f));
      // A record's fields; a paragraph or cell of the document is itself the record (its kind, spans
      // ride along unread).
      const records = documentLines(textDocument(text, 'utf-8')).map(({ text, src, styleLevel }) =>
        styleLevel === undefined ? { text, src } : { text, src, styleLevel },
      );
      expect(records).toEqual(splitTextLines(text));
    }
  });
});
