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
  ...TARGET_ROUTES,
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
