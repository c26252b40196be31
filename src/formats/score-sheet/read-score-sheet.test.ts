import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importScoreSheet } from '../../core/framework/score-sheet.ts';
import { validateFramework } from '../../core/framework/validate.ts';
import { readScoreSheet } from './read-score-sheet.ts';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(
    readFileSync(fileURLToPath(new URL(`../../../test/fixtures/score-sheets/${name}`, import.meta.url))),
  );

const read = async (name: string) => {
  const r = await readScoreSheet(fixture(name));
  if (!r.ok) throw new Error(r.message);
  return importScoreSheet(r.value);
};

describe('score sheets of several regions, as .xlsx and .docx', () => {
  it('a county 部门整体 sheet (投入/过程/产出/效果, merged cells): the same tree from Excel and Word', async () => {
    const x = await read('county-department-2025.xlsx');
    const d = await read('county-department-2025.docx');
    expect(x.problems).toEqual([]);
    expect(d.framework).toEqual(x.framework);
    expect(x.framework.indicators.map((n) => `${n.name} ${n.weight}`)).toEqual([
      '投入 15',
      '过程 40',
      '产出 25',
      '效果 20',
    ]);
    expect([x.framework.kind, x.framework.year]).toEqual(['department', 2025]);
    expect(validateFramework(x.framework).ok).toBe(true);
  });

  it('a city 项目 sheet (决策/过程/产出/效益, weights in the names)', async () => {
    const d = await read('city-project-2025.docx');
    const x = await read('city-project-2025.xlsx');
    expect(d.problems).toEqual([]);
    expect(x.framework).toEqual(d.framework);
    expect(d.framework.kind).toBe('project');
    expect(d.framework.indicators.map((n) => `${n.name} ${n.weight}`)).toEqual([
      '决策 15',
      '过程 20',
      '产出 35',
      '效益 30',
    ]);
  });

  it('a district sheet with mistakes: every one listed', async () => {
    const r = await read('district-flawed-2025.xlsx');
    expect(r.problems.map((p) => p.rule)).toEqual([
      'sheet.bad-weight',
      'sheet.missing-weight',
      'framework.total',
      'framework.duplicate',
      'framework.weight',
      'framework.weight',
      'framework.weight',
      'sheet.unknown-column',
    ]);
  });

  it('refuses what is not a workbook or a Word document, and a broken one, in one line', async () => {
    const text = await readScoreSheet(new TextEncoder().encode('一级指标\t分值'));
    expect(text.ok ? '' : text.code).toBe('read.not-a-sheet');
    const cut = await readScoreSheet(fixture('county-department-2025.xlsx').subarray(0, 300));
    expect(cut.ok).toBe(false);
    expect(cut.ok ? '' : cut.message).toMatch(/^[^\n]*[\u4e00-\u9fff][^\n]*\(.+\)$/u);
  });
});
