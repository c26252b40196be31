import { Command, CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { chineseCommander, zhError } from './commander-zh.ts';

/** A small program like bin/jixiao's, its errors and help captured instead of printed. */
const run = (args: string[]): { err: string; out: string; code: number } => {
  let err = '';
  let out = '';
  const program = chineseCommander(new Command('jixiao')).exitOverride();
  program.configureOutput({ writeErr: (s) => (err += s), writeOut: (s) => (out += s) });
  program
    .command('audit')
    .description('一致性审核')
    .argument('<files...>', '报告文件')
    .option('--format <format>', '输出格式', 'text')
    .action(() => {});
  program
    .command('render')
    .argument('<file>')
    .action(() => {});
  try {
    program.parse(args, { from: 'user' });
    return { err, out, code: 0 };
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    return { err, out, code: e.exitCode };
  }
};

describe("commander's own lines in Chinese first", () => {
  it('says unknown options and commands, missing and extra arguments in Chinese, then English', () => {
    expect(run(['--bogus']).err).toBe("错误：未知选项 '--bogus' (error: unknown option '--bogus')\n");
    expect(run(['audti']).err).toMatch(
      /^错误：未知命令 'audti' \(error: unknown command 'audti'\)\n（是否想输入 audit？）\(Did you mean audit\?\)/,
    );
    expect(run(['audit']).err).toMatch(/^错误：缺少必填参数 'files'/);
    expect(run(['audit', 'a', '--format']).err).toMatch(/^错误：选项 '--format <format>' 缺少取值/);
    expect(run(['render', 'a', 'b']).err).toMatch(/^错误：命令 'render' 的参数过多：应为 1 个，实际 2 个/);
    expect(run(['--bogus']).code).toBe(1);
  });

  it('titles help in Chinese and describes the built-in options', () => {
    const { out } = run(['audit', '--help']);
    expect(out).toMatch(/^用法 \(Usage\): jixiao audit \[options\] <files\.\.\.>/);
    expect(out).toContain('选项 (Options):');
    expect(out).toContain('参数 (Arguments):');
    expect(out).toContain('(默认 default: "text")');
    expect(out).toContain('显示帮助 (display help for command)');
    expect(run(['--help']).out).toMatch(/help \[command\] +显示命令的帮助/);
  });

  it('leaves lines it does not know as they are', () => {
    expect(zhError('jixiao: 找不到文件 a\n')).toBe('jixiao: 找不到文件 a\n');
  });
});
