/** `bin/jixiao import` as a user runs it: JSON that validates against schema/report.schema.json, a summary, exit codes. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../test/support/formats/text-reading.ts';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../../bin/jixiao', import.meta.url));
const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/text/${name}`, import.meta.url));
const SCHEMA = JSON.parse(
  readFileSync(new URL('../../../schema/report.schema.json', import.meta.url), 'utf8'),
) as Schema;

const jixiao = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
};

/**
 * The part of JSON Schema 2020-12 that schema/report.schema.json uses (type, properties, required,
 * additionalProperties, items, anyOf, oneOf, enum, const, pattern, bounds, local $ref): enough to check
 * the CLI output against the committed file itself rather than against the zod model it came from.
 */
type Schema = { [k: string]: unknown };
const errors = (s: Schema, x: unknown, path: string, out: string[]): void => {
  if (typeof s.$ref === 'string') {
    const name = s.$ref.replace('#/$defs/', '');
    errors((SCHEMA.$defs as Record<string, Schema>)[name]!, x, path, out);
    return;
  }
  const variants = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (variants) {
    const each = variants.map((v) => {
      const e: string[] = [];
      errors(v, x, path, e);
      return e;
    });
    const fits = each.filter((e) => e.length === 0).length;
    if (s.oneOf && fits > 1) out.push(`${path}: fits ${fits} variants of a oneOf`);
    // None fits: say why the closest one does not.
    if (fits === 0) out.push(...each.reduce((a, b) => (b.length < a.length ? b : a)));
    return;
  }
  const types = s.type === undefined ? [] : ([] as string[]).concat(s.type as string | string[]);
  const is: Record<string, (v: unknown) => boolean> = {
    object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
    array: Array.isArray,
    string: (v) => typeof v === 'string',
    number: (v) => typeof v === 'number',
    integer: Number.isInteger,
    boolean: (v) => typeof v === 'boolean',
    null: (v) => v === null,
  };
  if (types.length && !types.some((t) => is[t]?.(x))) {
    out.push(`${path}: not ${types.join('|')}`);
    return;
  }
  if ('const' in s && x !== s.const) out.push(`${path}: not ${String(s.const)}`);
  if (Array.isArray(s.enum) && !s.enum.includes(x)) out.push(`${path}: not one of ${s.enum.join(',')}`);
  if (typeof s.pattern === 'string' && typeof x === 'string' && !new RegExp(s.pattern).test(x))
    out.push(`${path}: does not match ${s.pattern}`);
  if (typeof x === 'number') {
    if (typeof s.minimum === 'number' && x < s.minimum) out.push(`${path}: below minimum`);
    if (typeof s.maximum === 'number' && x > s.maximum) out.push(`${path}: above maximum`);
    if (typeof s.exclusiveMinimum === 'number' && x <= s.exclusiveMinimum)
      out.push(`${path}: not above minimum`);
  }
  if (Array.isArray(x) && s.items)
    for (const [i, v] of x.entries()) errors(s.items as Schema, v, `${path}[${i}]`, out);
  if (types.includes('object')) {
    const o = x as Record<string, unknown>;
    const props = (s.properties ?? {}) as Record<string, Schema>;
    for (const k of (s.required ?? []) as string[]) if (!(k in o)) out.push(`${path}.${k}: missing`);
    for (const [k, v] of Object.entries(o)) {
      if (props[k]) errors(props[k], v, `${path}.${k}`, out);
      else if (s.additionalProperties === false) out.push(`${path}.${k}: not allowed`);
    }
  }
};
const validate = (x: unknown): string[] => {
  const out: string[] = [];
  errors(SCHEMA, x, '$', out);
  return out;
};

