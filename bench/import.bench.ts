/**
 * Import speed of the text form: one report (median of many runs) and 1,000 reports in one process,
 * each against the same-run baseline of only decoding the bytes and splitting them into lines.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFile } from '../src/app/import-file.ts';
import { readReport } from '../src/formats/read-report.ts';
import { decodeText } from '../src/formats/text/decode.ts';
import { splitTextLines } from '../src/formats/text/split-lines.ts';
import { parseReportLines } from '../src/formats/understand/parse-lines.ts';
import { hasSeeds, seedBytes } from '../test/seed.ts';
import { median, ms, type Section, table, time } from './harness.ts';

const N = 1000;
const FIXTURES = [
  'county-env-2024.txt',
  'city-transport-2022.txt',
  'town-agri-2021.txt',
  'town-agri-2021.gb18030.txt',
];
const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../test/fixtures/text/${name}`, import.meta.url)));

const perSecond = (count: number, millis: number): string =>
  Math.round((count / millis) * 1000).toLocaleString('en-US');

export const run = async (): Promise<Section> => {
  const main = hasSeeds ? seedBytes() : fixture('county-env-2024.txt');
  const mainName = hasSeeds ? 'the seed report (30 KB, 388 lines)' : 'county-env-2024.txt (composed)';
  // 1,000 reports of several shapes and encodings, so no single input stays hot in the caches.
  const mix = [main, ...FIXTURES.map(fixture)];
  const many = Array.from({ length: N }, (_, i) => mix[i % mix.length]!);

  const baseline = (b: Uint8Array) => splitTextLines(decodeText(b).text);
  const full = (b: Uint8Array) => {
    const d = decodeText(b);
    const r = parseReportLines(splitTextLines(d.text), { format: 'text', encoding: d.encoding });
    if (!r.ok) throw new Error(r.message);
  };
  const lines = baseline(main);

  const one = async (fn: () => unknown) => median(await time(fn, 300, 30));
  const rows: string[][] = [];
  const tBase = await one(() => baseline(main));
  rows.push(['decode + split lines (baseline)', ms(tBase), perSecond(1, tBase)]);
  const tParse = await one(() => parseReportLines(lines, { format: 'text', encoding: 'utf-8' }));
  rows.push(['parseReportLines only', ms(tParse), perSecond(1, tParse)]);
  const tFull = await one(() => full(main));
  rows.push(['decode + split + parse', ms(tFull), perSecond(1, tFull)]);
  const tRead = await one(() => readReport(main));
  rows.push(['readReport (detect format first)', ms(tRead), perSecond(1, tRead)]);

  const batch = async (fn: () => unknown) => median(await time(fn, 5, 1));
  const bBase = await batch(() => {
    for (const b of many) baseline(b);
  });
  const bFull = await batch(() => {
    for (const b of many) full(b);
  });
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-import-bench-'));
  let bFiles: number;
  try {
    const files = many.map((b, i) => {
      const f = join(dir, `r${i}.txt`);
      writeFileSync(f, b);
      return f;
    });
    bFiles = await batch(async () => {
      for (const f of files) {
        const r = await importFile(f);
        if (!r.ok) throw new Error(r.message);
      }
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const batchRows = [
    [`decode + split ${N} reports (baseline)`, ms(bBase), perSecond(N, bBase)],
    [`decode + split + parse ${N} reports`, ms(bFull), perSecond(N, bFull)],
    [`importFile ${N} files from disk`, ms(bFiles), perSecond(N, bFiles)],
  ];

  const markdown = [
    `One report: ${mainName}; median of 300 runs after 30 warm-up runs.`,
    '',
    table(['step', 'median per report (ms)', 'reports/s'], rows),
    '',
    `${N} reports in one process (the seed and the composed fixtures in turn, one of them GB18030); median of 5 runs.`,
    '',
    table(['step', 'total (ms)', 'reports/s'], batchRows),
    '',
    `Parsing costs ${ms(tParse)} ms per report beyond the ${ms(tBase)} ms of decoding and splitting; the goal was well under 5 ms.`,
  ].join('\n');
  return { title: 'Import (text form)', markdown };
};
