/** `bin/jixiao import|score|audit|render` on 项目支出绩效自评表 in both layouts, as a user runs them. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../../bin/jixiao', import.meta.url));
const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/project/${name}`, import.meta.url));

const jixiao = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args]);
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
};

const dir = mkdtempSync(join(tmpdir(), 'jixiao-project-'));

describe('bin/jixiao on project forms', () => {
  it('import: the JSON model of an .xlsx form, and the Chinese summary of a text export', async () => {
    const json = await jixiao('import', fixture('sichuan.xlsx'), '--format', 'json');
    expect(json.code).toBe(0);
    const model = JSON.parse(json.stdout);
    expect(model).toMatchObject({ kind: 'project', layout: 'sichuan', meta: { format: 'xlsx' } });
    expect(model.indicators).toHaveLength(7);
    const text = await jixiao('import', fixture('standard.txt'), '--format', 'text');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^项目支出绩效自评表（标准格式）/);
    expect(text.stdout).toContain('项目名称：城区公共照明节能改造项目');
    expect(text.stdout).toContain('读取警告：无');
  });

  it('score: both layouts and all three formats, each against its own framework', async () => {
    const r = await jixiao(
      'score',
      fixture('standard.txt'),
      fixture('standard.docx'),
      fixture('sichuan.xlsx'),
      fixture('sichuan-merged.xlsx'),
      '--format',
      'json',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { total: number; grade: string; framework: { id: string } }[];
    expect(out.map((x) => [x.total, x.grade, x.framework.id])).toEqual([
      [98.5, '优', 'mof-2020-project'],
      [98.5, '优', 'mof-2020-project'],
      [97.5, '优', 'sichuan-2023-project'],
      [97.5, '优', 'sichuan-2023-project'],
    ]);
  });

  it('audit: clean forms exit 0; a form with a wrong score and total exits 1 with the findings', async () => {
    const broken = join(dir, 'broken.txt');
    writeFileSync(
      broken,
      readFileSync(fixture('standard.txt'), 'utf8').replace(
        '\t36万元\n\t10\n\t9\n',
        '\t36万元\n\t10\n\t10\n',
      ),
    );
    const clean = await jixiao(
      'audit',
      fixture('standard.txt'),
      fixture('sichuan.txt'),
      fixture('standard-merged.docx'),
    );
    expect(clean.code).toBe(0);
    const bad = await jixiao('audit', broken, '--format', 'json');
    expect(bad.code).toBe(1);
    const [file] = JSON.parse(bad.stdout) as { findings: { rule: string; message: string }[] }[];
    expect(file?.findings.map((f) => f.rule).sort()).toEqual([
      'project.score-formula',
      'project.total-mismatch',
    ]);
    expect(file?.findings[0]?.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('render: .docx and .xlsx that import back as the same form; a bad input exits 2 with one line', async () => {
    const docx = join(dir, 'sichuan.docx');
    expect((await jixiao('render', fixture('sichuan.txt'), '--out', docx, '--stated')).code).toBe(0);
    const back = await jixiao('import', docx, '--format', 'json');
    expect(JSON.parse(back.stdout)).toMatchObject({
      kind: 'project',
      layout: 'sichuan',
      statedTotal: { value: '97.50' },
    });
    const notForm = join(dir, 'empty.xlsx');
    writeFileSync(notForm, readFileSync(fixture('sichuan.xlsx')).subarray(0, 200));
    const bad = await jixiao('render', notForm, '--out', join(dir, 'x.xlsx'));
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
