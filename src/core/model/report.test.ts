import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readReport } from '../../formats/read-report.ts';
import type { IndicatorNode } from './department-report.ts';
import { Report, ShallowReport } from './report.ts';

const demo = async (): Promise<Report> => {
  const r = await readReport(readFileSync(new URL('../../app/demo/agriculture-2023.txt', import.meta.url)));
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

const chain = (depth: number): IndicatorNode => ({
  level: 1,
  label: null,
  name: `第${depth}层`,
  weight: null,
  statedScore: null,
  evidence: '',
  inputs: [],
  children: depth > 1 ? [chain(depth - 1)] : [],
});

describe('ShallowReport', () => {
  it('compiles (no reference cycle) and gives what Report gives, unknown members dropped alike', async () => {
    const compiled = z.compile(ShallowReport, { strict: true });
    const doc = { ...(await demo()), extra: 1 } as unknown;
    const want = Report.parse(doc);
    expect(compiled.parse(doc)).toEqual(want);
    expect(ShallowReport.parse(doc)).toEqual(want);
  });

  it('refuses a tree deeper than its depth, which Report accepts', async () => {
    const doc = await demo();
    if (doc.kind !== 'department') throw new Error('the demo is a 部门整体 report');
    const deep = { ...doc, indicators: [chain(5)] };
    expect(Report.safeParse(deep).success).toBe(true);
    expect(ShallowReport.safeParse(deep).success).toBe(false);
    expect(ShallowReport.safeParse({ ...doc, indicators: [chain(4)] }).success).toBe(true);
  });
});
