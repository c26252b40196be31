import type { Command } from 'commander';

export const registerAudit = (program: Command): void => {
  program
    .command('audit')
    .description('（开发中 / in development）')
    .action(() => {
      process.stderr.write('jixiao audit: 尚未实现 (not implemented yet)\n');
      process.exitCode = 2;
    });
};
