/**
 * CPU per report of the batch's per-file work, in one thread: read a text report from disk, audit it
 * (`auditBatch`, what a worker of `jixiao audit` runs, in batches of 16) and make its JSON entry, for the
 * six distinct reports of bench/batch-corpus.ts. With another checkout given, both are loaded in this one
 * process and measured in alternating chunks of 96 reports, so that the load of a shared machine falls on
 * both alike; the floor (read, decode and split the same files into lines) is measured in the same way.
 *
 *   npx tsx bench/report-cpu.ts [/work/main]
 *   node --max-semi-space-size=32 --import tsx bench/report-cpu.ts /work/main   # a worker's young generation
 *
 * `REPORT_CPU_N` reports are measured for each (default 3,000), after a warm-up of 1,000.
 */
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { batchCorpus } from './batch-corpus.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const N = Number(process.env.REPORT_CPU_N ?? 3000);
const CHUNK = 96;
const BATCH = 16;

type Side = {
  name: string;
  chunk: (files: readonly string[]) => Promise<number>;
  cpu: number;
  /** Wall time of its chunks, and of the GC pauses that started within them. */
  wall: number;
  gc: number;
  /** CPU ms of each of its chunks, in the order of the rounds. */
  chunks: number[];
};

const cpuNow = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const sideOf = async (checkout: string): Promise<Side> => {
  const audit = (await import(pathToFileURL(join(checkout, 'src/app/audit-files.ts')).href)) as {
    auditBatch: (files: readonly string[]) => Promise<unknown[]>;
  };
  const json = (await import(pathToFileURL(join(checkout, 'src/cli/audit-json.ts')).href)) as {
    fileAuditJson: (r: never) => unknown;
  };
  const chunk = async (files: readonly string[]) => {
    let n = 0;
    for (let k = 0; k < files.length; k += BATCH)
      for (const r of await audit.auditBatch(files.slice(k, k + BATCH)))
        n += JSON.stringify(json.fileAuditJson(r as never)).length;
    return n;
  };
  return { name: checkout, chunk, cpu: 0, wall: 0, gc: 0, chunks: [] };
};

const floorSide = (): Side => {
  const dec = new TextDecoder();
  const chunk = async (files: readonly string[]) => {
    let n = 0;
    for (const f of files) n += dec.decode(readFileSync(f)).split('\n').length;
    return n;
  };
  return { name: 'floor: read + decode + split into lines', chunk, cpu: 0, wall: 0, gc: 0, chunks: [] };
};

const main = async () => {
  const dir = batchCorpus(6);
  const six = Array.from({ length: 6 }, (_, k) => join(dir, '000', `r00000${k}.txt`));
  const files = Array.from({ length: CHUNK }, (_, k) => six[k % six.length]!);
  const sides = [await sideOf(ROOT), ...(await Promise.all(process.argv.slice(2).map(sideOf))), floorSide()];
  const load = os.loadavg()[0]!;
  for (const s of sides) for (let done = 0; done < 1000; done += CHUNK) await s.chunk(files);
  const pauses: { start: number; duration: number }[] = [];
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses.push({ start: e.startTime, duration: e.duration });
  });
  obs.observe({ entryTypes: ['gc'] });
  const windows: { side: Side; from: number; to: number }[] = [];
  let sink = 0;
  for (let done = 0; done < N; done += CHUNK) {
    for (const s of done % (2 * CHUNK) ? [...sides].reverse() : sides) {
      const t0 = cpuNow();
      const from = performance.now();
      sink += await s.chunk(files);
      const to = performance.now();
      const used = cpuNow() - t0;
      s.cpu += used;
      s.chunks.push(used);
      s.wall += to - from;
      windows.push({ side: s, from, to });
    }
  }
  await new Promise((r) => setTimeout(r, 50));
  obs.disconnect();
  for (const p of pauses) {
    const w = windows.find((x) => p.start >= x.from && p.start < x.to);
    if (w) w.side.gc += p.duration;
  }
  rmSync(join(dir, '..'), { recursive: true, force: true });
  if (sink === 0) throw new Error('nothing done');
  const count = Math.ceil(N / CHUNK) * CHUNK;
  const floor = sides.at(-1)!.cpu / count;
  console.log(`${count} reports each, load ${load.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)}`);
  for (const s of sides) {
    const per = s.cpu / count;
    console.log(
      `${per.toFixed(3)} CPU-ms/report  GC ${((s.gc / s.wall) * 100).toFixed(0)}% of wall  ${(per / floor).toFixed(1)}× floor  ${s.name}`,
    );
  }
  // The steadier comparison on a loaded machine: each round's chunk of a checkout against the same
  // round's chunk of this one (run next to it), the median of those ratios.
  const median = (xs: number[]): number => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  };
  for (const s of sides.slice(1, -1)) {
    const ratios = s.chunks.map((c, k) => c / sides[0]!.chunks[k]!);
    console.log(
      `median of ${ratios.length} rounds: ${s.name} takes ${median(ratios).toFixed(3)}× the CPU of this checkout`,
    );
  }
};

await main();
