/** 试算 of a file: read it through the isolated reader for any signed-in user, store nothing. */
import { Hono } from 'hono';
import { readFile } from '../../app/read-file.ts';
import { SEVERITY_TERMS } from '../../core/glossary.ts';
import type { Env } from '../context.ts';
import { LIMITS, limit, send } from '../respond.ts';
import { doc } from '../route-doc.ts';
import { ReadForm } from '../schemas.ts';
import { zv } from '../validate.ts';

export const readRoutes = new Hono<Env>().post(
  '/',
  doc({
    summary: `试算：读取文件（类型与大小限制同上传），返回内容与读取${SEVERITY_TERMS.warning}，不保存 (read a file for the trial editor, nothing stored)`,
    access: ['signed-in'],
  }),
  limit(LIMITS.upload),
  zv('form', ReadForm),
  async (c) => {
    const { file } = c.req.valid('form');
    const bytes = new Uint8Array(await file.arrayBuffer());
    return send(c, await readFile({ filename: file.name, bytes }));
  },
);
