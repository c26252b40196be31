import { describe, expect, it } from 'vitest';
import { setAt } from '../lib/paths.ts';
import { fieldFor, fieldsOfFinding, sourcedFields } from './locate.ts';

const doc = {
  expenditureTable: {
    rows: [
      {
        label: '一、基本支出',
        budget: { value: '10.00', src: { line: 7, table: '1', row: 1, column: 1, raw: '10.00' } },
        final: { value: '12.00', src: { line: 8, table: '1', row: 1, column: 3, raw: '12.00' } },
        src: { line: 6, table: '1', row: 1, column: 0, raw: '一、基本支出' },
      },
    ],
  },
  threePublic: {
    actual: { value: '3.5', unit: '万元', src: { line: 20, raw: '3.5万元' } },
    src: { line: 20, raw: '三公经费支出3.5万元，较上年减少1万元。' },
  },
  meta: { warnings: [{ rule: 'x', severity: 'warning', message: 'm', locations: [{ line: 20, raw: 'x' }] }] },
};

describe('finding locations → editor fields', () => {
  const fields = sourcedFields(doc);
  it('collects every sourced object but not the reader warnings', () => {
    expect(fields.map((f) => f.path.join('.'))).toEqual([
      'expenditureTable.rows.0.budget',
      'expenditureTable.rows.0.final',
      'expenditureTable.rows.0',
      'threePublic.actual',
      'threePublic',
    ]);
  });
  it('a table cell location finds the cell, a row location the row', () => {
    expect(fieldFor(fields, { table: '1', row: 1, column: 3, raw: '12.00' })).toEqual([
      'expenditureTable',
      'rows',
      0,
      'final',
    ]);
    expect(fieldFor(fields, { table: '1', row: 1, raw: '一、基本支出' })).toEqual([
      'expenditureTable',
      'rows',
      0,
    ]);
  });
  it('a line location prefers the field whose raw text is the one quoted', () => {
    expect(fieldFor(fields, { line: 20, raw: '3.5万元' })).toEqual(['threePublic', 'actual']);
    expect(fieldFor(fields, { line: 20, raw: '三公经费支出3.5万元，较上年减少1万元。' })).toEqual([
      'threePublic',
    ]);
    expect(fieldFor(fields, { line: 99, raw: '?' })).toBeNull();
  });
  it('an edited value keeps its source, so the finding still finds it', () => {
    const edited = setAt(doc, ['expenditureTable', 'rows', 0, 'final', 'value'], '13.00');
    const f = {
      rule: 'r',
      severity: 'error' as const,
      message: 'm',
      locations: [
        { table: '1', row: 1, column: 3, raw: '12.00' },
        { table: '1', row: 1, column: 3, raw: '12.00' },
      ],
    };
    expect(fieldsOfFinding(sourcedFields(edited), f)).toEqual([['expenditureTable', 'rows', 0, 'final']]);
    expect(doc.expenditureTable.rows[0]?.final.value).toBe('12.00');
  });
});
