import { describe, expect, it } from 'vitest';
import type { DocCell, Document } from '../document/document.ts';
import { documentLines, understandDocument } from './understand.ts';

const cell = (table: string, row: number, column: number, text: string): DocCell => ({
  text,
  src: { table, row, column, raw: text },
  rowSpan: 1,
  colSpan: 1,
});

describe('understandDocument', () => {
  it('gives caption lines before their table and cells row by row', () => {
    const doc: Document = {
      format: 'html',
      encoding: 'utf-8',
      warnings: [],
      blocks: [
        { kind: 'paragraph', text: '一、基本情况', src: { line: 1, raw: '一、基本情况' } },
        {
          kind: 'table',
          id: '1',
          headerRows: 1,
          caption: [{ kind: 'paragraph', text: '单位：万元', src: { line: 2, raw: '单位：万元' } }],
          rows: [{ cells: [cell('1', 0, 0, '项目'), cell('1', 0, 1, '决算数')] }],
          src: { line: 3, raw: '' },
        },
      ],
    };
    expect(documentLines(doc).map((l) => l.text)).toEqual(['一、基本情况', '单位：万元', '项目', '决算数']);
  });

  it('says why a document that is not a report cannot be read, in Chinese and English', () => {
    const r = understandDocument({
      format: 'pdf',
      encoding: null,
      warnings: [],
      blocks: [{ kind: 'paragraph', text: '会议通知', src: { line: 1, page: 1, raw: '会议通知' } }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/不是.*\(.*report/);
  });
});
