/**
 * The project holds only what it wrote: no text file under src/, test/, bench/, frameworks/, docs/ or
 * scripts/ may repeat a line, or contain a sentence, of more than 20 characters of a real report in
 * ../shared/seeds/. Skipped, and said so, where that folder is absent.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { hasSeeds, SEEDS_DIR, seedPaths } from './seed.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const FOLDERS = ['src', 'test', 'bench', 'frameworks', 'docs', 'scripts'];
/** Longer than this (in characters) a shared line or sentence is a copy, not a set phrase. */
const LIMIT = 20;

const length = (s: string) => Array.from(s).length;
/** Word's bookmarks in a text export are not words of a sentence. */
const unmarked = (text: string) => text.replace(/\[bookmark: [^\]]*\]/g, '');

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030');
/** The text of a file, or null for a binary one (a NUL byte: images, .docx, .xlsx). */
const textOf = (path: string): string | null => {
  const bytes = readFileSync(path);
  if (bytes.includes(0)) return null;
  try {
    return utf8.decode(bytes);
  } catch {
    return gb18030.decode(bytes);
  }
};

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.name === 'node_modules' ? [] : e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );

/** Spaces of any width around a line or a sentence are not part of it. */
const long = (parts: string[]) => parts.map((p) => p.trim()).filter((p) => length(p) > LIMIT);

const runIt = hasSeeds ? it : it.skip;
const title = hasSeeds
  ? 'no file of the project repeats a line or a sentence of a seed report'
  : `no file repeats a seed report (skipped: ${SEEDS_DIR} is absent)`;

runIt(title, () => {
  const seeds = seedPaths().map((p) => readFileSync(p, 'utf8'));
  // A line as it stands in the seed file; a sentence without the bookmarks Word put before headings.
  const seedLines = new Set(seeds.flatMap((s) => long(s.split(/\r?\n/))));
  const seedSentences = [...new Set(seeds.flatMap((s) => long(unmarked(s).split(/[。；！？\r\n]/))))];
  expect(seedSentences.length).toBeGreaterThan(0);

  const copies: string[] = [];
  let files = 0;
  for (const path of FOLDERS.flatMap((f) => filesUnder(join(ROOT, f)))) {
    const text = textOf(path);
    if (text === null) continue;
    files++;
    const name = relative(ROOT, path);
    text.split(/\r?\n/).forEach((line, i) => {
      if (seedLines.has(line.trim())) copies.push(`${name}:${i + 1} repeats a line: ${line.trim()}`);
    });
    for (const sentence of seedSentences)
      if (text.includes(sentence)) copies.push(`${name} contains a sentence: ${sentence}`);
  }
  expect(files).toBeGreaterThan(100);
  expect(copies, `${copies.length} copies of a seed report:\n${copies.join('\n')}`).toEqual([]);
});
