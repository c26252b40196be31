/**
 * commander's own words in Chinese first, English after: its help headings and built-in option texts, and
 * its usage errors (unknown option or command, missing argument…), translated line by line as they are
 * printed. Only the text changes: exit codes and what goes to stdout or stderr stay commander's.
 */
import { type Command, Help, type Option } from 'commander';

/** Each usage error commander 14 prints, as a pattern over its first line and its Chinese wording. */
const ERRORS: readonly [RegExp, (...m: string[]) => string][] = [
  [/^error: unknown option '(.*)'$/, (o) => `未知选项 '${o}'`],
  [/^error: unknown command '(.*)'$/, (c) => `未知命令 '${c}'`],
  [/^error: missing required argument '(.*)'$/, (a) => `缺少必填参数 '${a}'`],
  [/^error: option '(.*)' argument missing$/, (o) => `选项 '${o}' 缺少取值`],
  [/^error: required option '(.*)' not specified$/, (o) => `缺少必填选项 '${o}'`],
  [/^error: (.*) cannot be used with (.*)$/, (a, b) => `${a} 不能与 ${b} 同时使用`],
  [
    /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (c, want, got) => `${c ? `命令 '${c}' 的` : ''}参数过多：应为 ${want} 个，实际 ${got} 个`,
  ],
  [
    /^error: option '(.*)' argument '(.*)' is invalid\.(?: Allowed choices are (.*)\.)?(.*)$/,
    (o, v, choices, rest) =>
      `选项 '${o}' 的取值 '${v}' 无效${choices ? `，可选：${choices}` : ''}${rest?.trim() ? `：${rest.trim()}` : ''}`,
  ],
  [
    /^error: command-argument value '(.*)' is invalid for argument '(.*)'\.(.*)$/,
    (v, a, rest) => `参数 '${a}' 的取值 '${v}' 无效${rest?.trim() ? `：${rest.trim()}` : ''}`,
  ],
];

const SUGGESTION = /^\(Did you mean (?:one of )?(.*)\?\)$/;

/** One printed error (possibly several lines) in Chinese first, with commander's English in brackets. */
export const zhError = (text: string): string =>
  text
    .split('\n')
    .map((line) => {
      const hint = SUGGESTION.exec(line);
      if (hint) return `（是否想输入 ${hint[1]}？）${line}`;
      for (const [re, zh] of ERRORS) {
        const m = re.exec(line);
        if (m) return `错误：${zh(...m.slice(1).map((x) => x ?? ''))} (${line})`;
      }
      return line;
    })
    .join('\n');

const TITLES: Record<string, string> = {
  'Usage:': '用法 (Usage):',
  'Options:': '选项 (Options):',
  'Commands:': '命令 (Commands):',
  'Arguments:': '参数 (Arguments):',
  'Global Options:': '全局选项 (Global Options):',
};

/** `(default: "text", choices: …)` after an option's description, said in Chinese first. */
const zhExtra = (description: string): string =>
  description
    .replace(/\(default: /, '(默认 default: ')
    .replace(/\bchoices: /, '可选 choices: ')
    .replace(/\bpreset: /, '预设 preset: ');

/** Applies the Chinese wording to `program`; commands added to it afterwards inherit it. */
export const chineseCommander = (program: Command): Command =>
  program
    .helpOption('-h, --help', '显示帮助 (display help for command)')
    .helpCommand('help [command]', '显示命令的帮助 (display help for command)')
    .configureHelp({
      styleTitle: (title) => TITLES[title] ?? title,
      optionDescription: (option: Option) =>
        zhExtra(Help.prototype.optionDescription.call(new Help(), option)),
    })
    .configureOutput({ outputError: (text, write) => write(zhError(text)) });
