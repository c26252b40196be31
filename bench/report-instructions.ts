/**
 * Instructions per report of the batch's per-file work, counted, not timed: on this shared machine the
 * CPU time of the same command moves by ±20% within an hour, which hides any change of a few per cent.
 * valgrind's callgrind counts the instructions of one thread that reads and audits the six reports of
 * bench/batch-corpus.ts (`auditBatch` in batches of 16, then each JSON entry) with V8 run single-threaded
 * (its compiler and GC in that thread) and fixed hash and random seeds, address randomization off: the
 * same code counts the same within ~0.1% whatever else the machine does. Each checkout (this one, and any
 * given) is bundled with esbuild and counted at two numbers of reports, two counts at a time (one per
 * core); the difference between them is the cost of the reports in between, mostly past the warm-up (V8
 * still compiles some of the time there: compare checkouts at the same numbers).
 *
 *   npx tsx bench/report-instructions.ts [/path/to/other-checkout …]
 *   REPORT_INSTRUCTIONS_N=1440,2400 npx tsx bench/report-instructions.ts   # the default; ~3 and ~5 minutes
 *
 * Needs valgrind (`apt-get install valgrind`). Instructions are not time (a cache miss is one
 * instruction): use it to tell small changes apart, and time the large ones.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { batchCorpus } from './batch-corpus.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NS = (process.env.REPORT_INSTRUCTIONS_N ?? '1440,2400').split(',').map(Number);
const checkouts = [ROOT, ...process.argv.slice(2).map((c) => resolve(c))];

/** The harness, bundled inside the checkout so that its packages resolve from its node_modules. */
const bundle = async (checkout: string): Promise<string> => {
  const dir = join(checkout, 'node_modules', '.cache', 'jixiao-instructions');
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'harness.ts');
  writeFileSync(
    entry,
    [
      `import { auditBatch } from ${JSON.stringify(join(checkout, 'src/app/audit-files.ts'))};`,
      `import { fileAuditJson } from ${JSON.stringify(join(checkout, 'src/cli/audit-json.ts'))};`,
      'const files = JSON.parse(process.env.FILES);',
      'let sink = 0;',
      'for (let done = 0; done < Number(process.env.N); done += files.length)',
      '  for (let k = 0; k < files.length; k += 16)',
      '    for (const r of await auditBatch(files.slice(k, k + 16))) sink += JSON.stringify(fileAuditJson(r)).length;',
      'if (sink === 0) throw new Error("nothing done");',
    ].join('\n'),
  );
  const out = join(dir, 'harness.mjs');
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: out,
    logLevel: 'error',
  });
  return out;
};

/** Instructions of one count (callgrind's "I refs"). */
const count = (harness: string, n: number, files: string[]): Promise<number> =>
  new Promise((done, fail) => {
    const args = ['-R', 'valgrind', '--tool=callgrind', '--callgrind-out-file=/dev/null'];
    args.push(process.execPath, '--single-threaded', '--hash-seed=7', '--random-seed=7');
    args.push('--max-semi-space-size=16', harness);
    const p = spawn('setarch', args, { env: { ...process.env, N: String(n), FILES: JSON.stringify(files) } });
    let err = '';
    p.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    p.on('error', fail);
    p.on('close', (code) => {
      const m = /I\s+refs:\s+([\d,]+)/.exec(err);
      if (code !== 0 || !m) fail(new Error(`callgrind failed (${code}): ${err.slice(-500)}`));
      else done(Number(m[1]!.replaceAll(',', '')));
    });
  });

const main = async () => {
  const dir = batchCorpus(6);
  const sub = join(dir, readdirSync(dir)[0]!);
  // 96 files: each of the six sixteen times, in the order of the batch bench.
  const six = readdirSync(sub)
    .sort()
    .map((f) => join(sub, f));
  const files = Array.from({ length: 96 }, (_, k) => six[k % six.length]!);
  try {
    const harnesses = await Promise.all(checkouts.map(bundle));
    const jobs = harnesses.flatMap((h, c) => NS.map((n) => ({ c, n, h })));
    const counts = new Map<string, number>();
    // Two at a time, one per core: a count does not depend on the load.
    for (let k = 0; k < jobs.length; k += 2) {
      await Promise.all(
        jobs.slice(k, k + 2).map(async (j) => {
          counts.set(`${j.c}/${j.n}`, await count(j.h, j.n, files));
          console.error(`counted ${checkouts[j.c]} at ${j.n}`);
        }),
      );
    }
    for (const [c, checkout] of checkouts.entries()) {
      const at = NS.map((n) => `${n}: ${(counts.get(`${c}/${n}`)! / 1e9).toFixed(3)} G`).join(', ');
      const a = counts.get(`${c}/${NS[0]}`)!;
      const b = counts.get(`${c}/${NS.at(-1)}`)!;
      const per = NS.length > 1 ? (b - a) / (NS.at(-1)! - NS[0]!) / 1e6 : a / NS[0]! / 1e6;
      console.log(`${checkout}: ${at}; ${per.toFixed(3)} M instructions per report in between`);
    }
  } finally {
    rmSync(join(dir, '..'), { recursive: true, force: true });
  }
};

await main();
