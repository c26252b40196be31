/**
 * Same output before and after a change to the batch path: runs `jixiao audit` (json, csv) and `jixiao
 * score` (json) of this checkout and of another (e.g. a `git worktree` of main) on the same files, and
 * compares the bytes. The files: every text and JSON report under test/fixtures, and `SAME_OUTPUT_N`
 * (default 3,000) reports made from them with one to three figures changed each (seeded, so the same on
 * every run), which sends them down many of the rules' paths. This checkout also runs with
 * `--processes 1` and `--processes 2`, which must give the same bytes.
 *
 *   npx tsx bench/same-output.ts /path/to/other-checkout
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OTHER = process.argv[2];
const N = Number(process.env.SAME_OUTPUT_N ?? 3000);

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );

/** A small seeded generator (mulberry32), so that every run makes the same files. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** One to three figures of the text changed: a digit replaced, or a figure doubled. */
const mutate = (text: string, next: () => number): string => {
  const figures = [...text.matchAll(/\d+(?:\.\d+)?/g)];
  if (figures.length === 0) return text;
  let out = text;
  const edits = 1 + Math.floor(next() * 3);
  for (let k = 0; k < edits; k++) {
    const m = figures[Math.floor(next() * figures.length)]!;
    const at = m.index!;
    const was = m[0];
    const now = next() < 0.5 ? was.replace(/\d(?=\D*$)/, String(Math.floor(next() * 10))) : `${was}${was[0]}`;
    if (now.length === was.length) out = out.slice(0, at) + now + out.slice(at + was.length);
  }
  return out;
};

const makeFiles = (dir: string): void => {
  const fixtures = walk(join(ROOT, 'test', 'fixtures')).filter(
    (f) => /\.(txt|json)$/.test(f) && !f.endsWith('.golden.json') && statSync(f).size < 2_000_000,
  );
  const sources = fixtures.filter((f) => f.endsWith('.txt')).map((f) => readFileSync(f, 'utf8'));
  mkdirSync(join(dir, 'fixtures'), { recursive: true });
  for (const f of fixtures)
    writeFileSync(join(dir, 'fixtures', relative(ROOT, f).replaceAll('/', '__')), readFileSync(f));
  const next = random(18);
  for (let i = 0; i < N; i++) {
    const sub = join(dir, 'made', String(Math.floor(i / 1000)));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(
      join(sub, `m${String(i).padStart(5, '0')}.txt`),
      mutate(sources[i % sources.length]!, next),
    );
  }
};

const jixiao = (checkout: string, args: string[], cwd: string): Buffer => {
  const r = spawnSync(process.execPath, [join(checkout, 'bin', 'jixiao'), ...args], {
    cwd,
    maxBuffer: 2 ** 30,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  if (r.status === null || r.status > 2)
    throw new Error(`${checkout}: ${args.join(' ')} exited with ${r.status}`);
  return r.stdout;
};

const main = (): number => {
  if (!OTHER) {
    console.error('usage: npx tsx bench/same-output.ts /path/to/other-checkout');
    return 2;
  }
  const dir = mkdtempSync(join(os.tmpdir(), 'jixiao-same-output-'));
  try {
    makeFiles(dir);
    const runs: { what: string; args: string[] }[] = [
      { what: 'audit json', args: ['audit', '.', '--format', 'json'] },
      { what: 'audit csv', args: ['audit', '.', '--format', 'csv'] },
      { what: 'score json', args: ['score', '.', '--format', 'json'] },
    ];
    let bad = 0;
    for (const r of runs) {
      const before = jixiao(OTHER, r.args, dir);
      const variants = r.args[0] === 'audit' ? [[], ['--processes', '1'], ['--processes', '2']] : [[]];
      for (const extra of variants) {
        const after = jixiao(ROOT, [...r.args, ...extra], dir);
        const same = before.equals(after);
        if (!same) bad++;
        console.log(`${same ? 'same' : 'DIFFERENT'}  ${r.what} ${extra.join(' ')}  (${before.length} bytes)`);
      }
    }
    return bad === 0 ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

process.exitCode = main();
