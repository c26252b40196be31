/**
 * Readers of untrusted files in child processes: a memory cap (`--max-old-space-size`), a time limit and
 * a cancel per task, and a small pool that bounds how many run at once (the others wait in a queue of
 * bounded length). A child that passes a limit, or dies, is killed and a fresh one started for the next
 * task; its task ends as a clear failure, never as a crash of the caller. Idle children do not keep a
 * process alive.
 *
 * Processes rather than worker threads: a thread's `resourceLimits` cannot stop one large allocation (a
 * 40 MB string past a 64 MB heap) from aborting the whole process with a fatal out-of-memory error; a
 * child that dies so takes nothing with it. See docs/decisions/isolated-reading.md.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { availableParallelism, setPriority } from 'node:os';
import { type Failure, type FailureCode, failure } from '../../core/result.ts';
import { type IsolatedKind, type IsolatedResult, TASKS, type WorkReply, type WorkRequest } from './tasks.ts';
import { workerScript } from './worker-script.ts';

export type IsolateOptions = {
  /**
   * Wall time for the task once a child runs it (default 8 s, JIXIAO_READ_TIMEOUT_MS); a task that waits
   * in the queue longer than that is refused as busy, so that no caller waits much past twice the limit.
   */
  timeoutMs?: number | undefined;
  /** Cancels the task: it ends with `read.cancelled` and its child is replaced. */
  signal?: AbortSignal | undefined;
};

/** How an isolated task can fail besides its own result: the shape of a reader's refusal. */
export type IsolationFailure = Failure;

/** Limits of the pool; from the environment at the first task, or set by {@link configureIsolation}. */
export type PoolLimits = { workers: number; memoryMb: number; timeoutMs: number; queue: number };

