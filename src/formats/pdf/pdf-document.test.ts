import { describe, expect, it } from 'vitest';
import { pdfDocument } from './pdf-document.ts';
import type { PdfPage, PdfText } from './pdf-pages.ts';

const run = (str: string, x: number, y: number, x1 = x + 16 * str.length): PdfText => ({
  str,
  x,
  y,
  w: x1 - x,
  size: 16,
});
const page = (number: number, texts: PdfText[]): PdfPage => ({
  number,
  width: 595,
  height: 842,
  texts,
  h: [],
  v: [],
});

describe('PDF text → paragraphs', () => {
  it('joins a paragraph’s lines (also over a page break), starts one at an indent or a numbered item, drops page numbers', () => {
    const doc = pdfDocument([
      page(1, [
        run('一、基本情况', 80, 700),
        run('本局统筹全县文化事业，主要职责如下：负责', 112, 670, 512),
        run('文化工作。', 80, 645),
        run('（1）贯彻落实方针政策，起草发展规划并组织实施。', 80, 620, 512),
        run('（2）统筹推进公共文化服务体系建设，推动基层文', 80, 595, 512),
        run('— 1 —', 270, 60),
      ]),
      page(2, [run('化设施提档升级。', 80, 760), run('二、绩效自评结论', 80, 730), run('— 2 —', 270, 60)]),
    ]);
    expect(doc.blocks.map((b) => (b.kind === 'paragraph' ? [b.text, b.src.page] : null))).toEqual([
      ['一、基本情况', 1],
      ['本局统筹全县文化事业，主要职责如下：负责文化工作。', 1],
      ['（1）贯彻落实方针政策，起草发展规划并组织实施。', 1],
      ['（2）统筹推进公共文化服务体系建设，推动基层文化设施提档升级。', 1],
      ['二、绩效自评结论', 2],
    ]);
  });
});

describe('PDF text → a table without ruling lines', () => {
  /** Cells of 10-point text: `x` the cell's left edge, `text` one wrapped line. */
  const cell = (text: string, x: number, y: number): PdfText => ({
    str: text,
    x,
    y,
    w: 10 * text.length,
    size: 10,
  });
  it('joins the lines a row’s cells wrap onto, takes columns from the cells’ left edges, and spans a wide cell', () => {
    // Rows 18 points apart, a cell's wrapped lines 14; columns at 60, 115, 220, 280, 340.
    const doc = pdfDocument([
      page(1, [
        cell('项目名', 60, 700),
        cell('道路安全防护', 115, 700),
        cell('称', 60, 686),
        cell('工程', 115, 686),
        cell('一级指标', 60, 668),
        cell('二级指标', 115, 668),
        cell('年度指', 220, 668),
        cell('分值', 280, 668),
        cell('得分', 340, 668),
        cell('标值', 220, 654),
        cell('产出指标', 60, 636),
        cell('数量指标', 115, 636),
        cell('≥35', 220, 636),
        cell('25', 280, 636),
        cell('25', 340, 636),
        cell('效益指标', 60, 618),
        cell('事故起数下降十个百分点以上', 115, 618),
        cell('20', 280, 618),
        cell('16', 340, 618),
      ]),
    ]);
    const table = doc.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows.map((r) => r.cells.map((c) => [c.text, c.colSpan]))).toEqual(
      [
        [
          ['项目名称', 1],
          ['道路安全防护工程', 1],
          ['', 1],
          ['', 1],
          ['', 1],
        ],
        [
          ['一级指标', 1],
          ['二级指标', 1],
          ['年度指标值', 1],
          ['分值', 1],
          ['得分', 1],
        ],
        [
          ['产出指标', 1],
          ['数量指标', 1],
          ['≥35', 1],
          ['25', 1],
          ['25', 1],
        ],
        [
          ['效益指标', 1],
          ['事故起数下降十个百分点以上', 2],
          ['20', 1],
          ['16', 1],
        ],
      ],
    );
  });
});
