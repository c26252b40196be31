import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { auditEach, type FileAudit } from '../../app/audit-files.ts';
import { auditCsvRow } from '../../app/batch-csv.ts';
import { batchTally } from '../../app/batch-tally.ts';
import { countInputsLater, inputFiles } from '../../app/expand-inputs.ts';
import { RULE_FAMILIES, ruleFamily } from '../../core/audit/index.ts';
import { type Finding, SEVERITIES, type Severity } from '../../core/findings.ts';
import { SEVERITY_TERMS } from '../../core/glossary.ts';
import type { Source } from '../../core/model/index.ts';
import { fileAuditJson } from '../audit-json.ts';
import {
  type BatchFormat,
  batchWriter,
  type Out,
  parseBatchFormat,
  streamOut,
  summaryText,
  unknownFormat,
} from '../batch-output.ts';
import { batchExitCode } from '../exit-codes.ts';
import { complain, defaultFormat } from '../output.ts';
import { ruleTitle } from '../rule-titles.ts';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const place = (s: Source): string => {
  if (s.table !== undefined) {
    const cell = [
      s.row !== undefined ? `第${s.row}行` : '',
      s.column !== undefined ? `第${s.column}列` : '',
    ].join('');
    return `表「${s.table}」${cell}`;
  }
  return s.line !== undefined ? `第${s.line}行` : '';
};

const places = (f: Finding): string => {
  const seen = [...new Set((f.locations ?? []).map(place).filter((x) => x))];
  return seen.length > 0 ? `    位置：${seen.slice(0, 8).join('、')}${seen.length > 8 ? ' …' : ''}` : '';
};

/** One file's findings, grouped by section, sections with errors first, errors first within each. */
export const auditText = (r: FileAudit): string => {
  if (!r.ok) return `${r.file}\n  无法读取：${r.message}\n`;
  const groups = new Map<string, Finding[]>();
  for (const f of r.findings) {
    const fam = ruleFamily(f.rule);
    const name = fam === 'other' ? '其他' : RULE_FAMILIES[fam];
    groups.set(name, [...(groups.get(name) ?? []), f]);
  }
  const worst = (fs: Finding[]) => Math.min(...fs.map((f) => RANK[f.severity]));
  const lines = [r.file];
  for (const [name, fs] of [...groups].sort((a, b) => worst(a[1]) - worst(b[1]))) {
    lines.push(`  【${name}】`);
    for (const f of [...fs].sort((a, b) => RANK[a.severity] - RANK[b.severity])) {
      const values =
        f.expected !== undefined || f.actual !== undefined
          ? `（应为 ${f.expected ?? '—'}，实为 ${f.actual ?? '—'}）`
          : '';
      lines.push(`  ${SEVERITY_TERMS[f.severity]} ${ruleTitle(f.rule)}（${f.rule}）：${f.message}${values}`);
      const p = places(f);
      if (p) lines.push(p);
    }
  }
  const count = (s: Severity) => r.findings.filter((f) => f.severity === s).length;
  lines.push(
    r.findings.length === 0
      ? '  未发现问题。'
      : `  合计：${SEVERITIES.map((s) => `${SEVERITY_TERMS[s]} ${count(s)} 项`).join('，')}。`,
  );
  return `${lines.join('\n')}\n`;
};

/**
 * A one-line progress bar on stderr, only when stderr is a terminal. The batch starts at once: the files
 * are counted meanwhile (`countInputsLater`), and until then the line says how many are done. Drawn
 * at most every 100 ms (none for a batch done sooner), and cleared at the end.
 */
const progressBar = (
  args: readonly string[],
): { tick: (done: number) => void; end: () => void } | undefined => {
  if (!process.stderr.isTTY) return undefined;
  let total: number | undefined;
  // Stopped when the batch is done first (a few files): the command need not wait for the count.
  const counting = new AbortController();
  void countInputsLater(args, { signal: counting.signal }).then((n) => {
    if (!counting.signal.aborted) total = n;
  });
  let drawn = performance.now();
  let shown = false;
  return {
    tick: (done) => {
      const now = performance.now();
      if (now - drawn < 100) return;
      drawn = now;
      shown = true;
      if (total === undefined) {
        process.stderr.write(`\r审核中 已完成 ${done} 份，正在清点文件…\x1b[K`);
        return;
      }
      const width = 30;
      const filled = Math.min(width, Math.round((done / Math.max(1, total)) * width));
      process.stderr.write(
        `\r审核中 [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}\x1b[K`,
      );
    },
    end: () => {
      counting.abort();
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
};

/** Writes each file's entry in the format asked for as it comes; `end` closes the output. */
export const auditWriter = (format: BatchFormat, out: Out) =>
  batchWriter<FileAudit>(format, out, {
    json: fileAuditJson,
    csv: auditCsvRow,
    text: auditText,
  });

export const registerAudit = (program: Command): void => {
  program
    .command('audit')
    .description('一致性审核：找出报告中自相矛盾之处 (find contradictions in reports)')
    .argument('<files...>', '报告文件、文件夹或通配符如 报告/*.docx (report files, folders or patterns)')
    .option(
      '--format <format>',
      '输出格式 json|ndjson|csv|text，逐个文件写出 (output format, streamed file by file)',
    )
    .option(
      '--processes <n>',
      '并行审核的线程数：1 为本线程，2 及以上为相应数量的工作线程；默认按文件数与核数选择 ' +
        '(1 = this thread, n ≥ 2 = n worker threads; default chosen by files and cores)',
    )
    .action(async (args: string[], opts: { format?: string; processes?: string }) => {
      const format = opts.format === undefined ? defaultFormat() : parseBatchFormat(opts.format);
      if (!format) {
        process.stderr.write(unknownFormat('audit', opts.format ?? ''));
        process.exitCode = 2;
        return;
      }
      const asked = opts.processes === undefined ? undefined : Number(opts.processes);
      if (asked !== undefined && !(Number.isInteger(asked) && asked >= 1 && asked <= 64)) {
        process.stderr.write(
          `jixiao audit: --processes 应为 1 到 64 的整数，而不是 ${opts.processes} (--processes: integer 1–64)\n`,
        );
        process.exitCode = 2;
        return;
      }
      // The files as a folder is walked, not as a list: a province's 100,000 paths are never all held.
      // Without --processes, the first files choose the threads (worker threads for a large batch, see
      // auditWorkers; with workers this thread only writes).
      const threads =
        asked === undefined
          ? { cores: availableParallelism() }
          : { threads: Math.max(1, asked > 1 ? asked : 0), workersOnly: asked > 1 };
      const bar = progressBar(args);
      const out = streamOut(process.stdout);
      const writer = auditWriter(format, out);
      const tally = batchTally();
      await auditEach(
        inputFiles(args),
        (r) => {
          if (r.ok) tally.read(r.findings);
          else {
            tally.unreadable(r.code);
            complain(r.file, r.message);
          }
          writer.entry(r);
        },
        {
          ...threads,
          ready: out.ready,
          facts: format === 'csv',
          ...(bar ? { onProgress: bar.tick } : {}),
        },
      );
      bar?.end();
      writer.end();
      const summary = tally.summary();
      if (format === 'text' && summary.files > 1) process.stderr.write(summaryText(summary));
      process.exitCode = batchExitCode(summary);
    });
};
