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

/**
 * The kinds of schema that only check and drop unknown keys: their output equals their input but for
 * those keys (a save stores the document's text as sent when none was dropped: src/server/kept-whole.ts).
 * A default, a transform, a pipe or a coercion would make the output differ: this test then fails.
 */
const CHECKING_ONLY = new Set([
  'object',
  'array',
  'optional',
  'nullable',
  'union',
  'string',
  'number',
  'boolean',
  'enum',
  'literal',
  'never',
  'lazy',
]);

const transformsIn = (schema: z.core.$ZodType, seen = new Set<unknown>()): string[] => {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  if (!CHECKING_ONLY.has(def.type) || def.coerce || def.catchall) return [def.type];
  const inner: unknown[] =
    def.type === 'object'
      ? Object.values(def.shape as object)
      : def.type === 'array'
        ? [def.element]
        : def.type === 'optional' || def.type === 'nullable'
          ? [def.innerType]
          : def.type === 'union'
            ? [...(def.options as unknown[])]
            : def.type === 'lazy'
              ? [(def.getter as () => unknown)()]
              : [];
  return inner.flatMap((s) => transformsIn(s as z.core.$ZodType, seen));
};

describe('the report model', () => {
  it('only checks and drops unknown keys: no default, transform, pipe or coercion anywhere', () => {
    expect(transformsIn(Report)).toEqual([]);
    expect(transformsIn(ShallowReport)).toEqual([]);
    expect(transformsIn(z.object({ a: z.string().default('x') }))).toEqual(['default']);
    expect(transformsIn(z.object({ a: z.array(z.coerce.number()) }))).toEqual(['number']);
  });
});
