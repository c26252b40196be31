import { describe, expect, it } from 'vitest';
import type { DepartmentReport } from '../../core/model/department-report.ts';
import type { Money } from '../../core/model/values.ts';
import { at, type FieldPath, getAt, pathKey, rootOf, setAt } from './paths.ts';

const doc = rootOf<DepartmentReport>();

describe('typed field paths', () => {
  it('are the plain arrays the locator and data-field keys use', () => {
    const cell = at(doc, 'expenditureTable', 'rows', 3, 'final');
    expect(cell).toEqual(['expenditureTable', 'rows', 3, 'final']);
    expect(pathKey(cell)).toBe('expenditureTable.rows.3.final');
    const part = at(at(doc, 'indicators', 0), 'children', 1);
    expect(pathKey(at(part, 'weight'))).toBe('indicators.0.children.1.weight');
  });

  it('read and write what the document holds there', () => {
    const income = at(doc, 'income', 'budget');
    const next = setAt({ income: { budget: null } }, income, { value: '12.50', unit: '万元' });
    expect(getAt(next, income)).toEqual({ value: '12.50', unit: '万元' });
  });

  it('do not compile with a wrong key or for a value of another kind', () => {
    // @ts-expect-error: a DepartmentReport has no `budgett`
    at(doc, 'income', 'budgett');
    // @ts-expect-error: rows are indexed by number
    at(doc, 'expenditureTable', 'rows', 'first');
    // @ts-expect-error: a plain array is not a FieldPath
    const literal: FieldPath<Money | null> = ['income', 'budget'];
    // @ts-expect-error: the year is an IntFact, not an amount of money
    const year: FieldPath<Money | null> = at(doc, 'year');
    const money: FieldPath<Money | null | undefined> = at(doc, 'threePublic', 'budget');
    expect([literal, year, money].length).toBe(3);
  });
});
