/**
 * Report files for the batch benches, made at bench time and bounded on disk: six distinct reports (the
 * three composed clean ones, and each with one figure changed so that the rules report too), linked
 * under as many names as asked (hard links take no space of their own). The caller removes the folder.
 */
import { linkSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

const FIXTURES = new URL('../test/fixtures/audit/', import.meta.url);

/** Files per subfolder: a folder of 100,000 names is slow to list on some file systems. */
const PER_FOLDER = 1000;

/** A fresh folder with `n` report files (r000000.txt …) in subfolders; returns the folder. */
export const batchCorpus = (n: number): string => {
  const dir = mkdtempSync(join(os.tmpdir(), 'jixiao-batch-bench-'));
  const bases = ['clean-base.txt', 'clean-small.txt', 'clean-yuan.txt'].map((f) =>
    readFileSync(new URL(f, FIXTURES), 'utf8'),
  );
  const pool = bases.flatMap((b, k) => {
    const clean = join(dir, `pool-${k}-clean.txt.src`);
    const faulty = join(dir, `pool-${k}-faulty.txt.src`);
    writeFileSync(clean, b);
    writeFileSync(
      faulty,
      b.replace(/自评得分(\d+)分/u, (_m, d: string) => `自评得分${Number(d) - 1}分`),
    );
    return [clean, faulty];
  });
  for (let i = 0; i < n; i++) {
    const sub = join(dir, 'reports', String(Math.floor(i / PER_FOLDER)).padStart(3, '0'));
    if (i % PER_FOLDER === 0) mkdirSync(sub, { recursive: true });
    linkSync(pool[i % pool.length]!, join(sub, `r${String(i).padStart(6, '0')}.txt`));
  }
  return join(dir, 'reports');
};
