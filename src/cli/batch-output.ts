/**
 * Streamed output of the batch commands (`audit`, `score`): each file's entry is written as soon as it
 * comes, as one element of a JSON array, one NDJSON line, one CSV row or one text block, and nothing of
 * it is kept. Writes wait while stdout is full, so that results do not pile up in memory.
 */
import { type BatchRow, csvHead, csvLine } from '../app/batch-csv.ts';
import type { BatchSummary } from '../app/batch-tally.ts';
import { SEVERITY_TERMS } from '../core/glossary.ts';
import { ruleTitle } from './rule-titles.ts';

export { type BatchRow, CSV_HEADER, csvCell, csvHead, csvLine, unreadRow } from '../app/batch-csv.ts';

export const BATCH_FORMATS = ['json', 'ndjson', 'csv', 'text'] as const;
export type BatchFormat = (typeof BATCH_FORMATS)[number];

export const parseBatchFormat = (value: string): BatchFormat | undefined =>
  BATCH_FORMATS.find((f) => f === value);

/** What `--format` says when it names no format. */
export const unknownFormat = (command: string, value: string): string =>
  `jixiao ${command}: 未知的输出格式 ${value}，应为 json、ndjson、csv 或 text (unknown --format)\n`;

export type Out = {
  write: (chunk: string) => void;
  /** A promise while the stream's buffer is full (resolved on drain, or when it closes), else undefined. */
  ready: () => Promise<void> | undefined;
};

export const streamOut = (stream: NodeJS.WritableStream & { writableNeedDrain?: boolean }): Out => {
  let waiting: Promise<void> | undefined;
  return {
    write: (chunk) => {
      stream.write(chunk);
    },
    ready: () => {
      if (!stream.writableNeedDrain) return undefined;
      waiting ??= new Promise<void>((resolve) => {
        const done = () => {
          stream.off('drain', done);
          stream.off('close', done);
          stream.off('error', done);
          waiting = undefined;
          resolve();
        };
        stream.on('drain', done);
        stream.on('close', done);
        stream.on('error', done);
      });
      return waiting;
    },
  };
};

/** Elements of one JSON array, written as they come; the bytes equal `JSON.stringify(all, null, 2)`. */
export const jsonArray = (out: Out) => {
  let n = 0;
  return {
    item: (value: unknown) => {
      out.write(`${n++ === 0 ? '[\n  ' : ',\n  '}${JSON.stringify(value, null, 2).replaceAll('\n', '\n  ')}`);
    },
    end: () => out.write(n === 0 ? '[]\n' : '\n]\n'),
  };
};

/**
 * The end-of-batch summary for stderr: counts, then the rules by frequency (at most `top`), each by its
 * severity, count and Chinese name, the code after it in brackets.
 */
export const summaryText = (s: BatchSummary, top = 20): string => {
  const lines = [
    `合计：${s.files} 个文件，${s.withErrors} 个有错误，${s.unreadable} 个无法读取 ` +
      `(${s.files} files, ${s.withErrors} with errors, ${s.unreadable} unreadable)`,
  ];
  if (s.byRule.length > 0) {
    lines.push('按规则 (by rule)：');
    for (const r of s.byRule.slice(0, top))
      lines.push(`  ${SEVERITY_TERMS[r.severity]}  ${r.count}  ${ruleTitle(r.rule)}（${r.rule}）`);
    if (s.byRule.length > top) lines.push(`  …另有 ${s.byRule.length - top} 条规则 (more rules)`);
  }
  return `${lines.join('\n')}\n`;
};

/** How a batch command shows one file's result in each format. */
export type EntryViews<R> = {
  json: (r: R) => unknown;
  csv: (r: R) => BatchRow;
  /** The text block, or null to write nothing for this file. */
  text: (r: R) => string | null;
};

/** Writes each file's entry in the format asked for as it comes; `end` closes the output. */
export const batchWriter = <R>(format: BatchFormat, out: Out, views: EntryViews<R>) => {
  switch (format) {
    case 'json': {
      const array = jsonArray(out);
      return { entry: (r: R) => array.item(views.json(r)), end: array.end };
    }
    case 'ndjson':
      return { entry: (r: R) => out.write(`${JSON.stringify(views.json(r))}\n`), end: () => {} };
    case 'csv':
      out.write(csvHead());
      return { entry: (r: R) => out.write(csvLine(views.csv(r))), end: () => {} };
    case 'text': {
      let first = true;
      return {
        entry: (r: R) => {
          const text = views.text(r);
          if (text === null) return;
          out.write(first ? text : `\n${text}`);
          first = false;
        },
        end: () => {},
      };
    }
  }
};
