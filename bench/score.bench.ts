/**
 * Scoring throughput: 1,000 reports scored in one process (`scoreFiles`, as `jixiao score` does), against
 * the baseline of only reading the same files; plus the engine alone on reports already in memory.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFile } from '../src/app/import-file.ts';
import { scoreFiles } from '../src/app/score-files.ts';
import { builtinFramework } from '../src/core/framework/registry.ts';
import type { DepartmentReport } from '../src/core/model/index.ts';
import { scoreReport } from '../src/core/scoring/score-report.ts';
import { nextGradeChanges } from '../src/core/scoring/what-if.ts';
import { hasSeeds, seedBytes } from '../test/seed.ts';
import { sampleReport } from '../test/support/reports/scoring-sample.ts';
import { median, ms, type Section, table, time } from './harness.ts';

const N = 1000;

/** Varied reports: every tenth loses points on a manual leaf, so the next-grade search runs too. */
const variant = (i: number): DepartmentReport => {
  const r = sampleReport();
  if (i % 10 === 0) {
    const effect = r.indicators[2]!.children[2]!;
    effect.statedScore = { value: String(10 + (i % 7)) };
    effect.evidence = '部分目标未完成。';
  }
  r.indicators[1]!.children[1]!.children[3]!.inputs[0]!.value = (40 + (i % 60)).toFixed(2);
  return r;
};

const perSecond = (count: number, millis: number): string =>
  Math.round((count / millis) * 1000).toLocaleString('en-US');

export const run = async (): Promise<Section> => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-score-bench-'));
  try {
    const jsonFiles = Array.from({ length: N }, (_, i) => {
      const f = join(dir, `r${i}.json`);
      writeFileSync(f, JSON.stringify(variant(i)));
      return f;
    });
    const textFiles = hasSeeds
      ? Array.from({ length: N }, (_, i) => {
          const f = join(dir, `s${i}.txt`);
          writeFileSync(f, seedBytes());
          return f;
        })
      : [];
    const readAll = async (files: string[]) => {
      for (const f of files) await importFile(f);
    };
    const rows: string[][] = [];
    const measure = async (label: string, fn: () => Promise<unknown> | unknown, runs = 5) => {
      const t = median(await time(fn, runs, 1));
      rows.push([label, ms(t), perSecond(N, t)]);
      return t;
    };
    await measure(`read ${N} JSON models (baseline)`, () => readAll(jsonFiles));
    await measure(`read + score ${N} JSON models (scoreFiles)`, () => scoreFiles(jsonFiles));
    if (textFiles.length) {
      await measure(`read ${N} text exports of the seed (baseline)`, () => readAll(textFiles));
      await measure(`read + score ${N} text exports (scoreFiles)`, () => scoreFiles(textFiles));
    }
    const fw = builtinFramework('guangdong-yangxi-2024-department')!;
    const reports = Array.from({ length: N }, (_, i) => variant(i));
    await measure(`scoreReport on ${N} reports in memory`, () => {
      for (const r of reports) scoreReport(r, fw);
    });
    await measure(`scoreReport + nextGradeChanges in memory`, () => {
      for (const r of reports) {
        scoreReport(r, fw);
        nextGradeChanges(r, fw);
      }
    });
    return {
      title: 'Scoring (`jixiao score`)',
      markdown: [
        `${N} reports per run, median of 5 runs in one process; one report in ten is below 优, so the next-grade search runs for it.`,
        '',
        table(['what', 'ms per 1,000', 'reports / s'], rows),
      ].join('\n'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
