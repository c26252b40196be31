/**
 * What a route says of itself in the OpenAPI document, written beside it in the route's own chain
 * (`doc({...})` first, then the validators, then the handler): its summary, who may call it, and what it
 * answers. The request's shapes come from the validators (`zv`), so nothing is written twice.
 */
import { describeRoute } from 'hono-openapi';
import type { Role } from '../core/workflow.ts';
import type { ComponentName } from './components.ts';

export const ACCESS = [
  'public',
  'signed-in',
  'preparer',
  'dept-reviewer',
  'bureau-reviewer',
  'admin',
] as const;
export type Access = 'public' | 'signed-in' | Role;

export type RouteDoc = {
  summary: string;
  /** Who may call it (beyond this, the scope of the user decides what they see). */
  access: readonly Access[];
  /** A component of the document's schemas (`Report`), or a list of them (`Report[]`). */
  response?: ComponentName | `${ComponentName}[]`;
  /** Answers 201 Created. */
  created?: true;
  /** A file download rather than JSON. */
  download?: true;
  /** More members of the operation (`x-transition` of a workflow route). */
  extra?: Record<`x-${string}`, unknown>;
};

const ref = (name: string) =>
  name.endsWith('[]')
    ? { type: 'array' as const, items: { $ref: `#/components/schemas/${name.slice(0, -2)}` } }
    : { $ref: `#/components/schemas/${name}` };

const errorResponse = {
  description: '错误 (error)',
  content: { 'application/json': { schema: ref('Error') } },
};

/** The operation object of a route (what `doc` hands to the generator). */
export const operation = (d: RouteDoc) => ({
  summary: d.summary,
  'x-access': d.access,
  ...d.extra,
  responses: {
    [d.created ? '201' : '200']: d.download
      ? {
          description: '文件 (file download)',
          content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
        }
      : {
          description: '成功 (ok)',
          content: { 'application/json': { schema: d.response ? ref(d.response) : {} } },
        },
    default: errorResponse,
  },
});

/** The route's entry in the OpenAPI document, as a middleware that does nothing at run time. */
export const doc = (d: RouteDoc) =>
  describeRoute(operation(d) as unknown as Parameters<typeof describeRoute>[0]);