describe('bin/jixiao import', () => {
  it('--format json prints a model that validates against schema/report.schema.json', async () => {
    const names = ['county-env-2024.txt', 'city-transport-2022.txt', 'town-agri-2021.gb18030.txt'];
    const runs = await Promise.all(names.map((n) => jixiao('import', fixture(n), '--format', 'json')));
    for (const r of runs) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      const model = JSON.parse(r.stdout) as { kind: string };
      expect(validate(model)).toEqual([]);
      expect(model.kind).toBe('department');
    }
  });

  it('the validator used here does reject a broken model', () => {
    const model = JSON.parse(JSON.stringify(readFixture('county-env-2024.txt'))) as Record<
      string,
      unknown
    > & {
      year: { value: unknown };
    };
    expect(validate(model)).toEqual([]);
    model.year.value = '2024';
    model.extra = 1;
    expect(validate(model)).toEqual(['$.year.value: not integer', '$.extra: not allowed']);
  });

  it('--format text prints a Chinese summary with totals, tables, the indicator tree and warnings', async () => {
    const r = await jixiao('import', fixture('city-transport-2022.txt'), '--format', 'text');
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toContain('【江城市交通运输局】2022年度部门整体支出绩效自评报告');
    expect(out).toContain('决算 288120500.00元');
    expect(out).toContain('2022年部门整体支出决算表（单位：万元）');
    expect(out).toMatch(/总计 \| 25630\.00 \| 29276\.02 \| 29127\.05/);
    expect(out).toContain('（二）预算执行情况  分值 40  自评得分 36.85');
    expect(out).toContain('自评结论：91.35 分，等级 优；依据 江财绩〔2023〕7号');
    expect(out).toMatch(/读取警告（3 条）/);
    expect(out).toMatch(/\[read\.cell-not-number\].*待核.*表1 第17行第4列/);
  });

  const bad = async (content: string | Uint8Array) => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-import-'));
    const file = join(dir, 'input.txt');
    writeFileSync(file, content);
    const r = await jixiao('import', file, '--format', 'json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    // Chinese first, then English in parentheses; no stack trace.
    expect(lines[0]).toMatch(/^jixiao: .*input\.txt: [^a-zA-Z]*[\u4e00-\u9fa5].* \([a-zA-Z].*\)$/);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    return lines[0]!;
  };

  it('exit 2 with one bilingual line for empty, binary, another document', async () => {
    const [empty, binary, other] = await Promise.all([
      bad(''),
      bad(new Uint8Array([0x00, 0x01, 0x02, 0xff, 0x00, 0x10, 0x80])),
      bad('关于召开年度工作会议的通知\n各股室：\n定于下周一召开会议。\n'),
    ]);
    expect(empty).toContain('文件为空');
    expect(binary).toContain('二进制');
    expect(other).toMatch(/不是部门整体支出绩效自评报告.*第3行.*line 3/);
  });

  it('reads a report cut before its tables, saying once what is missing (exit 0)', async () => {
    const text = readFileSync(fixture('county-env-2024.txt'), 'utf8');
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-import-'));
    const file = join(dir, 'input.txt');
    writeFileSync(file, text.slice(0, text.indexOf('单位：万元')));
    const r = await jixiao('import', file, '--format', 'json');
    rmSync(dir, { recursive: true, force: true });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { meta: { warnings: { rule: string }[] } };
    expect(report.meta.warnings.filter((w) => w.rule === 'read.incomplete')).toHaveLength(1);
  });

  it('render → import: the .xlsx jixiao writes for a department report imports back as that report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-xlsx-back-'));
    try {
      const out = join(dir, 'r.xlsx');
      const rendered = await jixiao('render', fixture('county-env-2024.txt'), '--out', out, '--allow-errors');
      expect(rendered.code, rendered.stderr).toBe(0);
      const [fromText, fromXlsx] = await Promise.all([
        jixiao('import', fixture('county-env-2024.txt'), '--format', 'json'),
        jixiao('import', out, '--format', 'json'),
      ]);
      expect(fromXlsx.code, fromXlsx.stderr).toBe(0);
      type Model = {
        kind: string;
        meta: { format: string };
        department: { name?: { value: string } };
        year?: { value: number };
        indicators: { name: string; children: unknown[] }[];
        expenditureTable?: { rows: unknown[] };
        targets?: { rows: unknown[] };
        conclusion?: { statedTotal?: { value: string }; statedGrade?: { value: string } };
      };
      const gist = (m: Model) => ({
        kind: m.kind,
        department: m.department.name?.value,
        year: m.year?.value,
        indicators: m.indicators.map((n) => [n.name, n.children.length]),
        expenditureRows: m.expenditureTable?.rows.length,
        targetRows: m.targets?.rows.length,
        total: Number(m.conclusion?.statedTotal?.value),
        grade: m.conclusion?.statedGrade?.value,
      });
      const text = JSON.parse(fromText.stdout) as Model;
      const back = JSON.parse(fromXlsx.stdout) as Model;
      expect(back.meta.format).toBe('xlsx');
      expect(validate(back)).toEqual([]);
      expect(gist(back)).toEqual(gist(text));
      expect(gist(back).indicators.length).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exit 2 for an unknown --format', async () => {
    const r = await jixiao('import', fixture('county-env-2024.txt'), '--format', 'xml');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知的输出格式');
  });
});
