/**
 * Evaluation throughput: `evaluate(report, candidates)` (choose among every built-in framework, score,
 * audit with the chosen framework's rules) beside what the surfaces ran before it — choosing among the
 * three frameworks that shipped then, scoring, and auditing (which chose again from a global registry).
 * The same reports in memory: a fitting 阳西-style report and a report no framework fits.
 */
import { auditReport } from '../src/core/audit/index.ts';
import { evaluate } from '../src/core/evaluation/index.ts';
import { BUILTIN_FRAMEWORKS, chooseFramework } from '../src/core/framework/index.ts';
import type { DepartmentReport } from '../src/core/model/index.ts';
import { scoreReport } from '../src/core/scoring/score-report.ts';
import { sampleReport } from '../test/fixtures/score/report-builder.ts';
import { readFixture } from '../test/support/formats/text-reading.ts';
import { median, ms, type Section, table, time } from './harness.ts';

const N = 1000;
const BEFORE = BUILTIN_FRAMEWORKS.slice(0, 3);

const perSecond = (millis: number): string => Math.round((N / millis) * 1000).toLocaleString('en-US');

/** The path of the editor's live check before `evaluate`: choose, score, audit (choosing again inside). */
const before = (r: DepartmentReport): void => {
  const choice = chooseFramework(r, BEFORE);
  if (choice) scoreReport(r, choice.framework);
  auditReport(r, { framework: chooseFramework(r, BEFORE)?.framework ?? null });
};

export const run = async (): Promise<Section> => {
  const rows: string[][] = [];
  const cases: [string, DepartmentReport[]][] = [
    ['fitting (阳西-style)', Array.from({ length: N }, () => sampleReport())],
    [
      'no framework fits (city-transport-2022)',
      Array.from({ length: N }, () => readFixture('city-transport-2022.txt')),
    ],
  ];
  for (const [label, reports] of cases) {
    const t0 = median(
      await time(
        () => {
          for (const r of reports) before(r);
        },
        5,
        1,
      ),
    );
    const t1 = median(
      await time(
        () => {
          for (const r of reports) evaluate(r, BUILTIN_FRAMEWORKS);
        },
        5,
        1,
      ),
    );
    rows.push([`${label}: before (choose among 3, score, audit)`, ms(t0), perSecond(t0), '']);
    rows.push([
      `${label}: evaluate (${BUILTIN_FRAMEWORKS.length} candidates)`,
      ms(t1),
      perSecond(t1),
      `${Math.round((t0 / t1) * 100)}%`,
    ]);
  }
  return {
    title: 'Evaluation (`evaluate`, every surface)',
    markdown: [
      `${N} reports in memory per run, median of 5 runs in one process. The last column is evaluate's throughput as a share of the path it replaced (the issue's bar: not below 90%).`,
      '',
      table(['what', 'ms per 1,000', 'reports / s', 'vs before'], rows),
    ].join('\n'),
  };
};
