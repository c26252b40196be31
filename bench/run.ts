/**
 * `npm run bench`: runs every `bench/*.bench.ts` (each exports `run(): Promise<Section>`) and writes the
 * figures to docs/benchmarks.md. `npm run bench -- import` runs only the benches whose name matches.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import type { Section } from './harness.ts';

const dir = new URL('./', import.meta.url);
const filter = process.argv[2];
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();

const sections: Section[] = [];
for (const f of files) {
  console.error(`bench: ${f}`);
  const mod = (await import(new URL(f, dir).href)) as { run: () => Promise<Section> };
  sections.push(await mod.run());
}

const header = [
  '# Benchmarks',
  '',
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ` +
    `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB. ` +
    'The machine is shared and noisy: figures are medians, and each is compared with a baseline measured in the same run.',
  '',
].join('\n');
if (!filter) {
  writeFileSync(
    new URL('../docs/benchmarks.md', import.meta.url),
    `${header}\n${sections.map((s) => `## ${s.title}\n\n${s.markdown}\n`).join('\n')}`,
  );
  console.error('wrote docs/benchmarks.md');
} else {
  for (const s of sections) console.log(`## ${s.title}\n\n${s.markdown}\n`);
}
