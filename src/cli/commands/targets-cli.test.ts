/**
 * `bin/jixiao import --targets` and `render` of a 绩效目标申报表 as a user runs them: the target model JSON
 * renders to .docx and .xlsx, and reading those back (and a text export) gives the same table.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleDepartmentTable, sampleProjectTable } from '../../core/targets/sample-tables.ts';
import type { TargetTable } from '../../core/targets/table.ts';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../../bin/jixiao', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'jixiao-targets-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const jixiao = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
};

/** What a written form carries back: ids are renumbered, the library type and last year's figures stay out. */
const comparable = (t: TargetTable) => ({
  ...t,
  ...(t.kind === 'project' ? { projectType: null } : {}),
  indicators: t.indicators.map(({ id: _, lastYearActual: __, belowLastYearReason: ___, ...rest }) => rest),
});

describe.each([
  ['project', sampleProjectTable()],
  ['department', sampleDepartmentTable()],
] as const)('a %s target table', (kind, table) => {
  const json = join(dir, `${kind}.json`);
  writeFileSync(json, JSON.stringify(table));

  it.each(['docx', 'xlsx'])('renders to .%s and imports back to the same table', async (ext) => {
    const out = join(dir, `${kind}.${ext}`);
    const rendered = await jixiao('render', json, '--out', out);
    expect(rendered).toMatchObject({ code: 0, stderr: '' });
    const read = await jixiao('import', out, '--targets', '--format', 'json');
    expect(read.stderr).toBe('');
    const back = JSON.parse(read.stdout) as TargetTable;
    if (kind === 'department') {
      // The form writes the amounts, not the shares.
      const t = table as Extract<TargetTable, { kind: 'department' }>;
      const noShares = (o: Record<string, { amount: string | null }>) =>
        Object.fromEntries(Object.entries(o).map(([k, v]) => [k, { amount: v.amount, share: null }]));
      expect(comparable(back)).toEqual(
        comparable({
          ...t,
          funds: { income: noShares(t.funds.income), expenditure: noShares(t.funds.expenditure) },
        } as TargetTable),
      );
    } else expect(comparable(back)).toEqual(comparable(table));
  });

  it('imports its own JSON, and summarises it with the 目标审核 checks in text', async () => {
    const text = await jixiao('import', json, '--format', 'text');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('目标审核：各项检查均已通过');
  });
});

describe('target tables from other files', () => {
  it('reads a text export with 指标值 written “≥95%” and no 指标性质 column', async () => {
    const file = join(dir, 'export.txt');
    writeFileSync(
      file,
      [
        '项目支出绩效目标申报表（2027年度）',
        '项目名称 | 村道硬化',
        '主管部门 | 示范县交通运输局',
        '年度目标 | 目标1：完成村道硬化30公里',
        '一级指标 | 二级指标 | 三级指标 | 指标值',
        '产出指标 | 数量指标 | 硬化里程 | ≥30公里',
        ' | 质量指标 | 验收合格率 | =100%',
        '满意度指标 | 服务对象满意度指标 | 群众满意度 | 显著提高',
      ].join('\n'),
    );
    const read = await jixiao('import', file, '--targets');
    expect(read.code).toBe(0);
    const t = JSON.parse(read.stdout) as TargetTable;
    expect(t).toMatchObject({
      kind: 'project',
      year: 2027,
      projectName: '村道硬化',
      goals: ['完成村道硬化30公里'],
    });
    expect(t.indicators.map((i) => [i.level1, i.name, i.nature, i.value, i.unit])).toEqual([
      ['产出指标', '硬化里程', '≥', '30', '公里'],
      ['产出指标', '验收合格率', '=', '100', '%'],
      ['满意度指标', '群众满意度', '定性', '显著提高', ''],
    ]);
  });

  it('says what is missing, never a stack trace, and keeps report rendering as it was', async () => {
    const file = join(dir, 'no-grid.txt');
    writeFileSync(file, '项目支出绩效目标申报表（2027年度）\n项目名称 | 村道硬化\n');
    const read = await jixiao('import', file, '--targets');
    expect(read.code).toBe(2);
    expect(read.stderr).toContain('未找到绩效指标表');
    const pdf = await jixiao('render', join(dir, 'project.json'), '--out', join(dir, 'x.pdf'));
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('.docx 或 .xlsx');
  });
});
