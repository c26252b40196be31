import type { Command } from 'commander';
import { loadFramework } from '../../app/score-files.ts';
import { BUILTIN_FRAMEWORKS } from '../../core/framework/registry.ts';
import { RULE_KIND_TERMS, type Rule } from '../../core/framework/rule-schema.ts';
import {
  type Framework,
  type FrameworkNode,
  frameworkJsonSchema,
  gradeBandsOf,
} from '../../core/framework/schema.ts';
import { inputName } from '../../core/scoring/inputs.ts';
import { defaultFormat, parseFormat, printJson } from '../output.ts';

const summary = (f: Framework) => ({
  id: f.id,
  name: f.name,
  region: f.region,
  year: f.year,
  kind: f.kind,
  version: f.version,
  total: Number(f.total),
});

const ruleText = (r: Rule): string => {
  switch (r.kind) {
    case 'rate':
      return `${RULE_KIND_TERMS.rate}：权重 × ${inputName(r.input)}${r.zeroBelow ? `，低于 ${r.zeroBelow}% 不得分` : ''}`;
    case 'threshold-steps':
      return `${RULE_KIND_TERMS['threshold-steps']}：${inputName(r.input)} ${r.steps.map((s) => `${s.op}${s.value}→${s.ratio}`).join('，')}，其余→${r.otherwise ?? '0'}`;
    case 'not-exceed':
      return `${RULE_KIND_TERMS['not-exceed']}：${r.checks.map((c) => `${inputName(c.actual)} ≤ ${inputName(c.limit)}`).join('；')}`;
    case 'indicator-rows':
      return `${RULE_KIND_TERMS['indicator-rows']}${r.sections.length ? `：${r.sections.join('、')}` : ''}`;
    default:
      return RULE_KIND_TERMS[r.kind];
  }
};

const treeText = (nodes: readonly FrameworkNode[], depth = 0): string[] =>
  nodes.flatMap((n) => [
    `${'  '.repeat(depth)}${n.name}（${n.weight} 分）${n.rule ? `  [${ruleText(n.rule)}]` : ''}${n.aliases?.length ? `  又称 ${n.aliases.join('、')}` : ''}`,
    ...treeText(n.children ?? [], depth + 1),
  ]);

const fail = (message: string): void => {
  process.stderr.write(`jixiao frameworks: ${message}\n`);
  process.exitCode = 2;
};

const formatOf = (value: string | undefined) => parseFormat(value) ?? (value ? undefined : defaultFormat());

export const registerFrameworks = (program: Command): void => {
  const cmd = program
    .command('frameworks')
    .description('列出内置的指标框架 (list built-in indicator frameworks)')
    .option('--format <format>', '输出格式 json|text (output format)')
    .action((opts: { format?: string }) => {
      const format = formatOf(opts.format);
      if (!format) return fail(`未知的输出格式 ${opts.format}，应为 json 或 text (unknown --format)`);
      if (format === 'json') return printJson(BUILTIN_FRAMEWORKS.map(summary));
      const lines = BUILTIN_FRAMEWORKS.map(
        (f) => `${f.id}\t${f.region}\t${f.year}\t${f.kind}\t总分 ${f.total}\t${f.name}`,
      );
      process.stdout.write(`${lines.join('\n')}\n`);
    });
  cmd
    .command('show')
    .description('显示一个框架的指标树 (print a framework tree)')
    .argument('<id|path>', '框架 id 或框架文件 (framework id or file)')
    .option('--format <format>', '输出格式 json|text (output format)')
    .action(async (id: string, opts: { format?: string }) => {
      // The parent command takes --format too; commander gives it to whichever parses it first.
      const format = formatOf(opts.format ?? (cmd.opts() as { format?: string }).format);
      if (!format) return fail('未知的输出格式，应为 json 或 text (unknown --format)');
      const loaded = await loadFramework(id);
      if (!loaded.ok) return fail(loaded.message);
      const f = loaded.framework;
      if (format === 'json') return printJson(f);
      const bands = gradeBandsOf(f)
        .map((b) => `${b.grade} ≥${b.min}`)
        .join('，');
      const head = [
        `${f.name}（${f.id}，${f.version}）`,
        `${f.region}，${f.year} 年，总分 ${f.total}，等级 ${bands}`,
      ];
      if (f.source) head.push(`来源：${f.source}`);
      process.stdout.write(`${[...head, '', ...treeText(f.indicators)].join('\n')}\n`);
    });
  cmd
    .command('schema')
    .description('输出框架文件的 JSON Schema (JSON Schema of framework files)')
    .action(() => printJson(frameworkJsonSchema()));
};
