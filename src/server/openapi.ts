/**
 * The OpenAPI 3.1 document at /api/openapi.json: paths from the route table below (written by hand, one
 * line per route, kept beside the routes by a test that compares both), schemas from the same zod
 * definitions the routes validate with.
 */
import { z } from 'zod';
import {
  CommentSchema,
  DepartmentSchema,
  JurisdictionSchema,
  ReportSchema,
  RescoreSchema,
  UserSchema,
  VersionMetaSchema,
} from '../app/store.ts';
import { Report as ReportDocument } from '../core/model/index.ts';
import { ROLES } from '../core/workflow.ts';
import { ApiError } from './errors.ts';
import { ATTACHMENT_ROUTES } from './openapi-attachments.ts';
import { JOB_ROUTES } from './openapi-jobs.ts';
import { TARGET_ROUTES } from './openapi-targets.ts';
import { RESPONSE_COMPONENTS } from './responses.ts';
import * as S from './schemas.ts';

export const ACCESS = ['public', 'signed-in', ...ROLES] as const;
export type Access = (typeof ACCESS)[number];

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
  response?: string;
  /** Answers 201 Created. */
  created?: true;
  /** A file download rather than JSON. */
  download?: boolean;
};

const REVIEWERS = ['dept-reviewer', 'bureau-reviewer'] as const;

export const ROUTES: readonly RouteSpec[] = [
  { method: 'get', path: '/api/openapi.json', summary: '本文档 (this document)', access: ['public'] },
  {
    method: 'get',
    path: '/api/public/meta',
    summary: '状态、角色、流程的中文名称 (labels and transitions)',
    access: ['public'],
  },
  {
    method: 'get',
    path: '/api/public/jurisdictions',
    summary: '地区 (jurisdictions)',
    access: ['public'],
    response: 'Jurisdiction[]',
  },
  {
    method: 'get',
    path: '/api/public/reports',
    summary: '已公开的报告 (published reports)',
    access: ['public'],
    query: S.PublicListQuery,
    response: 'PublicRow[]',
  },
  {
    method: 'get',
    path: '/api/public/reports/{id}/versions/{version}',
    summary: '已公开版本的内容 (a published version)',
    access: ['public'],
    response: 'ReportVersion',
  },
  {
    method: 'get',
    path: '/api/public/reports/{id}/versions/{version}/render/{format}',
    summary: '下载已公开版本 (download a published version: docx, pdf, html, xlsx)',
    access: ['public'],
    download: true,
  },
  {
    method: 'get',
    path: '/api/public/open-data/{format}',
    summary: '开放数据：已公开报告或（dataset=targets）绩效目标表 CSV 或 JSON (open data)',
    access: ['public'],
    query: S.OpenDataQuery,
    download: true,
  },
  {
    method: 'get',
    path: '/api/session',
    summary: '当前用户和 CSRF 令牌 (current user and CSRF token)',
    access: ['public'],
    response: 'Session',
  },
  {
    method: 'post',
    path: '/api/session',
    summary: '登录 (sign in)',
    access: ['public'],
    body: S.LoginBody,
    response: 'Session',
  },
  { method: 'delete', path: '/api/session', summary: '退出 (sign out)', access: ['public'] },
  {
    method: 'put',
    path: '/api/session/password',
    summary: "修改本人密码 (change one's own password)",
    access: ['signed-in'],
    body: S.PasswordChangeBody,
    response: 'Session',
  },
  {
    method: 'post',
    path: '/api/read',
    summary:
      '试算：读取文件（类型与大小限制同上传），返回内容与读取提示，不保存 (read a file for the trial editor, nothing stored)',
    access: ['signed-in'],
    form: S.ReadForm,
  },
  {
    method: 'get',
    path: '/api/reports',
    summary: '本人范围内的报告 (reports in scope)',
    access: ['signed-in'],
    query: S.ReportListQuery,
    response: 'ReportRow[]',
  },
  {
    method: 'post',
    path: '/api/reports',
    created: true,
    summary: '新建报告草稿 (new draft from a document)',
    access: ['preparer'],
    body: S.CreateReportBody,
    response: 'Created',
  },
  {
    method: 'post',
    path: '/api/reports/upload',
    created: true,
    summary:
      '上传文件新建草稿 (.docx .doc .wps .pdf .html .mhtml .txt .xlsx .xls .json)；文件所写单位或年度不符时须填写理由 (a mismatch needs a reason)',
    access: ['preparer'],
    form: S.UploadForm,
    response: 'Created',
  },
  {
    method: 'post',
    path: '/api/reports/export',
    summary: '批量导出：所选或筛选出的报告（Word 或 PDF 压缩包，或 .xlsx 汇总）(batch export)',
    access: ['bureau-reviewer', 'admin'],
    body: S.BatchExportBody,
    download: true,
  },
  {
    method: 'get',
    path: '/api/reports/{id}',
    summary: '报告、历史版本、意见、审核得分 (report with history)',
    access: ['signed-in'],
  },
  {
    method: 'get',
    path: '/api/reports/{id}/history',
    summary: '报告历史：版本、流程、意见、审核得分，含操作人和时间 (history, newest first)',
    access: ['signed-in'],
  },
  {
    method: 'get',
    path: '/api/reports/{id}/frameworks',
    summary: '评分所用的指标框架（编辑器实时评分与保存时相同）(the frameworks the report is scored against)',
    access: ['signed-in'],
  },
  {
    method: 'get',
    path: '/api/reports/{id}/versions/{version}',
    summary: '某一版本的内容 (a version)',
    access: ['signed-in'],
    response: 'ReportVersion',
  },
  {
    method: 'post',
    path: '/api/reports/{id}/versions',
    created: true,
    summary: '保存新版本；版本过期返回 409 及最新版本 (save; stale → 409)',
    access: ['preparer'],
    body: S.SaveVersionBody,
    response: 'Saved',
  },
  {
    method: 'post',
    path: '/api/reports/{id}/versions/upload',
    created: true,
    summary:
      '上传文件作为新版本；文件所写单位或年度与报告不符时须填写理由，否则 409 identity-mismatch (upload as next version; a mismatch needs a reason)',
    access: ['preparer'],
    form: S.UploadVersionForm,
    response: 'Saved',
  },
  {
    method: 'post',
    path: '/api/reports/{id}/versions/preview',
    summary:
      '读取上传的文件但不保存：内容、读取提示、与报告不符之处 (read an upload for comparison, nothing saved)',
    access: ['preparer'],
    form: S.PreviewVersionForm,
  },
  {
    method: 'get',
    path: '/api/reports/{id}/versions/{version}/score',
    summary: '评分与审核得分 (score)',
    access: ['signed-in'],
  },
  {
    method: 'get',
    path: '/api/reports/{id}/versions/{version}/audit',
    summary: '一致性审核及说明 (audit findings)',
    access: ['signed-in'],
  },
  {
    method: 'get',
    path: '/api/reports/{id}/versions/{version}/render/{format}',
    summary: '下载 (download: docx, pdf, html, xlsx)',
    access: ['signed-in'],
    download: true,
  },
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
  ...ATTACHMENT_ROUTES,
  ...JOB_ROUTES,
];

