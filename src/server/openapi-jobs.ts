/** The batch-job rows of the OpenAPI route table (openapi.ts spreads them into ROUTES). */
import type { Role } from '../core/workflow.ts';

type JobRouteSpec = {
  method: 'get' | 'post';
  path: string;
  summary: string;
  access: readonly Role[];
  created?: true;
  download?: boolean;
};

const BUREAU: readonly Role[] = ['bureau-reviewer', 'admin'];

export const JOB_ROUTES: readonly JobRouteSpec[] = [
  { method: 'get', path: '/api/jobs', summary: '本地区的批量审核任务 (batch jobs in scope)', access: BUREAU },
  {
    method: 'post',
    path: '/api/jobs',
    created: true,
    summary: '提交批量审核：报告文件或 .zip，表单字段 file 可重复 (submit a bulk audit: files or a zip)',
    access: BUREAU,
  },
  { method: 'get', path: '/api/jobs/{id}', summary: '任务进度 (a job’s progress)', access: BUREAU },
  {
    method: 'get',
    path: '/api/jobs/{id}/results.csv',
    summary: '任务结果 CSV，按文件顺序，进行中则为已完成部分 (results as CSV, in file order)',
    access: BUREAU,
    download: true,
  },
];
