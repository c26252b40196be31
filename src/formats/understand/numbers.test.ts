import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headingOf } from '../document/headings.ts';
import { isWhiteSpace, normalizeLine, rawIndex, rawSlice } from '../document/normalize.ts';
import { decimalOf, moneyIn, parseMeasure } from './numbers.ts';

describe('parseMeasure', () => {
  it.each([
    ['≥50个', '≥', '50', '个'],
    ['500亿元', null, '500', '亿元'],
    ['90%', null, '90', '%'],
    ['4', null, '4', null],
    ['超90%以上', '>', '90', '%'],
    ['10%以上', '≥', '10', '%'],
    ['不低于95%', '≥', '95', '%'],
    ['≤30天', '≤', '30', '天'],
    ['<=2%', '≤', '2', '%'],
    ['100百分比', null, '100', '百分比'],
    ['3家以上企业', '≥', '3', '家'],
    ['1,200公里', null, '1200', '公里'],
    ['12千瓦', null, '12', '千瓦'],
  ])('%s', (text, op, value, unit) => {
    expect(parseMeasure(text)).toEqual({ text, op, value, unit });
  });

  it.each(['效果明显', '及时', '全覆盖', '', '达成预期指标'])('qualitative: %s', (text) => {
    expect(parseMeasure(text)).toEqual({ text, op: null, value: null, unit: null });
  });

  it('reads back any comparator, decimal and unit it is given', () => {
    const decimal = fc
      .tuple(
        fc.nat({ max: 10_000_000 }),
        fc.option(fc.nat({ max: 9999 }).map((n) => String(n).padStart(2, '0'))),
      )
      .map(([i, f]) => (f === null ? String(i) : `${i}.${f}`));
    fc.assert(
      fc.property(
        fc.constantFrom(['', null], ['≥', '≥'], ['≤', '≤'], ['不少于', '≥'], ['低于', '<'], ['=', '=']),
        decimal,
        fc.constantFrom('%', '万元', '亿元', '个', '人次', '座', ''),
        ([word, op], d, unit) => {
          const m = parseMeasure(`${word}${d}${unit}`);
          expect(m).toEqual({ text: `${word}${d}${unit}`, op, value: d, unit: unit || null });
        },
      ),
    );
  });
});

describe('decimals and money in sentences', () => {
  it('decimalOf', () => {
    expect(decimalOf('7,532.81')).toBe('7532.81');
    expect(decimalOf('−5.2')).toBe('-5.2');
    expect(decimalOf('待核')).toBeNull();
    expect(decimalOf('1.2.3')).toBeNull();
  });
  it('moneyIn finds each figure with its unit and place', () => {
    const s = '预算收入1,747.99万元，调整预算数7532.81 万元，合计3亿元，另有500元。';
    expect(moneyIn(s).map((h) => [h.value, h.unit, s.slice(h.start, h.end)])).toEqual([
      ['1747.99', '万元', '1,747.99万元'],
      ['7532.81', '万元', '7532.81 万元'],
      ['3', '亿元', '3亿元'],
      ['500', '元', '500元'],
    ]);
  });
});

describe('headings in their variations', () => {
  it.each([
    ['一、绩效自评结论', 'chapter', 1, '一、'],
    ['十二、其他', 'chapter', 12, '十二、'],
    ['（三）部门整体支出情况', 'section', 3, '（三）'],
    ['(三)部门整体支出情况', 'section', 3, '（三）'],
    ['1.主要职责', 'item', 1, '1.'],
    ['1、主要职责', 'item', 1, '1.'],
    ['4. 公平性', 'item', 4, '4.'],
    ['12．项目', 'item', 12, '12.'],
    ['（12）负责', 'sub', 12, '（12）'],
    ['(2)项目监管', 'sub', 2, '（2）'],
    ['3）其他', 'sub', 3, '（3）'],
  ])('%s', (text, kind, no, label) => {
    expect(headingOf(text)).toMatchObject({ kind, no, label });
  });
  it.each(['2023年，我局', '1.5万元用于', '主要职责', '（以决算数为统计口径）'])(
    'not a heading: %s',
    (text) => {
      expect(headingOf(text)).toBeNull();
    },
  );
});

describe('normalizeLine', () => {
  it('tells white space as the regex \\s does, for every UTF-16 code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++)
      if (isWhiteSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });
  it('removes the noise and maps back to the raw text', () => {
    const raw = '[bookmark: _Toc1]\u3000\u3000（１）预算收入１７４７．９９万元，占９０％。 \u00a0';
    const n = normalizeLine(raw);
    expect(n.text).toBe('（1）预算收入1747.99万元，占90%。');
    const at = n.text.indexOf('1747.99万元');
    expect(rawSlice(raw, n, at, at + '1747.99万元'.length)).toBe('１７４７．９９万元');
    expect(rawSlice(raw, n, 0, n.text.length)).toBe('（１）预算收入１７４７．９９万元，占９０％。');
  });
  it('maps every kept character back to the same character or its full-width form, for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 20 }), (a, b) => {
        const raw = a.length % 2 ? `${a}[bookmark: x]${b}` : ` ${a}${b} `;
        const n = normalizeLine(raw);
        if (a.length % 2) expect(n.text).not.toContain('[bookmark: x]');
        for (let i = 0; i < n.text.length; i++) {
          const r = raw.charCodeAt(rawIndex(n, i));
          const c = n.text.charCodeAt(i);
          expect(r === c || r - 0xfee0 === c || c === 0x20 || c === 0xfffd).toBe(true);
        }
      }),
    );
  });
});
