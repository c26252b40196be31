/**
 * 项目支出绩效自评表: median time to read one form (text export, .docx, .xlsx), to score it, to audit it
 * and to write it (.docx, .xlsx), for both layouts.
 */
import { readFileSync } from 'node:fs';
import { auditReport } from '../src/core/audit/index.ts';
import { builtinFramework } from '../src/core/framework/registry.ts';
import type { ProjectReport } from '../src/core/model/index.ts';
import { scoreReport } from '../src/core/scoring/score-report.ts';
import { projectFormGrid } from '../src/formats/project/form-rows.ts';
import { writeProjectDocx } from '../src/formats/project/write-project-docx.ts';
import { writeProjectXlsx } from '../src/formats/project/write-project-xlsx.ts';
import { readReport } from '../src/formats/read-report.ts';
import { median, ms, type Section, table, time } from './harness.ts';

const bytes = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../test/fixtures/project/${name}`, import.meta.url)));

const read = async (b: Uint8Array): Promise<ProjectReport> => {
  const r = await readReport(b);
  if (!r.ok || r.value.kind !== 'project') throw new Error('not a project form');
  return r.value;
};

export const run = async (): Promise<Section> => {
  const rows: string[][] = [];
  for (const [layout, text, framework] of [
    ['标准', 'standard.txt', 'mof-2020-project'],
    ['四川', 'sichuan.txt', 'sichuan-2023-project'],
  ] as const) {
    const txt = bytes(text);
    const report = await read(txt);
    const grid = projectFormGrid(report);
    const docx = await writeProjectDocx(grid);
    const xlsx = await writeProjectXlsx(grid);
    const fw = builtinFramework(framework)!;
    const cases: [string, () => unknown][] = [
      ['import (text export)', () => read(txt)],
      ['import (.docx)', () => read(docx)],
      ['import (.xlsx)', () => read(xlsx)],
      ['score', () => scoreReport(report, fw)],
      ['audit', () => auditReport(report)],
      ['render .docx', () => writeProjectDocx(projectFormGrid(report))],
      ['render .xlsx', () => writeProjectXlsx(projectFormGrid(report))],
    ];
    for (const [what, fn] of cases) rows.push([layout, what, ms(median(await time(fn, 25, 5)))]);
  }
  return {
    title: '项目支出绩效自评表 (one form)',
    markdown: [
      'Median of 25 runs after 5 warm-ups, one composed form of 8 (标准) or 7 (四川) indicators, in process.',
      '',
      table(['layout', 'step', 'median ms'], rows),
    ].join('\n'),
  };
};
