/**
 * `npm run bench`: runs every `bench/*.bench.ts` (each exports `run(): Promise<Section>`) and writes the
 * figures to docs/benchmarks.md. `npm run bench -- import` runs only the benches whose name matches and
 * prints them; `npm run bench -- import --write` also replaces those sections in docs/benchmarks.md.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import type { Section } from './harness.ts';

const dir = new URL('.//', import.meta.url);
const filter = process.argv.slice(2).find((a) => !a.startsWith('--'));
const write = process.argv.includes('--write');
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
const docs = new URL('../docs/benchmarks.md', import.meta.url);
const render = (s: Section) => `## ${s.title}\n\n${s.markdown}\n`;

/** The sections of an existing benchmarks file, by title, in order. */
const existing = (): Section[] => {
  if (!existsSync(docs)) return [];
  return readFileSync(docs, 'utf8')
    .split(/^## /m)
    .slice(1)
    .map((chunk) => {
      const nl = chunk.indexOf('\n');
      return { title: chunk.slice(0, nl).trim(), markdown: chunk.slice(nl).trim() };
    });
};

if (!filter || write) {
  // A partial run replaces its own sections and keeps the others as they were measured.
  const kept = filter ? existing() : [];
  const merged = [...kept.map((k) => sections.find((s) => s.title === k.title) ?? k)];
  for (const s of sections) if (!merged.some((m) => m.title === s.title)) merged.push(s);
  writeFileSync(docs, `${header}\n${merged.map(render).join('\n')}`);
  console.error('wrote docs/benchmarks.md');
}
if (filter) for (const s of sections) console.log(render(s));
