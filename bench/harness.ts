/** Small timing helpers for `npm run bench`: medians over repeated runs, on a noisy 2-core machine. */
import { performance } from 'node:perf_hooks';

export type Section = { title: string; markdown: string };

/** Runs `fn` `runs` times (after `warmup` runs) and returns the timings in milliseconds. */
export const time = async (
  fn: () => unknown | Promise<unknown>,
  runs = 15,
  warmup = 3,
): Promise<number[]> => {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
};

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export const ms = (x: number): string => (x < 1 ? x.toFixed(3) : x < 100 ? x.toFixed(2) : x.toFixed(0));

export const table = (header: readonly string[], rows: readonly (readonly string[])[]): string =>
  [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
