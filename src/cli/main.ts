/** `bin/jixiao`: thin argument parsing around the app use cases and the core. */
import { Command, CommanderError } from 'commander';
import { registerAdmin } from './commands/admin.ts';
import { registerAudit } from './commands/audit.ts';
import { registerFrameworks } from './commands/frameworks.ts';
import { registerImport } from './commands/import.ts';
import { registerRender } from './commands/render.ts';
import { registerScore } from './commands/score.ts';
import { registerServe } from './commands/serve.ts';

const program = new Command('jixiao')
  .description('预算绩效自评：读取、评分、审核、生成报告 (budget performance self-evaluation)')
  .version('0.1.0')
  .showHelpAfterError('（用 --help 查看用法 / see --help）')
  .exitOverride();

registerImport(program);
registerScore(program);
registerAudit(program);
registerFrameworks(program);
registerRender(program);
registerServe(program);
registerAdmin(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // --help and --version end here with code 0; usage errors were already printed by commander.
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else {
    const err = e as Error;
    process.stderr.write(`jixiao: 内部错误，请报告此问题 (internal error, please report): ${err.message}\n`);
    if (process.env.JIXIAO_DEBUG) process.stderr.write(`${err.stack}\n`);
    process.exitCode = 3;
  }
}
