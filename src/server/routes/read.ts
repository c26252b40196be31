/** 试算 of a file: read it through the isolated reader for any signed-in user, store nothing. */
import { Hono } from 'hono';
import { readFile } from '../../app/read-file.ts';
import type { Env } from '../context.ts';
import { LIMITS, limit, send } from '../respond.ts';
import { ReadForm } from '../schemas.ts';
import { zv } from '../validate.ts';

export const readRoutes = new Hono<Env>().post('/', limit(LIMITS.upload), zv('form', ReadForm), async (c) => {
  const { file } = c.req.valid('form');
  const bytes = new Uint8Array(await file.arrayBuffer());
  return send(c, await readFile({ filename: file.name, bytes }));
});
