import { z } from 'zod';
import { Report } from '../../core/model/index.ts';
import { type ReadResult, readError } from '../read-result.ts';

z.config(z.locales.zhCN());

/** Reads the JSON model (as `jixiao import --format json` prints it), validating it against the schema. */
export const readJsonReport = (text: string): ReadResult => {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return readError('read.json-syntax', `JSON 语法错误：${(e as Error).message}`, 'invalid JSON');
  }
  const parsed = Report.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? first.path.join('.') || '(根)' : '';
    return readError(
      'read.json-schema',
      `JSON 不符合报告模型：${where} ${first?.message ?? ''}（共 ${parsed.error.issues.length} 处）`,
      'JSON does not match schema/report.schema.json',
    );
  }
  return { ok: true, value: parsed.data };
};
