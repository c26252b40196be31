/**
 * The OpenAPI 3.1 document at /api/openapi.json, generated from the routes themselves (hono-openapi reads
 * each route's `doc({...})` and its validators' schemas). Routes not yet declared that way are still
 * described by the hand-written rows below, which shrink as the route files move over.
 */
import type { Hono } from 'hono';
import { generateSpecs } from 'hono-openapi';
import type { z } from 'zod';
import { COMPONENTS } from './components.ts';
import type { Env } from './context.ts';
import { JOB_ROUTES } from './openapi-jobs.ts';
import { TARGET_ROUTES } from './openapi-targets.ts';
import { type Access, operation, type RouteDoc } from './route-doc.ts';
import * as S from './schemas.ts';
import { toJsonSchema } from './validate.ts';

export type RouteSpec = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI style: /api/reports/{id}. */
  path: string;
  summary: string;
  /** Who may call it (beyond this, the scope of the user decides what they see). */
  access: readonly Access[];
  query?: z.ZodObject;
  body?: z.ZodType;
  form?: z.ZodObject;
  response?: RouteDoc['response'];
  /** Answers 201 Created. */
  created?: true;
  /** A file download rather than JSON. */
  download?: boolean;
};

const REVIEWERS = ['dept-reviewer', 'bureau-reviewer'] as const;

export const ROUTES: readonly RouteSpec[] = [
  {
    method: 'post',
    path: '/api/reports/{id}/submit',
    summary: '提交 (草稿 → 已提交)',
    access: ['preparer'],
    body: S.StatusBody,
    response: 'Report',
  },
  {
    method: 'post',
    path: '/api/reports/{id}/approve',
    summary: '审核通过 (已提交 → 单位已审核 → 财政已审核；可附审核意见)',
    access: REVIEWERS,
    body: S.ApproveBody,
    response: 'Report',
  },
  {
    method: 'post',
    path: '/api/reports/{id}/return',
    summary: '退回并写明理由 (return with a reason)',
    access: REVIEWERS,
    body: S.ReturnBody,
    response: 'Report',
  },
  {
    method: 'post',
    path: '/api/reports/{id}/reopen',
    summary: '重新编辑 (已退回 → 草稿)',
    access: ['preparer'],
    body: S.StatusBody,
    response: 'Report',
  },
  {
    method: 'post',
    path: '/api/reports/{id}/publish',
    summary: '公开 (财政已审核 → 已公开)',
    access: ['bureau-reviewer'],
    body: S.StatusBody,
    response: 'Publication',
  },
  {
    method: 'post',
    path: '/api/reports/{id}/explanations',
    created: true,
    summary: '说明审核错误 (explain an audit error)',
    access: ['preparer'],
    body: S.ExplanationBody,
  },
  {
    method: 'post',
    path: '/api/reports/{id}/comments',
    created: true,
    summary: '意见 (comment)',
    access: ['signed-in'],
    body: S.CommentBody,
    response: 'Comment',
  },
  {
    method: 'post',
    path: '/api/reports/{id}/rescores',
    created: true,
    summary: '审核得分及理由 (re-score an indicator)',
    access: ['bureau-reviewer'],
    body: S.RescoreBody,
    response: 'Rescore',
  },
  {
    method: 'get',
    path: '/api/dashboard',
    summary: '地区 × 年度统计 (dashboard)',
    access: ['bureau-reviewer', 'admin'],
    query: S.DashboardQuery,
  },
  {
    method: 'get',
    path: '/api/progress',
    summary: '填报进度：各单位所处环节及各环节时间 (progress of every department by step)',
    access: ['bureau-reviewer', 'admin'],
    query: S.ProgressQuery,
  },
  {
    method: 'get',
    path: '/api/progress/export',
    summary: '填报进度 .xlsx (the progress table as a spreadsheet)',
    access: ['bureau-reviewer', 'admin'],
    query: S.ProgressQuery,
    download: true,
  },
  {
    method: 'post',
    path: '/api/samples',
    created: true,
    summary: '随机抽取抽查复核报告 (draw a review sample)',
    access: ['bureau-reviewer'],
    body: S.SampleBody,
  },
  {
    method: 'get',
    path: '/api/jurisdictions',
    summary: '本人范围内的地区 (jurisdictions in scope)',
    access: ['signed-in'],
    response: 'Jurisdiction[]',
  },
  {
    method: 'post',
    path: '/api/jurisdictions',
    created: true,
    summary: '新增地区 (add a jurisdiction)',
    access: ['admin'],
    body: S.NewJurisdictionBody,
    response: 'Jurisdiction',
  },
  {
    method: 'patch',
    path: '/api/jurisdictions/{id}',
    summary: '修改地区名称或编码 (rename a jurisdiction, set its code)',
    access: ['admin'],
    body: S.JurisdictionPatchBody,
    response: 'Jurisdiction',
  },
  {
    method: 'get',
    path: '/api/departments',
    summary: '本人范围内的单位 (departments in scope)',
    access: ['signed-in'],
    query: S.DepartmentListQuery,
    response: 'Department[]',
  },
  {
    method: 'post',
    path: '/api/departments',
    created: true,
    summary: '新增单位 (add a department)',
    access: ['admin'],
    body: S.NewDepartmentBody,
    response: 'Department',
  },
  {
    method: 'patch',
    path: '/api/departments/{id}',
    summary: '修改、移动或停用单位 (change, move or disable a department)',
    access: ['admin'],
    body: S.DepartmentPatchBody,
    response: 'Department',
  },
  {
    method: 'get',
    path: '/api/fiscal-years',
    summary: '填报年度及截止日期 (reporting years)',
    access: ['signed-in'],
    query: S.DepartmentListQuery,
  },
  {
    method: 'put',
    path: '/api/fiscal-years',
    summary: '设定填报截止日期 (set a deadline)',
    access: ['admin'],
    body: S.FiscalYearBody,
  },
  { method: 'get', path: '/api/users', summary: '用户 (users)', access: ['admin'], response: 'User[]' },
  {
    method: 'post',
    path: '/api/users',
    created: true,
    summary: '新增用户 (add a user)',
    access: ['admin'],
    body: S.NewUserBody,
    response: 'User',
  },
  {
    method: 'patch',
    path: '/api/users/{id}',
    summary: '改姓名、重设密码或停用 (rename, set password, disable)',
    access: ['admin'],
    body: S.UserPatchBody,
    response: 'User',
  },
  {
    method: 'get',
    path: '/api/todo',
    summary: '待办：待我审核、被退回、草稿的份数，距截止日期的天数 (to-do counts, days to the deadline)',
    access: ['signed-in'],
    query: S.TodoQuery,
  },
  {
    method: 'get',
    path: '/api/admin/backup',
    summary: '下载内置数据库的备份（最上级地区的管理员）(download a backup of the embedded database)',
    access: ['admin'],
  },
  {
    method: 'post',
    path: '/api/users/{id}/reset-password',
    summary: '重置密码：一次性密码，首次登录须修改 (reset: a one-time password)',
    access: ['admin'],
  },
  { method: 'get', path: '/api/frameworks', summary: '评分框架 (frameworks)', access: ['signed-in'] },
  {
    method: 'post',
    path: '/api/frameworks',
    created: true,
    summary: '新增框架版本；财政局为本辖区 (add a framework version; a bureau for its jurisdiction)',
    access: ['admin', 'bureau-reviewer'],
    body: S.FrameworkBody,
  },
  {
    method: 'post',
    path: '/api/frameworks/import',
    summary:
      '读取评分表（.xlsx、.docx）为框架草稿并列出问题，不保存 (read a score sheet into a draft with its problems; nothing stored)',
    access: ['admin', 'bureau-reviewer'],
    form: S.ScoreSheetForm,
  },
  ...TARGET_ROUTES,
  ...JOB_ROUTES,
];

