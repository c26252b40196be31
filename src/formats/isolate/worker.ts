/**
 * The child process of `runIsolated`: runs one task at a time and answers over IPC. Bundled to plain JS
 * by worker-script.ts and loaded by pool.ts's bootstrap; not an entry point of its own.
 */
import { TASKS, type WorkReply, type WorkRequest } from './tasks.ts';

process.on('message', async (msg: WorkRequest) => {
  let reply: WorkReply;
  try {
    const result = await TASKS[msg.kind](msg.bytes);
    reply = { id: msg.id, ok: true, result, rss: process.memoryUsage.rss() };
  } catch (e) {
    reply = { id: msg.id, ok: false, message: (e as Error).message };
  }
  process.send?.(reply);
});
// Never outlive the parent: without the channel there is nobody to answer.
process.on('disconnect', () => process.exit(0));
