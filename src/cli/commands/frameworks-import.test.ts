/** `bin/jixiao frameworks import` on composed score sheets, as a bureau runs it. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../../bin/jixiao', import.meta.url));
const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/score-sheets/${name}`, import.meta.url));

const jixiao = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args]);
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
};

const dir = mkdtempSync(join(tmpdir(), 'jixiao-sheet-'));

describe('bin/jixiao frameworks import', () => {
  it('writes the framework of a sound sheet, which `frameworks show` takes', async () => {
    const out = join(dir, 'county.json');
    const r = await jixiao(
      'frameworks',
      'import',
      fixture('county-department-2025.xlsx'),
      '--out',
      out,
      '--id',
      'demo-county-2025',
      '--region',
      '示范县',
      '--report-year',
      '2025',
      '--format',
      'text',
    );
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('没有错误，可以使用 (no errors)');
    const f = JSON.parse(readFileSync(out, 'utf8'));
    expect(f).toMatchObject({ id: 'demo-county-2025', region: '示范县', reportYear: 2025, total: '100' });
    const shown = await jixiao('frameworks', 'show', out, '--format', 'text');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('投入（15 分）');
  }, 60_000);

  it('lists every problem, Chinese first and English after, exit 1; JSON keeps the ids', async () => {
    const text = await jixiao(
      'frameworks',
      'import',
      fixture('district-flawed-2025.xlsx'),
      '--format',
      'text',
    );
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      '错误：第 9 行「管理制度健全性」的分值「五分」不是数字 (error: a score that is not a number)',
    );
    expect(text.stdout).toContain(
      '警告：未识别的列「考核科室」（第 6 列），已忽略 (warning: unknown column, ignored)',
    );
    const json = await jixiao(
      'frameworks',
      'import',
      fixture('district-flawed-2025.xlsx'),
      '--format',
      'json',
    );
    expect(json.code).toBe(1);
    const body = JSON.parse(json.stdout);
    expect(body.problems.map((p: { rule: string }) => p.rule)).toContain('framework.duplicate');
    expect(body.framework.indicators).toHaveLength(4);
  }, 60_000);

  it('an unreadable file: one line on stderr, exit 2', async () => {
    const r = await jixiao('frameworks', 'import', fixture('sheets.ts'));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/不是 .xlsx 或 .docx 文件.*\(not an .xlsx or .docx file/u);
    const missing = await jixiao('frameworks', 'import', join(dir, 'nothing.xlsx'));
    expect(missing.code).toBe(2);
  }, 60_000);
});
