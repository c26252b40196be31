/** Prints the corpus fields each report still reads wrong; WRITE=1 records them as the goldens' `misses`. */
import { writeFileSync } from 'node:fs';
import { readReport } from '../src/formats/read-report.ts';
import { CORPUS_DIR, corpus } from '../test/fixtures/corpus/corpus.ts';
import { fieldsOf, wrongFields } from '../test/fixtures/corpus/fields.ts';

let right = 0,
  all = 0;
for (const c of corpus()) {
  const r = await readReport(c.bytes);
  const wrong = r.ok ? wrongFields(r.value, c.golden) : Object.keys(c.golden.fields);
  right += Object.keys(c.golden.fields).length - wrong.length;
  all += Object.keys(c.golden.fields).length;
  const got = r.ok ? fieldsOf(r.value) : {};
  console.log(c.name, r.ok ? '' : r.code, wrong.map((k) => `${k}=${JSON.stringify(got[k])}`).join(' '));
  if (process.env.WRITE)
    writeFileSync(
      new URL(`${c.name}.golden.json`, CORPUS_DIR),
      `${JSON.stringify({ ...c.golden, misses: wrong }, null, 2)}\n`,
    );
}
console.log(`${right}/${all}`);
