/** Writes schema/report.schema.json from the zod model; `--check` fails when the committed file is stale. */
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { Report } from '../src/core/model/index.ts';

const path = new URL('../schema/report.schema.json', import.meta.url);
const schema = {
  ...z.toJSONSchema(Report, { target: 'draft-2020-12', io: 'output' }),
  title: 'jixiao report',
};
const text = `${JSON.stringify(schema, null, 2)}\n`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {}
  if (current !== text) {
    console.error(
      'schema/report.schema.json 已过期，请运行 npm run schema (schema is stale: run npm run schema)',
    );
    process.exit(1);
  }
} else {
  writeFileSync(path, text);
  console.log('wrote schema/report.schema.json');
}
