/**
 * `jixiao jobs submit audit FILES…|ZIP`, `jixiao jobs status ID`, `jixiao jobs results ID` and
 * `jixiao worker`: bulk audit jobs kept in the database. On PostgreSQL (DATABASE_URL) a submitted job is
 * queued for `jixiao worker` processes on any machine; on the embedded database it runs in this process
 * before `submit` returns (only one process may open the data folder).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { batchTally } from '../../app/batch-tally.ts';
import { expandInputs } from '../../app/expand-inputs.ts';
import { jobResults, jobView, runAuditChunk, seeJob, submitAuditJob } from '../../app/jobs/audit-job.ts';
import { chunkThreads } from '../../app/jobs/chunk-thread.ts';
import type { InProcessQueue } from '../../app/jobs/in-process-queue.ts';
import { openJobQueue } from '../../app/jobs/open-queue.ts';
import { openDatabase } from '../../app/open-database.ts';
import { DEFAULT_DATA_DIR, type Store } from '../../app/store.ts';
import { parseBatchFormat, streamOut, unknownFormat } from '../batch-output.ts';
import { batchExitCode } from '../exit-codes.ts';
import { printJson } from '../output.ts';
import { auditWriter } from './audit.ts';

const databaseUrl = (): string | undefined => process.env.DATABASE_URL || undefined;

/** Opens the store, runs `body`, closes the store; a failure to open is said and exits 2. */
const withStore = async (command: string, data: string, body: (store: Store) => Promise<void>) => {
  const opened = await openDatabase({ databaseUrl: databaseUrl(), dataDir: data });
  if (!opened.ok) {
    process.stderr.write(`jixiao ${command}: ${opened.message}\n`);
    process.exitCode = 2;
    return;
  }
  try {
    await body(opened.value);
  } finally {
    await opened.value.close();
  }
};

const STATE_WORD = { queued: '排队中', running: '进行中', done: '已完成' } as const;

const statusLine = (v: ReturnType<typeof jobView>): string =>
  `任务 ${v.id}：${STATE_WORD[v.state]}，${v.filesDone}/${v.files} 个文件，${v.withErrors} 个有错误，` +
  `${v.unreadable} 个无法读取 (job ${v.state}: ${v.filesDone}/${v.files} files)\n`;

const readInputs = async (args: string[]): Promise<{ name: string; bytes: Uint8Array }[] | string> => {
  const out: { name: string; bytes: Uint8Array }[] = [];
  for (const path of await expandInputs(args)) {
    try {
      out.push({ name: path.endsWith('.zip') ? basename(path) : path, bytes: readFileSync(path) });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return code === 'ENOENT'
        ? `找不到文件 ${path} (file not found)`
        : `无法读取 ${path} (cannot read): ${code}`;
    }
  }
  return out;
};

