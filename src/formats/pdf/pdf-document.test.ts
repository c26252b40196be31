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
