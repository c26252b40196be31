import type { Command } from 'commander';
import { batchTally, countFindings } from '../../app/batch-tally.ts';
import { inputFiles } from '../../app/expand-inputs.ts';
import { type FileScore, scoreEach } from '../../app/score-files.ts';
import { RULE_KIND_TERMS } from '../../core/framework/rule-schema.ts';
import { SEVERITY_TERMS } from '../../core/glossary.ts';
import type { ScoredNode } from '../../core/scoring/types.ts';
import type { Change, NextGrade } from '../../core/scoring/what-if.ts';
import {
  type BatchFormat,
  batchWriter,
  type Out,
  parseBatchFormat,
  streamOut,
  summaryText,
  unknownFormat,
  unreadRow,
} from '../batch-output.ts';
import { complain, defaultFormat } from '../output.ts';
import { fileScoreJson, lostPoints } from '../score-json.ts';

/** Display width: CJK characters take two columns in a terminal. */
const width = (s: string): number => {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
};
const padEnd = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - width(s)));
const padStart = (s: string, n: number): string => ' '.repeat(Math.max(0, n - width(s))) + s;

const NAME_COL = 34;

const row = (cells: [string, string, string, string, string, string]): string =>
  `${padEnd(cells[0], NAME_COL)}${cells
    .slice(1, 5)
    .map((c) => padStart(c, 8))
    .join('')}  ${cells[5]}`;

const treeLines = (nodes: readonly ScoredNode[], depth = 0): string[] =>
  nodes.flatMap((n) => {
    const diff =
      n.difference === null || n.difference === '0'
        ? ''
        : n.difference.startsWith('-')
          ? n.difference
          : `+${n.difference}`;
    const rule = n.rule ? RULE_KIND_TERMS[n.rule] + (n.fallback ? '（沿用自评）' : '') : '';
    return [
      row([`${'  '.repeat(depth)}${n.name}`, n.weight, n.stated ?? '—', n.computed, diff, rule]),
      ...treeLines(n.children, depth + 1),
    ];
  });

const changeText = (c: Change): string =>
  `${c.indicator}：${c.name} ${c.from}${c.unit ?? ''} → ${c.to}${c.unit ?? ''}（+${c.gain} 分）`;

const nextGradeLines = (g: NextGrade | null): string[] => {
  if (!g) return ['已是最高等级。'];
  const head = `距「${g.grade}」（≥${g.min} 分）还差 ${g.needed} 分。`;
  if (g.single.length > 0)
    return [head, '任一项即可达到：', ...g.single.slice(0, 5).map((c) => `  ${changeText(c)}`)];
  if (g.combined) return [head, '需同时做到：', ...g.combined.map((c) => `  ${changeText(c)}`)];
  return [head, '在现有可调整的指标内无法达到。'];
};

/** A report no framework fits: its own tree as stated, the closest frameworks, and no invented score. */
const ownText = (r: Extract<FileScore, { ok: true }>): string => {
  const e = r.evaluation;
  const lines = [
    `${r.file}`,
    ...e.scoringFindings.map((f) => f.message),
    row(['指标', '权重', '自评', '合计', '差异', '']),
    ...treeLines(e.indicators),
    row(['合计', '', e.statedTotal ?? '—', e.total ?? '—', '', '']),
    `等级：按所填得分 ${e.grade ?? '—'}，自评 ${e.statedGrade ?? '—'}`,
  ];
  return `${lines.join('\n')}\n`;
};

