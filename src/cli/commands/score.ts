import type { Command } from 'commander';

export const registerScore = (program: Command): void => {
  program
    .command('score')
    .description('（开发中 / in development）')
    .action(() => {
      process.stderr.write('jixiao score: 尚未实现 (not implemented yet)\n');
      process.exitCode = 2;
    });
};
