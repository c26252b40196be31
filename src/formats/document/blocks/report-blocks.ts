/** The whole report as blocks, in the order of the standard 部门整体支出绩效自评报告. */
import type { DepartmentReport } from '../../../core/model/index.ts';
import { analysisBlocks } from './analysis-blocks.ts';
import { appendixBlocks } from './appendix-blocks.ts';
import { basicBlocks } from './basic-blocks.ts';
import type { Block } from './blocks.ts';
import { expenditureBlocks } from './expenditure-blocks.ts';
import type { RenderInput } from './render-input.ts';

export const reportTitle = (r: DepartmentReport): string => {
  if (r.title?.value) return r.title.value;
  const name = r.department.name?.value ?? '';
  return `${name}${r.year ? `${r.year.value}年度` : ''}部门整体支出绩效自评报告`;
};

/** The error findings that put an error page first, or none when errors are allowed. */
export const blockingErrors = (input: RenderInput) =>
  input.allowErrors ? [] : (input.findings ?? []).filter((f) => f.severity === 'error');

export const reportBlocks = (input: RenderInput): Block[] => {
  const r = input.report;
  const errors = blockingErrors(input);
  return [
    ...(errors.length ? [{ kind: 'errors', findings: errors } satisfies Block] : []),
    { kind: 'title', text: reportTitle(r) },
    ...basicBlocks(r),
    ...expenditureBlocks(r),
    ...analysisBlocks(r, input.scores),
    ...appendixBlocks(r, input.scores),
  ];
};
