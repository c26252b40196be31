import { z } from 'zod';
import { DepartmentReport, indicatorTreeTo } from './department-report.ts';
import { ProjectReport } from './project-report.ts';

/** Every kind of report jixiao holds, told apart by `kind`. 项目支出 forms join here. */
export const Report = z.discriminatedUnion('kind', [DepartmentReport, ProjectReport]);
export type Report = z.infer<typeof Report>;

/** Levels of indicators: 一级 to 三级 (IndicatorNode.level), and one more to spare. */
const SHALLOW_TREE_DEPTH = 4;

/**
 * Report for documents whose indicator tree is at most SHALLOW_TREE_DEPTH deep: what it accepts, Report
 * accepts with the same output. It has no reference cycle, so `z.compile` can make one function of it
 * (a save's hot path); anything it refuses is left to Report, whose verdict and messages stand.
 */
export const ShallowReport = z.discriminatedUnion('kind', [
  DepartmentReport.extend({ indicators: z.array(indicatorTreeTo(SHALLOW_TREE_DEPTH)) }),
  ProjectReport,
]);
