import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { readBytes } from '../../app/import-file.ts';
import { loadFramework } from '../../app/score-files.ts';
import { importScoreSheetFile } from '../../app/score-sheet-import.ts';
import type { Finding } from '../../core/findings.ts';
import { BUILTIN_FRAMEWORKS } from '../../core/framework/registry.ts';
import { RULE_KIND_TERMS, type Rule } from '../../core/framework/rule-schema.ts';
import {
  FRAMEWORK_KINDS,
  type Framework,
  type FrameworkKind,
  type FrameworkNode,
  frameworkJsonSchema,
  gradeBandsOf,
} from '../../core/framework/schema.ts';
import { SEVERITY_TERMS } from '../../core/glossary.ts';
import { inputName } from '../../core/scoring/inputs.ts';
import { defaultFormat, EXIT, parseFormat, printJson } from '../output.ts';

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

/** The English of each problem of a score sheet, after its Chinese (ids stay in JSON). */
const SHEET_PROBLEM_EN: Record<string, string> = {
  'sheet.no-table': 'no table with level and score columns',
  'sheet.no-weight-column': 'no score column',
  'sheet.unknown-column': 'unknown column, ignored',
  'sheet.missing-weight': 'an indicator without a score',
  'sheet.bad-weight': 'a score that is not a number',
  'sheet.missing-name': 'a score without an indicator name',
  'sheet.weight-conflict': 'an indicator given two different scores',
  'sheet.orphan': 'an indicator without a first level above it',
  'sheet.skipped-level': 'a level skipped',
  'sheet.depth': 'more than three levels',
  'sheet.empty': 'no indicators read',
  'sheet.no-criteria': 'leaves without scoring criteria',
  'framework.total': 'first-level weights do not add up to the total',
  'framework.weight-sum': 'weights of the children do not add up to the parent',
  'framework.weight': 'a weight that is not positive',
  'framework.duplicate': 'two indicators of one name under one heading',
  'framework.depth': 'more than three levels',
  'framework.shape': 'a node with both or neither of children and rule',
};

const problemLine = (p: Finding): string =>
  `${SEVERITY_TERMS[p.severity]}：${p.message} (${p.severity}: ${SHEET_PROBLEM_EN[p.rule] ?? p.rule})`;

type ImportOptions = {
  out?: string;
  format?: string;
  id?: string;
  name?: string;
  region?: string;
  year?: string;
  reportYear?: string;
  kind?: string;
};

const yearOpt = (v: string | undefined): number | undefined | null =>
  v === undefined ? undefined : /^\d{4}$/.test(v) ? Number(v) : null;

const importSheet = async (file: string, opts: ImportOptions, format: 'json' | 'text'): Promise<void> => {
  const year = yearOpt(opts.year);
  const reportYear = yearOpt(opts.reportYear);
  if (year === null || reportYear === null) return fail('年度应为四位数字 (a year has four digits)');
  if (opts.kind !== undefined && !(FRAMEWORK_KINDS as readonly string[]).includes(opts.kind))
    return fail('--kind 应为 department 或 project (--kind is department or project)');
  const bytes = readBytes(file);
  if (!(bytes instanceof Uint8Array)) return fail(bytes.message);
  const read = await importScoreSheetFile(bytes, {
    id: opts.id,
    name: opts.name,
    region: opts.region,
    year,
    reportYear,
    kind: opts.kind as FrameworkKind | undefined,
  });
  if (!read.ok) return fail(read.message);
  const { framework, problems } = read.value;
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (opts.out) writeFileSync(opts.out, `${JSON.stringify(framework, null, 2)}\n`);
  if (format === 'json') printJson(opts.out ? { problems } : { framework, problems });
  else {
    const leaves = (ns: typeof framework.indicators): number =>
      ns.reduce((a, n) => a + (n.children?.length ? leaves(n.children) : 1), 0);
    const lines = [
      `${framework.name}：${framework.indicators.length} 个一级指标、${leaves(framework.indicators)} 个末级指标，总分 ${framework.total}`,
      `(${framework.indicators.length} first-level indicators, ${leaves(framework.indicators)} leaves, total ${framework.total})`,
      ...problems.map(problemLine),
      errors
        ? `有 ${errors} 处${SEVERITY_TERMS.error}，改正后才能使用 (${errors} errors to correct before use)`
        : '没有错误，可以使用 (no errors)',
    ];
    if (opts.out) lines.push(`已写出 ${opts.out} (written)`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  if (errors) process.exitCode = EXIT.findings;
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
      const f = loaded.value;
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
    .command('import')
    .description(
      '读取评分表（.xlsx 或 .docx 表格）为指标框架，列出每一处问题 (read a score sheet into a framework, listing every problem)',
    )
    .argument('<file>', '评分表文件 (score sheet file)')
    .option('--out <file>', '把框架写入 JSON 文件 (write the framework to a JSON file)')
    .option('--format <format>', '输出格式 json|text (output format)')
    .option('--id <id>', '框架标识 (framework id)')
    .option('--name <name>', '框架名称 (name)')
    .option('--region <region>', '地区 (region)')
    .option('--year <year>', '发文年度 (year of the notice)')
    .option('--report-year <year>', '适用报告年度 (year of the reports it scores)')
    .option('--kind <kind>', 'department 或 project (kind of report)')
    .action(async (file: string, opts: ImportOptions) => {
      const format = formatOf(opts.format ?? (cmd.opts() as { format?: string }).format);
      if (!format) return fail('未知的输出格式，应为 json 或 text (unknown --format)');
      await importSheet(file, opts, format);
    });
  cmd
    .command('schema')
    .description('输出框架文件的 JSON Schema (JSON Schema of framework files)')
    .action(() => printJson(frameworkJsonSchema()));
};
