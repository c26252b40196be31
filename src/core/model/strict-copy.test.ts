/**
 * ExactShallowReport (strictCopy of ShallowReport) accepts every report the readers make, with the
 * input itself as output, and refuses one unknown key anywhere, which Report takes and strips.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { corpus } from '../../../test/fixtures/corpus/corpus.ts';
import { readReport } from '../../formats/read-report.ts';
import { ExactShallowReport, Report } from './index.ts';
import { strictCopy } from './strict-copy.ts';

const PROJECT_DIR = new URL('../../../test/fixtures/project/', import.meta.url);

const documents = async (): Promise<{ name: string; document: Report }[]> => {
  const files = [
    ...corpus().map((c) => ({ name: c.name, bytes: c.bytes })),
    ...readdirSync(PROJECT_DIR)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(new URL(f, PROJECT_DIR))) })),
  ];
  const out: { name: string; document: Report }[] = [];
  for (const f of files) {
    const r = await readReport(f.bytes);
    if (r.ok) out.push({ name: f.name, document: JSON.parse(JSON.stringify(r.value)) as Report });
  }
  return out;
};

/** Every object of a JSON value, with its path. */
const objectsOf = (v: unknown, path = ''): { path: string; o: Record<string, unknown> }[] => {
  if (Array.isArray(v)) return v.flatMap((x, i) => objectsOf(x, `${path}[${i}]`));
  if (v === null || typeof v !== 'object') return [];
  const o = v as Record<string, unknown>;
  return [{ path, o }, ...Object.entries(o).flatMap(([k, x]) => objectsOf(x, `${path}.${k}`))];
};

describe('ExactShallowReport', () => {
  it('accepts what the readers make, department reports and project forms, as given', async () => {
    const docs = await documents();
    expect(docs.filter((d) => d.document.kind === 'project').length).toBeGreaterThan(0);
    expect(docs.length).toBeGreaterThan(8);
    for (const { name, document } of docs) {
      const exact = ExactShallowReport.safeParse(document);
      expect({ name, ok: exact.success }).toEqual({ name, ok: true });
      expect(exact.data).toEqual(document);
      expect(exact.data).toEqual(Report.parse(document));
    }
  });

  it('refuses a key the model does not know, at any depth, where Report strips it', async () => {
    const { document } = (await documents())[0]!;
    const objects = objectsOf(document);
    expect(objects.length).toBeGreaterThan(20);
    for (const { path, o } of objects) {
      o.extra = 'x';
      expect({ path, ok: ExactShallowReport.safeParse(document).success }).toEqual({ path, ok: false });
      expect(Report.parse(document)).not.toHaveProperty('extra');
      delete o.extra;
    }
    expect(ExactShallowReport.safeParse(document).success).toBe(true);
  });

  it('refuses to copy what it would copy wrongly', () => {
    expect(() => strictCopy(z.object({ a: z.string().default('x') }))).toThrow(/default/);
    expect(() => strictCopy(z.object({ a: z.string() }).refine(() => true))).toThrow(/checks/);
    expect(() => strictCopy(z.array(z.string()).min(1))).toThrow(/checks/);
    expect(() => strictCopy(z.object({}).catchall(z.string()))).toThrow(/catchall/);
  });
});
