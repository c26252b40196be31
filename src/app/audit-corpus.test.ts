/**
 * The audit corpus: a clean report composed for the tests (test/fixtures/audit/clean-base.txt) and its
 * single-fault variants (test/fixtures/audit/variants.ts). Each variant must be reported by its rule at
 * its root, with no error from any other rule; clean reports must give no error. Prints recall and
 * false-alarm counts.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { type Place, VARIANTS, type Variant } from '../../test/fixtures/audit/variants.ts';
import { auditReport, isAuditRule } from '../core/audit/index.ts';
import type { Finding } from '../core/findings.ts';
import type { Source } from '../core/model/index.ts';
import { readTextReport } from '../formats/read/read-text.ts';

const FIXTURES = new URL('../../test/fixtures/audit/', import.meta.url);
const CLEAN = readFileSync(new URL('clean-base.txt', FIXTURES), 'utf8');
const OTHER_CLEAN = ['clean-small.txt', 'clean-yuan.txt'];

const audit = (text: string): Finding[] => {
  const r = readTextReport(text, { encoding: 'utf-8' });
  if (!r.ok) throw new Error(r.message);
  return auditReport(r.value);
};

type Cell = { line: number; table: number; row: number; col: number };

/** Table cells of the text form: TAB lines, rows separated by one blank line, tables by anything else. */
const tableCells = (lines: readonly string[]): Cell[] => {
  const cells: Cell[] = [];
  let table = 0;
  let row = 0;
  let col = 0;
  let inTable = false;
  lines.forEach((l, i) => {
    if (l.startsWith('\t')) {
      if (!inTable) {
        table++;
        row = 0;
        col = 0;
        inTable = true;
      }
      cells.push({ line: i + 1, table, row, col: col++ });
    } else if (l === '' && inTable && lines[i + 1]?.startsWith('\t')) {
      row++;
      col = 0;
    } else inTable = false;
  });
  return cells;
};

type Base = { text: string; lines: string[]; cells: Cell[] };
const bases = new Map<string, Base>();
const baseOf = (name = 'clean-base.txt'): Base => {
  let b = bases.get(name);
  if (!b) {
    const text = readFileSync(new URL(name, FIXTURES), 'utf8');
    const lines = text.split('\n');
    b = { text, lines, cells: tableCells(lines) };
    bases.set(name, b);
  }
  return b;
};

/** The 1-based line a place stands on in a clean text. */
const lineOf = (b: Base, p: Place): number => {
  if ('text' in p) {
    const hits = b.lines.flatMap((l, i) => (l.includes(p.text) ? [i + 1] : []));
    if (hits.length !== 1) throw new Error(`place “${p.text}” matches ${hits.length} lines`);
    return hits[0]!;
  }
  const first = b.cells.find(
    (c) => c.table === p.table && c.col === 0 && b.lines[c.line - 1] === `\t${p.row}`,
  );
  if (!first) throw new Error(`no row “${p.row}” in table ${p.table}`);
  const c = b.cells.find((x) => x.table === p.table && x.row === first.row && x.col === p.col);
  if (!c) throw new Error(`no column ${p.col} in row “${p.row}”`);
  return c.line;
};

/** Whether a source points at a place: its line, or its table cell. */
const pointsAt = (b: Base, s: Source, p: Place): boolean => {
  const line = lineOf(b, p);
  if (s.line === line) return true;
  const c = b.cells.find((x) => x.line === line);
  return !!c && s.table === String(c.table) && s.row === c.row && s.column === c.col;
};

const apply = (b: Base, v: Variant): string => {
  const lines = [...b.lines];
  for (const e of v.edits) {
    const i = lineOf(b, e.at) - 1;
    if (e.from === undefined && lines[i] === '\t') {
      lines[i] = `\t${e.to}`; // an empty cell gets a value
      continue;
    }
    const from = e.from ?? lines[i]!.slice(1);
    const at = lines[i]!.indexOf(from);
    if (at < 0 || lines[i]!.indexOf(from, at + 1) >= 0)
      throw new Error(`${v.id}: “${from}” not once in line ${i + 1}`);
    lines[i] = lines[i]!.slice(0, at) + e.to + lines[i]!.slice(at + from.length);
  }
  return lines.join('\n');
};

const tally = { variants: 0, found: 0, atRoot: 0, falseErrors: 0, cleanErrors: 0, missed: [] as string[] };

afterAll(() => {
  const recall = tally.variants ? ((tally.atRoot / tally.variants) * 100).toFixed(1) : '0';
  console.log(
    `audit corpus: ${tally.variants} single-fault variants, found ${tally.found}, at root ${tally.atRoot} ` +
      `(recall ${recall}%); unrelated error findings ${tally.falseErrors}; errors on clean reports ${tally.cleanErrors}` +
      (tally.missed.length ? `; missed: ${tally.missed.join(', ')}` : ''),
  );
});

describe('audit corpus: clean reports', () => {
  for (const name of ['clean-base.txt', ...OTHER_CLEAN]) {
    it(`${name} gives no error finding`, () => {
      const errors = audit(readFileSync(new URL(name, FIXTURES), 'utf8')).filter(
        (f) => f.severity === 'error',
      );
      tally.cleanErrors += errors.length;
      expect(errors.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
    });
  }

  it('the clean base gives no finding at all', () => {
    expect(audit(CLEAN).map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  });
});

describe('audit corpus: single-fault variants', () => {
  it('has at least 40 variants covering every family', () => {
    expect(VARIANTS.length).toBeGreaterThanOrEqual(40);
    const families = new Set(VARIANTS.map((v) => v.family));
    for (const f of [
      'finance',
      'rounding',
      'units',
      'sentences',
      'three-public',
      'score',
      'targets',
      'narrative',
      'counts',
      'periods',
    ]) {
      expect(families).toContain(f);
    }
    expect(new Set(VARIANTS.map((v) => v.id)).size).toBe(VARIANTS.length);
  });

  it.each(VARIANTS.map((v) => [v.id, v] as const))('%s', (_id, v) => {
    const b = baseOf(v.base);
    const text = apply(b, v);
    expect(text).not.toBe(b.text);
    const findings = audit(text);
    const severity = v.severity ?? 'error';
    const root = v.root ?? v.edits[0]!.at;
    const mine = findings.filter((f) => f.rule === v.rule && f.severity === severity);
    const atRoot = mine.filter((f) => (f.locations ?? []).some((s) => pointsAt(b, s, root)));
    const unrelated = findings.filter((f) => f.severity === 'error' && f.rule !== v.rule);
    expect(findings.map((f) => f.rule).filter((r) => !isAuditRule(r) && !r.startsWith('read.'))).toEqual([]);
    tally.variants++;
    if (mine.length > 0) tally.found++;
    if (atRoot.length > 0) tally.atRoot++;
    else tally.missed.push(v.id);
    tally.falseErrors += unrelated.length;
    const show = (fs: Finding[]) => fs.map((f) => `${f.rule}/${f.severity}: ${f.message}`);
    expect(
      show(atRoot).length,
      `expected ${v.rule} at its root; got ${JSON.stringify(show(findings))}`,
    ).toBeGreaterThan(0);
    expect(show(unrelated)).toEqual([]);
    // One fault, one finding: an error is reported once.
    if (severity === 'error') expect(show(mine)).toHaveLength(1);
  });
});
