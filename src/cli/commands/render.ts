import type { Command } from 'commander';

export const registerRender = (program: Command): void => {
  program
    .command('render')
    .description('（开发中 / in development）')
    .action(() => {
      process.stderr.write('jixiao render: 尚未实现 (not implemented yet)\n');
      process.exitCode = 2;
    });
};
