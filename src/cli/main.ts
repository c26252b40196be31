/** `bin/jixiao`: thin argument parsing around the app use cases and the core. */
import { Command, CommanderError } from 'commander';
import { chineseCommander } from './commander-zh.ts';
import { guardOutput, isOutputError, outputFailed } from './output.ts';

guardOutput();

type Register = (program: Command) => void;

/**
 * Each command's module, loaded on demand: `jixiao audit` does not load the server, Word, Excel or the
 * browser driver. Help and unknown commands load them all, so help lists every command in this order.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  import: async () => (await import('./commands/import.ts')).registerImport,
  score: async () => (await import('./commands/score.ts')).registerScore,
  audit: async () => (await import('./commands/audit.ts')).registerAudit,
  frameworks: async () => (await import('./commands/frameworks.ts')).registerFrameworks,
  render: async () => (await import('./commands/render.ts')).registerRender,
  serve: async () => (await import('./commands/serve.ts')).registerServe,
  admin: async () => (await import('./commands/admin.ts')).registerAdmin,
  jobs: async () => (await import('./commands/jobs.ts')).registerJobs,
  worker: async () => (await import('./commands/jobs.ts')).registerWorker,
};

const program = chineseCommander(new Command('jixiao'))
  .description('预算绩效自评：读取、评分、审核、生成报告 (budget performance self-evaluation)')
  .version('0.1.0', '-V, --version', '显示版本号 (output the version number)')
  .showHelpAfterError('（用 --help 查看用法 / see --help）')
  .exitOverride();

const asked = process.argv[2];
const names = asked !== undefined && Object.hasOwn(COMMANDS, asked) ? [asked] : Object.keys(COMMANDS);
for (const name of names) (await COMMANDS[name]!())(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // --help and --version end here with code 0; usage errors were already printed by commander.
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else if (isOutputError(e)) {
    outputFailed(e);
  } else {
    const err = e as Error;
    process.stderr.write(`jixiao: 内部错误，请报告此问题 (internal error, please report): ${err.message}\n`);
    if (process.env.JIXIAO_DEBUG) process.stderr.write(`${err.stack}\n`);
    process.exitCode = 3;
  }
}
