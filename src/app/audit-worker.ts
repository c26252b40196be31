/**
 * A child process of `auditFiles`: audits each batch of files it is given and sends the results back
 * over IPC, so that a large batch uses every core. Bundled to plain JS and forked by audit-files.ts;
 * not a public entry point.
 */
import { auditBatch, type ChildReply, type ChildRequest } from './audit-files.ts';

process.on('message', async (msg: ChildRequest) => {
  const options = { ...(msg.readerWarnings === false ? { readerWarnings: false } : {}), facts: msg.facts };
  const results = await auditBatch(msg.files, options);
  process.send?.({ batch: msg.batch, results } satisfies ChildReply);
});
// Never outlive the parent: without the channel there is nobody to answer.
process.on('disconnect', () => process.exit(0));
