/**
 * The OpenAPI 3.1 document at /api/openapi.json, generated from the routes themselves: hono-openapi reads
 * each route's `doc({...})` (summary, who may call it, its answer) and the schemas of its validators
 * (`zv`), so a route is described where it is declared and nowhere else. The named schemas are those of
 * `components.ts`.
 */
import type { Hono } from 'hono';
import { generateSpecs } from 'hono-openapi';
import { COMPONENTS } from './components.ts';
import type { Env } from './context.ts';
import { toJsonSchema } from './validate.ts';

const INFO = {
  title: 'jixiao 预算绩效自评 API',
  version: '0.1.0',
  description:
    'JSON API of jixiao serve. Sign in with POST /api/session; every state-changing request must send the ' +
    'jixiao_csrf cookie value in the X-CSRF-Token header (GET /api/session returns it). Errors: {code, message}.',
};

export type OpenApiDocument = {
  openapi: string;
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, unknown> };
};

/** The document of `app`: every route declared with `doc` (and its validators), with the shared schemas. */
export const openApiDocument = async (app: Hono<Env>): Promise<OpenApiDocument> =>
  (await generateSpecs(app, {
    documentation: {
      info: INFO,
      servers: [{ url: '/' }],
      components: {
        schemas: Object.fromEntries(
          Object.entries(COMPONENTS).map(([k, s]) => [k, toJsonSchema(s)]),
        ) as Record<string, object>,
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'jixiao_session' } },
      },
    },
    // Refusals are documented once per route (`default`: the one error shape), not as hono-openapi's own.
    defaultValidationErrorResponse: false,
    // /api/openapi.json and /api/jobs/{id}/results.csv are routes, not static files.
    excludeStaticFile: false,
  })) as unknown as OpenApiDocument;
