import type { Command } from 'commander';

export const registerFrameworks = (program: Command): void => {
  program
    .command('frameworks')
    .description('（开发中 / in development）')
    .action(() => {
      process.stderr.write('jixiao frameworks: 尚未实现 (not implemented yet)\n');
      process.exitCode = 2;
    });
};
