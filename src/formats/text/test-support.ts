/** Helpers shared by the text reader's tests (not used by the reader itself). */
import { readFileSync } from 'node:fs';
import type { DepartmentReport } from '../../core/model/index.ts';
import { decodeText } from './decode.ts';
import { readTextReport } from './read-text.ts';

export const FIXTURES = new URL('../../../test/fixtures/text/', import.meta.url);

export const fixtureBytes = (name: string): Uint8Array => readFileSync(new URL(name, FIXTURES));

/** Decodes and reads bytes; fails the test with the reader's message when they are not a report. */
export const readBytes = (bytes: Uint8Array): DepartmentReport => {
  const d = decodeText(bytes);
  const r = readTextReport(d.text, { encoding: d.encoding });
  if (!r.ok) throw new Error(r.error.message);
  if (r.report.kind !== 'department') throw new Error(`not a department report: ${r.report.kind}`);
  return r.report;
};

export const readFixture = (name: string): DepartmentReport => readBytes(fixtureBytes(name));

/** The model without sources (and warning locations): what must not change when only the noise does. */
export const withoutSources = (x: unknown): unknown => {
  if (Array.isArray(x)) return x.map(withoutSources);
  if (x && typeof x === 'object')
    return Object.fromEntries(
      Object.entries(x)
        .filter(([k]) => k !== 'src' && k !== 'locations')
        .map(([k, v]) => [k, withoutSources(v)]),
    );
  return x;
};

/** Every `src` in a model, for checks that each one quotes text really present in the file. */
export const allSources = (x: unknown, out: { raw: string; line?: number }[] = []) => {
  if (Array.isArray(x)) for (const v of x) allSources(v, out);
  else if (x && typeof x === 'object') {
    for (const [k, v] of Object.entries(x)) {
      if (k === 'src' && v && typeof v === 'object') out.push(v as { raw: string; line?: number });
      else allSources(v, out);
    }
  }
  return out;
};
