/**
 * Writes schema/report.schema.json from the zod model and frameworks/schema/framework.schema.json from the
 * framework schema; `--check` fails when a committed file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { frameworkJsonSchema } from '../src/core/framework/schema.ts';
import { Report } from '../src/core/model/index.ts';

const files: { path: URL; name: string; text: string }[] = [
  {
    path: new URL('../schema/report.schema.json', import.meta.url),
    name: 'schema/report.schema.json',
    text: `${JSON.stringify(
      { ...z.toJSONSchema(Report, { target: 'draft-2020-12', io: 'output' }), title: 'jixiao report' },
      null,
      2,
    )}\n`,
  },
  {
    path: new URL('../frameworks/schema/framework.schema.json', import.meta.url),
    name: 'frameworks/schema/framework.schema.json',
    text: `${JSON.stringify(frameworkJsonSchema(), null, 2)}\n`,
  },
];

for (const { path, name, text } of files) {
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {}
    if (current !== text) {
      console.error(`${name} 已过期，请运行 npm run schema (schema is stale: run npm run schema)`);
      process.exit(1);
    }
  } else {
    writeFileSync(path, text);
    console.log(`wrote ${name}`);
  }
}