/** Dates travel as ISO strings; say so in the JSON Schema. */
const toSchema = (schema: z.ZodType): unknown =>
  z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      const def = (ctx.zodSchema as { _zod?: { def?: { type?: string } } })._zod?.def;
      if (def?.type === 'date') Object.assign(ctx.jsonSchema, { type: 'string', format: 'date-time' });
      if (ctx.zodSchema instanceof z.ZodCustom)
        Object.assign(ctx.jsonSchema, { type: 'string', format: 'binary' });
    },
  });

const COMPONENTS: Record<string, z.ZodType> = {
  Error: ApiError,
  Report: ReportSchema,
  VersionMeta: VersionMetaSchema,
  ReportDocument,
  Comment: CommentSchema,
  Rescore: RescoreSchema,
  User: UserSchema,
  Department: DepartmentSchema,
  Jurisdiction: JurisdictionSchema,
  ...RESPONSE_COMPONENTS,
};

const ref = (name: string) =>
  name.endsWith('[]')
    ? { type: 'array', items: { $ref: `#/components/schemas/${name.slice(0, -2)}` } }
    : { $ref: `#/components/schemas/${name}` };

const errorResponse = {
  description: '错误 (error)',
  content: { 'application/json': { schema: ref('Error') } },
};

export const openApiDocument = () => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of ROUTES) {
    const params = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const query = r.query
      ? Object.entries(r.query.shape).map(([name, s]) => ({
          name,
          in: 'query',
          required: !(s as z.ZodType).safeParse(undefined).success,
          schema: toSchema(s as z.ZodType),
        }))
      : [];
    const body = r.body
      ? { required: true, content: { 'application/json': { schema: toSchema(r.body) } } }
      : r.form
        ? { required: true, content: { 'multipart/form-data': { schema: toSchema(r.form) } } }
        : undefined;
    paths[r.path] ??= {};
    paths[r.path]![r.method] = {
      summary: r.summary,
      'x-access': r.access,
      parameters: [...params, ...query],
      ...(body ? { requestBody: body } : {}),
      responses: {
        [r.created ? '201' : '200']: r.download
          ? {
              description: '文件 (file download)',
              content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
            }
          : {
              description: '成功 (ok)',
              content: { 'application/json': { schema: r.response ? ref(r.response) : {} } },
            },
        default: errorResponse,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'jixiao 预算绩效自评 API',
      version: '0.1.0',
      description:
        'JSON API of jixiao serve. Sign in with POST /api/session; every state-changing request must send the ' +
        'jixiao_csrf cookie value in the X-CSRF-Token header (GET /api/session returns it). Errors: {code, message}.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(COMPONENTS).map(([k, s]) => [k, toSchema(s)])),
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'jixiao_session' } },
    },
  };
};
