import { z } from 'zod';
import { DepartmentReport } from './department-report.ts';
import { ProjectReport } from './project-report.ts';

/** Every kind of report jixiao holds, told apart by `kind`. 项目支出 forms join here. */
export const Report = z.discriminatedUnion('kind', [DepartmentReport, ProjectReport]);
export type Report = z.infer<typeof Report>;