const toSchema = (schema: z.ZodType): unknown => toJsonSchema(schema);

/** A hand-written row as an operation (the shape `doc` gives a declared route). */
const handWritten = (r: RouteSpec) => {
  const query = r.query
    ? Object.entries(r.query.shape).map(([name, s]) => ({
        name,
        in: 'query',
        required: !(s as z.ZodType).safeParse(undefined).success,
        schema: toSchema(s as z.ZodType),
      }))
    : [];
  const params = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const body = r.body
    ? { required: true, content: { 'application/json': { schema: toSchema(r.body) } } }
    : r.form
      ? { required: true, content: { 'multipart/form-data': { schema: toSchema(r.form) } } }
      : undefined;
  return {
    ...operation({
      summary: r.summary,
      access: r.access,
      ...(r.response ? { response: r.response } : {}),
      ...(r.created ? { created: true } : {}),
      ...(r.download ? { download: true } : {}),
    }),
    parameters: [...params, ...query],
    ...(body ? { requestBody: body } : {}),
  };
};

const INFO = {
  title: 'jixiao 预算绩效自评 API',
  version: '0.1.0',
  description:
    'JSON API of jixiao serve. Sign in with POST /api/session; every state-changing request must send the ' +
    'jixiao_csrf cookie value in the X-CSRF-Token header (GET /api/session returns it). Errors: {code, message}.',
};

type Operation = Record<string, unknown>;
export type OpenApiDocument = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};

/** The document of `app`: every route declared with `doc` (and its validators), with the shared schemas. */
export const openApiDocument = async (app: Hono<Env>): Promise<OpenApiDocument> => {
  const spec = (await generateSpecs(app, {
    documentation: {
      info: INFO,
      servers: [{ url: '/' }],
      components: {
        schemas: Object.fromEntries(Object.entries(COMPONENTS).map(([k, s]) => [k, toSchema(s)])) as Record<
          string,
          object
        >,
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'jixiao_session' } },
      },
    },
    defaultValidationErrorResponse: false,
    excludeStaticFile: false,
  })) as unknown as OpenApiDocument & Record<string, unknown>;
  for (const r of ROUTES) {
    spec.paths[r.path] ??= {};
    // Generated from a validator alone, the route has not said what it is yet: its row says so.
    if (!spec.paths[r.path]![r.method]?.summary) spec.paths[r.path]![r.method] = handWritten(r);
  }
  return spec;
};
