/**
 * Use cases of a bulk audit job: submit files (or a zip of them), run one chunk, see a job's progress,
 * and read its results in file order. The results are the same entries as `jixiao audit` writes (with
 * each report's facts, for the CSV), stored one JSON line per file.
 */
import { failure, type Result } from '../../core/result.ts';
import { READ_EXTENSIONS } from '../../formats/extensions.ts';
import { openZipGuarded, ZIP_LIMITS } from '../../formats/zip/index.ts';
import { hasRole, invalid, jurisdictionScope, needRole, notFound } from '../access.ts';
import type { FileAudit } from '../audit-files.ts';
import type { BatchJob, ChunkRef, Store, User } from '../store.ts';
import { auditChunkFiles, type ChunkFile, type ChunkOutput } from './audit-chunk.ts';
import type { JobQueue } from './queue.ts';

/** Files per chunk: a few seconds of work for text reports, well inside a lease. */
export const CHUNK_FILES = 100;

export type JobFile = { name: string; bytes: Uint8Array };

/** A province's reports in one zip: many entries, but each still within the reader's own limits. */
const JOB_ZIP_LIMITS = { ...ZIP_LIMITS, maxEntries: 200_000, maxTotalBytes: 4 * 1024 * 1024 * 1024 };

const isReportName = (path: string): boolean => {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name.startsWith('.') || name.startsWith('~$') || path.startsWith('__MACOSX/')) return false;
  const dot = name.lastIndexOf('.');
  return dot > 0 && (READ_EXTENSIONS as readonly string[]).includes(name.slice(dot).toLowerCase());
};

const isZip = (f: JobFile): boolean =>
  f.name.toLowerCase().endsWith('.zip') && f.bytes[0] === 0x50 && f.bytes[1] === 0x4b;

/** The report files of a submission: each file as it is, each zip's report entries (folders kept). */
export const reportFiles = (files: readonly JobFile[]): Result<JobFile[]> => {
  const out: JobFile[] = [];
  for (const f of files) {
    if (!isZip(f)) {
      out.push(f);
      continue;
    }
    const zip = openZipGuarded(f.bytes, JOB_ZIP_LIMITS);
    if (!zip.ok) return failure('bad-upload', `${f.name}：${zip.problem.zh}`, zip.problem.en);
    for (const e of zip.value.entries) {
      if (e.name.endsWith('/') || !isReportName(e.name)) continue;
      const r = zip.value.read(e.name);
      if (!r.ok) return failure('bad-upload', `${f.name}：${r.problem.zh}`, r.problem.en);
      if (r.value) out.push({ name: e.name, bytes: r.value });
    }
  }
  if (out.length === 0)
    return invalid('没有可审核的报告文件（压缩包内没有报告？）', 'no report files (an empty zip?)');
  return { ok: true, value: out };
};

/** What a job is called: the zip's name, or the first file's and how many more. */
const jobName = (files: readonly JobFile[]): string =>
  files.length === 1 ? files[0]!.name : `${files[0]!.name} 等 ${files.length} 个文件`;

/**
 * Stores an audit job of these files (zips opened) and queues its chunks, each few as soon as stored. `actor` null: the command
 * line, which may submit anything; a signed-in bureau reviewer or admin submits for their jurisdiction.
 */
export const submitAuditJob = async (
  store: Store,
  queue: JobQueue,
  actor: User | null,
  submitted: readonly JobFile[],
  options: { chunkSize?: number } = {},
): Promise<Result<BatchJob>> => {
  if (actor) {
    const refused = needRole(actor, ['bureau-reviewer', 'admin']);
    if (refused) return refused;
  }
  if (submitted.length === 0) return invalid('没有文件', 'no files');
  const files = reportFiles(submitted);
  if (!files.ok) return files;
  // Each few chunks are queued as soon as their files are stored.
  const { job } = await store.jobs.create(
    {
      kind: 'audit',
      name: jobName(submitted).slice(0, 500),
      files: files.value,
      chunkSize: options.chunkSize ?? CHUNK_FILES,
      jurisdictionId: actor?.jurisdictionId ?? null,
    },
    actor?.id ?? null,
    (chunks) => queue.dispatch(chunks),
  );
  return { ok: true, value: job };
};

/**
 * Audits one chunk and stores its results; a chunk done already (by another worker) is left alone.
 * `audit` is where the files are audited: a `jixiao worker`'s audit threads (chunk-thread.ts), or by
 * default this thread.
 */
export const runAuditChunk =
  (store: Store, audit: (files: readonly ChunkFile[]) => Promise<ChunkOutput> = auditChunkFiles) =>
  async (ref: ChunkRef): Promise<void> => {
    const input = await store.jobs.chunkInput(ref);
    if (!input) return;
    await store.jobs.finishChunk(ref, await audit(input.files));
  };

export type JobState = 'queued' | 'running' | 'done';

export const jobState = (j: BatchJob): JobState =>
  j.finishedAt ? 'done' : j.chunksDone > 0 ? 'running' : 'queued';

/** A job as the CLI and the API show it. */
export const jobView = (j: BatchJob) => ({
  id: j.id,
  kind: j.kind,
  name: j.name,
  state: jobState(j),
  files: j.files,
  filesDone: j.filesDone,
  withErrors: j.withErrors,
  unreadable: j.unreadable,
  createdAt: j.createdAt.toISOString(),
  finishedAt: j.finishedAt?.toISOString() ?? null,
});
export type JobView = ReturnType<typeof jobView>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The job when the actor may see it (null actor: the command line); not-found otherwise. */
export const seeJob = async (store: Store, actor: User | null, id: string): Promise<Result<BatchJob>> => {
  const job = UUID.test(id) ? await store.jobs.get(id) : null;
  if (!job) return notFound('任务', 'job');
  if (actor) {
    const refused = needRole(actor, ['bureau-reviewer', 'admin']);
    if (refused) return refused;
    if (!job.jurisdictionId || !(await jurisdictionScope(store, actor)).has(job.jurisdictionId))
      return notFound('任务', 'job');
  }
  return { ok: true, value: job };
};

/** The jobs of the actor's jurisdiction and below, newest first. */
export const listJobs = async (store: Store, actor: User): Promise<Result<BatchJob[]>> => {
  if (!hasRole(actor, 'bureau-reviewer', 'admin')) return needRole(actor, ['bureau-reviewer', 'admin'])!;
  const scope = [...(await jurisdictionScope(store, actor))];
  return { ok: true, value: scope.length ? await store.jobs.list({ jurisdictionIds: scope }) : [] };
};

/** The results so far, in file order: every file of every chunk done before the first one not done. */
export async function* jobResults(store: Store, jobId: string): AsyncGenerator<FileAudit> {
  let from = 0;
  for (;;) {
    const page = await store.jobs.results(jobId, from, 20);
    for (const c of page) {
      for (const line of c.results.split('\n')) if (line) yield JSON.parse(line) as FileAudit;
      from = c.chunk + 1;
    }
    if (page.length < 20) return;
  }
}