export const registerJobs = (program: Command): void => {
  const jobs = program
    .command('jobs')
    .description('批量任务：提交、进度、结果 (batch jobs in the database: submit, status, results)');
  const data = ['--data <dir>', '内置数据库的目录 (embedded database folder)', DEFAULT_DATA_DIR] as const;

  jobs
    .command('submit')
    .description('提交批量审核任务：报告文件、文件夹或 .zip (submit a bulk audit of files or a zip)')
    .argument('<kind>', '任务类型：audit (job kind)')
    .argument('<files...>', '报告文件、文件夹或 .zip (report files, folders or zips)')
    .option(...data)
    .action(async (kind: string, args: string[], opts: { data: string }) => {
      if (kind !== 'audit') {
        process.stderr.write(`jixiao jobs submit: 未知的任务类型 ${kind}，应为 audit (unknown job kind)\n`);
        process.exitCode = 2;
        return;
      }
      const inputs = await readInputs(args);
      if (typeof inputs === 'string') {
        process.stderr.write(`jixiao jobs submit: ${inputs}\n`);
        process.exitCode = 2;
        return;
      }
      await withStore('jobs submit', opts.data, async (store) => {
        const queue = await openJobQueue(store, databaseUrl());
        try {
          const job = await submitAuditJob(store, queue, null, inputs);
          if (!job.ok) {
            process.stderr.write(`jixiao jobs submit: ${job.message}\n`);
            process.exitCode = 2;
            return;
          }
          if (queue.kind === 'in-process') {
            // The embedded database: nobody else can run it, so it runs here before the command ends.
            process.stderr.write(
              `任务 ${job.value.id}：在本进程中审核 ${job.value.files} 个文件… (running here)\n`,
            );
            await queue.work(runAuditChunk(store));
            await (queue as InProcessQueue).idle();
          }
          const now = await store.jobs.get(job.value.id);
          if (process.stdout.isTTY) process.stdout.write(statusLine(jobView(now!)));
          else printJson(jobView(now!));
        } finally {
          await queue.close();
        }
      });
    });

  jobs
    .command('status')
    .description('任务进度 (a job’s progress)')
    .argument('<id>', '任务编号 (job id)')
    .option(...data)
    .action(async (id: string, opts: { data: string }) =>
      withStore('jobs status', opts.data, async (store) => {
        const job = await seeJob(store, null, id);
        if (!job.ok) {
          process.stderr.write(`jixiao jobs status: ${job.message}\n`);
          process.exitCode = 2;
          return;
        }
        if (process.stdout.isTTY) process.stdout.write(statusLine(jobView(job.value)));
        else printJson(jobView(job.value));
      }),
    );

  jobs
    .command('results')
    .description('任务结果，与 jixiao audit 的输出相同 (a job’s results, as jixiao audit writes them)')
    .argument('<id>', '任务编号 (job id)')
    .option('--format <format>', '输出格式 json|ndjson|csv|text (output format)', 'json')
    .option(...data)
    .action(async (id: string, opts: { data: string; format: string }) => {
      const format = parseBatchFormat(opts.format);
      if (!format) {
        process.stderr.write(unknownFormat('jobs results', opts.format));
        process.exitCode = 2;
        return;
      }
      await withStore('jobs results', opts.data, async (store) => {
        const job = await seeJob(store, null, id);
        if (!job.ok) {
          process.stderr.write(`jixiao jobs results: ${job.message}\n`);
          process.exitCode = 2;
          return;
        }
        const out = streamOut(process.stdout);
        const writer = auditWriter(format, out);
        const tally = batchTally();
        for await (const r of jobResults(store, id)) {
          if (r.ok) tally.read(r.findings);
          else tally.unreadable(r.code);
          writer.entry(r);
          await out.ready();
        }
        writer.end();
        const v = jobView(job.value);
        if (v.state !== 'done') {
          process.stderr.write(
            `jixiao jobs results: 任务尚未完成，只有前 ${v.filesDone} 个文件的结果 (job not finished: partial results)\n`,
          );
          process.exitCode = 4;
          return;
        }
        process.exitCode = batchExitCode(tally.summary());
      });
    });
};

export const registerWorker = (program: Command): void => {
  program
    .command('worker')
    .description('处理批量任务，需 PostgreSQL（DATABASE_URL）(work batch jobs from the PostgreSQL queue)')
    .option('--concurrency <n>', '本进程同时处理的分块数 (chunks worked at once by this process)', '1')
    .option('--lease <seconds>', '分块租期，超时由其他进程接手 (a chunk’s lease)', '300')
    .action(async (opts: { concurrency: string; lease: string }) => {
      const url = databaseUrl();
      const concurrency = Number(opts.concurrency);
      const lease = Number(opts.lease);
      if (!url) {
        process.stderr.write(
          'jixiao worker: 需要 PostgreSQL，请设置 DATABASE_URL；内置数据库的任务在提交它的进程中运行 ' +
            '(needs DATABASE_URL; on the embedded database jobs run in the submitting process)\n',
        );
        process.exitCode = 2;
        return;
      }
      if (!(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 64) || !(lease >= 5)) {
        process.stderr.write('jixiao worker: --concurrency 应为 1–64，--lease 至少 5 秒 (bad option)\n');
        process.exitCode = 2;
        return;
      }
      const opened = await openDatabase({ databaseUrl: url });
      if (!opened.ok) {
        process.stderr.write(`jixiao worker: ${opened.message}\n`);
        process.exitCode = 2;
        return;
      }
      const store = opened.value;
      const queue = await openJobQueue(store, url, {
        leaseSeconds: lease,
        ...(process.env.JIXIAO_JOBS_MAINTENANCE
          ? { maintenanceSeconds: Number(process.env.JIXIAO_JOBS_MAINTENANCE) }
          : {}),
        ...(process.env.JIXIAO_JOBS_POLL ? { pollingSeconds: Number(process.env.JIXIAO_JOBS_POLL) } : {}),
      });
      // An audit thread per chunk worked at once; the queue hands each thread its next chunk while it
      // audits one (read from the database meanwhile), so a thread never waits for the database.
      const threads = await chunkThreads(concurrency);
      await queue.work(runAuditChunk(store, threads.audit), { concurrency: 2 * concurrency });
      process.stderr.write(`jixiao worker: 等待任务… (waiting for jobs; Ctrl+C stops)\n`);
      const stop = () => {
        process.stderr.write('jixiao worker: 正在停止… (stopping)\n');
        queue
          .close()
          .then(() => threads.close())
          .then(() => store.close())
          .then(
            () => process.exit(0),
            () => process.exit(1),
          );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
};