export const scoreText = (r: Extract<FileScore, { ok: true }>): string => {
  const s = r.evaluation.scored;
  const fw = r.evaluation.choice?.framework;
  if (!s || !fw) return ownText(r);
  const lines = [
    `${r.file}`,
    `框架：${fw.name}（${fw.id}）`,
    row(['指标', '权重', '自评', '复核', '差异', '规则']),
    ...treeLines(s.indicators),
    row(['合计', fw.total, s.statedTotal ?? '—', s.total, '', '']),
    `等级：复核 ${s.grade}，自评 ${s.statedGrade ?? '—'}`,
  ];
  const lost = lostPoints(s.indicators);
  if (lost.length > 0) lines.push('失分：', ...lost.map((l) => `  ${l.indicator} −${l.points}：${l.reason}`));
  if (r.whatIf) {
    const w = r.whatIf;
    const set = w.settings
      .map((x) => `${x.name}=${x.value}${x.kind === 'input' ? (x.unit ?? '') : ''}`)
      .join('，');
    lines.push(`假如 ${set}：总分 ${w.scored.total}，等级 ${w.scored.grade}（原 ${s.total}，${s.grade}）`);
    const wl = lostPoints(w.scored.indicators);
    if (wl.length > 0)
      lines.push('  失分：', ...wl.map((l) => `    ${l.indicator} −${l.points}：${l.reason}`));
  }
  lines.push(...nextGradeLines(r.nextGrade).map((l, i) => (i === 0 && r.whatIf ? `按假设，${l}` : l)));
  const notes = s.findings.filter((f) => f.severity !== 'info');
  if (notes.length > 0)
    lines.push('评分时发现：', ...notes.map((f) => `  ${SEVERITY_TERMS[f.severity]}：${f.message}`));
  return `${lines.join('\n')}\n`;
};

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** Writes each file's entry in the format asked for as it comes; `end` closes the output. */
const scoreWriter = (format: BatchFormat, out: Out) =>
  batchWriter<FileScore>(format, out, {
    json: fileScoreJson,
    csv: (r) =>
      r.ok
        ? { file: r.file, facts: r.facts, counts: countFindings(r.evaluation.findings), note: '' }
        : unreadRow(r.file, r.message),
    text: (r) => {
      // An unreadable file is said on stderr only.
      if (!r.ok) return null;
      const c = r.evaluation.choice;
      if (c?.how === 'matched') complain(r.file, c.reason);
      return scoreText(r);
    },
  });

export const registerScore = (program: Command): void => {
  program
    .command('score')
    .description(
      '按指标框架复核自评得分：逐项重算、汇总、定等级 (recompute scores and grade from the leaves)',
    )
    .argument('<files...>', '报告文件、文件夹或通配符如 报告/*.docx (report files, folders or patterns)')
    .option(
      '--format <format>',
      '输出格式 json|ndjson|csv|text，逐个文件写出 (output format, streamed file by file)',
    )
    .option('--framework <id|path>', '指定框架：内置框架 id 或框架文件 (framework id or file)')
    .option(
      '--set <名称=值>',
      '假设某项数据改变后重算，可重复 (what-if: NAME=VALUE, repeatable)',
      collect,
      [],
    )
    .action(async (args: string[], opts: { format?: string; framework?: string; set: string[] }) => {
      const format = opts.format === undefined ? defaultFormat() : parseBatchFormat(opts.format);
      if (!format) {
        process.stderr.write(unknownFormat('score', opts.format ?? ''));
        process.exitCode = 2;
        return;
      }
      const out = streamOut(process.stdout);
      // Made at the first file: a bad framework or setting is said before anything is written.
      let writer: ReturnType<typeof scoreWriter> | undefined;
      const tally = batchTally();
      const done = await scoreEach(
        // The files as a folder is walked, not as a list: a province's 100,000 paths are never all held.
        inputFiles(args),
        (r) => {
          if (r.ok) tally.read(r.evaluation.findings);
          else {
            tally.unreadable(r.code);
            complain(r.file, r.message);
          }
          writer ??= scoreWriter(format, out);
          writer.entry(r);
        },
        { framework: opts.framework, set: opts.set, ready: out.ready },
      );
      if (!done.ok) {
        process.stderr.write(`jixiao score: ${done.message}\n`);
        process.exitCode = 2;
        return;
      }
      writer ??= scoreWriter(format, out);
      writer.end();
      const summary = tally.summary();
      if (format === 'text' && summary.files > 1) process.stderr.write(summaryText(summary));
      // Score findings are notes on the scoring, not failures: only an unreadable file fails the command.
      if (summary.unreadable > 0) process.exitCode = 2;
    });
};