const envNumber = (name: string, fallback: number): number => {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

export const poolLimits = (): PoolLimits => ({
  workers: envNumber('JIXIAO_READ_WORKERS', Math.min(4, Math.max(2, availableParallelism()))),
  memoryMb: envNumber('JIXIAO_READ_MEMORY_MB', 512),
  timeoutMs: envNumber('JIXIAO_READ_TIMEOUT_MS', 8_000),
  queue: envNumber('JIXIAO_READ_QUEUE', 64),
});

const TIMEOUT = (ms: number) =>
  failure(
    'read.timeout',
    `文件过大或结构异常：${ms / 1000} 秒内未能读完`,
    `file too large or abnormal: not read within ${ms / 1000} s`,
  );
const OUT_OF_MEMORY = (mb: number) =>
  failure(
    'read.out-of-memory',
    `文件过大或结构异常：读取所需内存超过 ${mb} MB`,
    `file too large or abnormal: reading it needs more than ${mb} MB`,
  );
const CANCELLED = failure('read.cancelled', '读取已取消', 'reading was cancelled');
const BUSY = failure('read.busy', '服务器正忙，请稍后再试', 'too many files being read; try again later');
const CRASHED = failure(
  'read.failed',
  '读取文件时出错，文件可能已损坏',
  'the reader failed; the file may be corrupt',
);

/** Codes that say the file asked for more than a reader may spend (413 on upload). */
export const LIMIT_CODES: readonly FailureCode[] = ['read.timeout', 'read.out-of-memory', 'read.zip-bomb'];

type Job = {
  kind: IsolatedKind;
  bytes: Uint8Array;
  options: IsolateOptions;
  resolve: (r: unknown) => void;
  /** Refuses the job as busy when it has waited in the queue too long. */
  expire?: NodeJS.Timeout;
};

type Slot = {
  child: ChildProcess;
  /** True once the child has loaded the reader; false when it could not. */
  ready: Promise<boolean>;
  busy: boolean;
  /** The end of its stderr: how it died (V8 says "heap out of memory"). */
  stderr: string;
  memoryMb: number;
};

let limits: PoolLimits | undefined;
const slots = new Set<Slot>();
const queue: Job[] = [];
let nextId = 1;

/** A child whose resident memory passed this after a task is replaced (V8 keeps a grown heap). */
const RECYCLE_RSS_BYTES = 384 * 1024 * 1024;

/** Niceness of the reader processes (0 normal, 19 lowest). */
const READER_NICE = 10;

/** Loads the bundled reader sent as the first message, then says so. */
const BOOT = `process.once('message', (u) => import(u).then(() => process.send('ready'), (e) => { console.error(e); process.exit(70); }));`;

/**
 * Runs a reader on `bytes` in a child process; its result, or an {@link IsolationFailure} when the child
 * passed a limit, was cancelled, died, or the queue was full. Falls back to this thread when no worker
 * script can be made (no esbuild), so reading still works, unisolated.
 */
export const runIsolated = async <K extends IsolatedKind>(
  kind: K,
  bytes: Uint8Array,
  options: IsolateOptions = {},
): Promise<IsolatedResult<K> | IsolationFailure> => {
  limits ??= poolLimits();
  if (options.signal?.aborted) return CANCELLED;
  const script = await workerScript();
  if (!script) return TASKS[kind](bytes) as Promise<IsolatedResult<K>>;
  if (queue.length >= limits.queue) return BUSY;
  const wait = options.timeoutMs ?? limits.timeoutMs;
  return new Promise((resolve) => {
    const job: Job = { kind, bytes, options, resolve: resolve as (r: unknown) => void };
    job.expire = setTimeout(() => {
      const at = queue.indexOf(job);
      if (at < 0) return;
      queue.splice(at, 1);
      resolve(BUSY);
    }, wait);
    queue.push(job);
    pump(script);
  });
};

/** Sets limits for the tasks from now on; idle children are replaced so that a new memory cap applies. */
export const configureIsolation = (next: Partial<PoolLimits>): void => {
  limits = { ...(limits ?? poolLimits()), ...next };
  for (const s of slots) if (!s.busy) retire(s);
};

/** How many children are alive and how many tasks wait (for tests and a status page). */
export const isolationState = (): { workers: number; busy: number; waiting: number } => ({
  workers: slots.size,
  busy: [...slots].filter((s) => s.busy).length,
  waiting: queue.length,
});

/** Starts a child ahead of the first task (the server does, so that the first upload does not wait). */
export const warmIsolation = async (): Promise<void> => {
  limits ??= poolLimits();
  const script = await workerScript();
  if (!script || slots.size > 0) return;
  const slot = start(script);
  idle(slot);
  await slot.ready;
};

const start = (script: string): Slot => {
  const memoryMb = (limits ?? poolLimits()).memoryMb;
  const child = spawn(
    process.execPath,
    [`--max-old-space-size=${memoryMb}`, '--input-type=module', '-e', BOOT],
    { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' },
  );
  const slot: Slot = { child, busy: false, stderr: '', memoryMb, ready: Promise.resolve(false) };
  slot.ready = new Promise<boolean>((resolve) => {
    child.once('message', (m) => {
      // Once loaded, a reader yields the CPU to the process it reads for (a server answering others).
      try {
        if (child.pid) setPriority(child.pid, READER_NICE);
      } catch {
        // Not allowed here: it reads at the normal priority.
      }
      resolve(m === 'ready');
    });
    child.once('exit', () => resolve(false));
    child.once('error', () => resolve(false));
  });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (d: string) => {
    slot.stderr = (slot.stderr + d).slice(-4096);
  });
  // A child that dies between tasks is simply forgotten; the next task starts another.
  child.on('exit', () => slots.delete(slot));
  child.on('error', () => slots.delete(slot));
  child.send(script, (err) => err && retire(slot));
  slots.add(slot);
  return slot;
};

/** Lets this process end while the child waits for work. */
const idle = (slot: Slot) => {
  slot.busy = false;
  slot.child.unref();
  slot.child.channel?.unref();
  (slot.child.stderr as { unref?: () => void } | null)?.unref?.();
};

const busy = (slot: Slot) => {
  slot.busy = true;
  slot.child.ref();
  slot.child.channel?.ref();
  (slot.child.stderr as { ref?: () => void } | null)?.ref?.();
};

const retire = (slot: Slot) => {
  slots.delete(slot);
  slot.child.kill('SIGKILL');
};

const pump = (script: string): void => {
  const l = limits ?? poolLimits();
  while (queue.length > 0) {
    let slot = [...slots].find((s) => !s.busy);
    if (!slot) {
      if (slots.size >= l.workers) return;
      slot = start(script);
    }
    busy(slot);
    const job = queue.shift()!;
    clearTimeout(job.expire);
    void run(slot, job, l, script);
  }
};

const run = async (slot: Slot, job: Job, l: PoolLimits, script: string): Promise<void> => {
  const { child } = slot;
  const id = nextId++;
  let settled = false;
  let timer: NodeJS.Timeout | undefined;
  const finish = (result: unknown, replace: boolean) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    job.options.signal?.removeEventListener('abort', onAbort);
    child.off('message', onMessage);
    child.off('exit', onExit);
    if (replace) retire(slot);
    else idle(slot);
    job.resolve(result);
    pump(script);
  };
  const onMessage = (m: WorkReply) => {
    if (typeof m !== 'object' || m.id !== id) return;
    // A child that grew large on a big file gives its memory back by ending; the next task starts another.
    finish(m.ok ? m.result : CRASHED, !m.ok || m.rss > RECYCLE_RSS_BYTES);
  };
  // V8 aborts a process past its heap with "JavaScript heap out of memory" on stderr; the stream may
  // still be draining when the exit is seen.
  const onExit = () =>
    setTimeout(
      () => finish(/out of memory/i.test(slot.stderr) ? OUT_OF_MEMORY(slot.memoryMb) : CRASHED, true),
      50,
    );
  const onAbort = () => finish(CANCELLED, true);
  job.options.signal?.addEventListener('abort', onAbort, { once: true });
  child.on('exit', onExit);
  if (!(await slot.ready)) return finish(CRASHED, true);
  if (settled) return;
  const ms = job.options.timeoutMs ?? l.timeoutMs;
  timer = setTimeout(() => finish(TIMEOUT(ms), true), ms);
  child.on('message', onMessage);
  child.send(
    { id, kind: job.kind, bytes: job.bytes } satisfies WorkRequest,
    (err) => err && finish(CRASHED, true),
  );
};
