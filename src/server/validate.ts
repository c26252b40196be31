/**
 * zod validation of a request part, with Chinese messages (z.config(z.locales.zhCN())). The schemas are
 * the API's single definition of its shapes: validation, the client's types (hc) and the OpenAPI document
 * all come from them.
 */
import type { ValidationTargets } from 'hono';
import { validator } from 'hono/validator';
import { z } from 'zod';

z.config(z.locales.zhCN());

export const invalidBody = (error: z.ZodError) => {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const first = issues[0];
  return {
    code: 'invalid',
    message: `请求不正确：${first ? `${first.path ? `${first.path}：` : ''}${first.message}` : ''} (invalid request)`,
    issues,
  };
};

export const zv = <T extends keyof ValidationTargets, S extends z.ZodType>(target: T, schema: S) =>
  validator(target, async (value, c) => {
    const r = await schema.safeParseAsync(value);
    if (!r.success) return c.json(invalidBody(r.error), 400);
    return r.data as z.output<S>;
  });
