import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../../bin/jixiao', import.meta.url));
const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/score/${name}`, import.meta.url));

const jixiao = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args]);
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
};

describe('bin/jixiao score', () => {
  it('prints the JSON contract, one object per file in order, exit 2 for an unreadable file', async () => {
    const missing = '/no/such/report.txt';
    const r = await jixiao(
      'score',
      fixture('sample-report.json'),
      missing,
      fixture('liang-report.json'),
      '--format',
      'json',
    );
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([
      `jixiao: ${missing}: 找不到文件 ${missing} (file not found)`,
    ]);
    const out = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(out.map((o) => o.file)).toEqual([
      fixture('sample-report.json'),
      missing,
      fixture('liang-report.json'),
    ]);
    expect(out[0]).toMatchObject({ total: 98.2, grade: '优', stated_total: 98.2, stated_grade: '优' });
    expect(out[2]).toMatchObject({ total: 88.2, grade: '良', next_grade: { grade: '优' } });
    const tree = out[0]!.indicators as {
      name: string;
      children: { name: string; children: Record<string, unknown>[] }[];
    }[];
    expect(tree[1]!.children[1]!.children[3]).toMatchObject({
      name: '政府采购执行率',
      level: 3,
      weight: 4,
      stated_score: 2.6,
      score: 2.6,
      difference: 0,
      rule: 'rate',
      lost: [{ points: 1.4, reason: expect.stringContaining('64.94%') }],
    });
  });

  it('streams NDJSON and CSV rows with the stated and recomputed totals', async () => {
    const missing = '/no/such/report.txt';
    const files = [fixture('liang-report.json'), missing, fixture('sample-report.json')];
    const nd = await jixiao('score', ...files, '--format', 'ndjson');
    expect(nd.code).toBe(2);
    const lines = nd.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l.file, l.total ?? l.error])).toEqual([
      [files[0], 88.2],
      [missing, `找不到文件 ${missing} (file not found)`],
      [files[2], 98.2],
    ]);
    const csv = await jixiao('score', ...files, '--format', 'csv');
    expect(csv.code).toBe(2);
    expect(csv.stdout.split('\r\n')).toEqual([
      '\uFEFF文件,单位,年度,类型,自评总分,复核总分,自评等级,复核等级,错误,警告,提示,说明',
      `${files[0]},测试局,2023,部门整体,88.2,88.2,良,良,0,0,1,`,
      `${missing},,,,,,,,1,0,0,找不到文件 ${missing} (file not found)`,
      `${files[2]},测试局,2023,部门整体,98.2,98.2,优,优,0,0,1,`,
      '',
    ]);
  });

  it('writes nothing to stdout when the framework is unknown', async () => {
    const r = await jixiao(
      'score',
      fixture('liang-report.json'),
      '--framework',
      'no-such',
      '--format',
      'csv',
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('没有框架 no-such');
  });

  it('prints a text table with what-if, lost points and the way to the next grade', async () => {
    const r = await jixiao(
      'score',
      fixture('liang-report.json'),
      '--format',
      'text',
      '--set',
      '政府采购执行率=100%',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('选用 guangdong-yangxi-2024-department');
    expect(r.stdout).toMatch(/合计\s+100\s+88\.2\s+88\.2/);
    expect(r.stdout).toContain('假如 政府采购执行率=100%：总分 89.6，等级 良');
    expect(r.stdout).toContain('按假设，距「优」（≥90 分）还差 0.4 分');
  });

  it('ends text output of several files with a summary naming why files could not be read', async () => {
    const missing = '/no/such/report.txt';
    const r = await jixiao('score', fixture('liang-report.json'), missing, '--format', 'text');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('合计：2 个文件');
    expect(r.stderr).toContain('1 个无法读取');
    expect(r.stderr).toMatch(/错误 {2}1 {2}找不到文件（read\.not-found）\n/);
  });

  it('rejects a broken framework file with its problems, exit 2', async () => {
    const r = await jixiao(
      'score',
      fixture('sample-report.json'),
      '--framework',
      fixture('broken-framework.json'),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('下级指标权重合计 9 分');
    expect(r.stdout).toBe('');
  });
});

describe('bin/jixiao frameworks', () => {
  it('lists the built-in frameworks as JSON', async () => {
    const r = await jixiao('frameworks', '--format', 'json');
    expect(JSON.parse(r.stdout)).toContainEqual(
      expect.objectContaining({
        id: 'mof-2020-project',
        region: '全国（财政部）',
        year: 2020,
        kind: 'project',
        total: 100,
      }),
    );
  });
});
