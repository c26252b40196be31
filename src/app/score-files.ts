/**
 * Use case: score report files against a framework (named, given as a file, or the best match for each
 * report), optionally with what-if settings. Many files in one process; a file that cannot be read is
 * reported and the others are still scored.
 */
import { readFile } from 'node:fs/promises';
import { type Evaluation, evaluate } from '../core/evaluation/index.ts';
import {
  BUILTIN_FRAMEWORKS,
  builtinFramework,
  type Framework,
  validateFramework,
} from '../core/framework/index.ts';
import { SEVERITY_TERMS } from '../core/glossary.ts';
import { type Failure, failure, ok, type Result } from '../core/result.ts';
import type { ScoredReport } from '../core/scoring/types.ts';
import {
  type NextGrade,
  nextGradeChanges,
  overridesOf,
  parseSetting,
  type Setting,
} from '../core/scoring/what-if.ts';
import { importFile } from './import-file.ts';
import { inOrder } from './in-order.ts';
import { type ReportFacts, reportFacts } from './report-facts.ts';

export type FrameworkLoad = Result<
  Framework,
  Failure<
    | 'framework.unknown'
    | 'framework.not-found'
    | 'framework.unreadable'
    | 'framework.bad-json'
    | 'framework.invalid'
  >
>;

const looksLikePath = (spec: string): boolean =>
  spec.endsWith('.json') || spec.includes('/') || spec.includes('\\');

/** A built-in framework by id, or a framework file by path; every problem of a broken file is said. */
export const loadFramework = async (spec: string): Promise<FrameworkLoad> => {
  if (!looksLikePath(spec)) {
    const f = builtinFramework(spec);
    if (f) return ok(f);
    const ids = BUILTIN_FRAMEWORKS.map((x) => x.id).join('、');
    return failure('framework.unknown', `没有框架 ${spec}，内置框架为 ${ids}`, 'unknown framework id');
  }
  let data: unknown;
  try {
    data = JSON.parse(await readFile(spec, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      return failure('framework.not-found', `找不到框架文件 ${spec}`, 'framework file not found');
    if (code)
      return failure(
        'framework.unreadable',
        `无法读取框架文件 ${spec}：${code}`,
        'cannot read framework file',
      );
    return failure(
      'framework.bad-json',
      `框架文件 ${spec} 不是有效的 JSON`,
      'framework file is not valid JSON',
    );
  }
  const checked = validateFramework(data);
  if (checked.ok) return ok(checked.framework);
  const list = checked.problems.filter((p) => p.severity === 'error').map((p) => p.message);
  return failure(
    'framework.invalid',
    `框架文件 ${spec} 有 ${list.length} 处${SEVERITY_TERMS.error}：${list.join('；')}`,
    'invalid framework',
  );
};

export type WhatIf = { settings: Setting[]; scored: ScoredReport };

export type FileScore =
  | {
      file: string;
      ok: true;
      /** The one evaluation (core `evaluate`): no framework fits → the report's own scores. */
      evaluation: Evaluation;
      whatIf: WhatIf | null;
      nextGrade: NextGrade | null;
      /** Unit, year, kind, totals and grades: the file's row in `--format csv`. */
      facts: ReportFacts;
    }
  | ({ file: string } & Failure);

export type ScoreFilesOptions = {
  /** A framework id or a path to a framework file; else each report's best match. */
  framework?: string | undefined;
  /** `名称=值` settings for a what-if re-score. */
  set?: readonly string[] | undefined;
  /** How many files are read at once. */
  concurrency?: number | undefined;
  /** Awaited before the next file is taken when it returns a promise: the output is full. */
  ready?: (() => Promise<void> | undefined) | undefined;
};

export type ScoreFilesResult = Result<FileScore[]>;

/** Every result at once, in input order: for a few files (a large batch streams with `scoreEach`). */
export const scoreFiles = async (
  files: readonly string[],
  options: ScoreFilesOptions = {},
): Promise<ScoreFilesResult> => {
  const results: FileScore[] = [];
  const out = await scoreEach(files, (r) => results.push(r), options);
  return out.ok ? ok(results) : out;
};

const parseSettings = (
  exprs: readonly string[],
  fw: Framework,
): Result<Setting[], Failure<'setting.invalid'>> => {
  const settings: Setting[] = [];
  for (const e of exprs) {
    const p = parseSetting(e, fw);
    if (!p.ok) return p;
    settings.push(p.value);
  }
  return ok(settings);
};

/**
 * Scores the files and calls `onResult` with each result in input order, as soon as it and every one
 * before it are done; only results waiting for a predecessor are held. A bad framework or setting is
 * said before any file is read.
 */
export const scoreEach = async (
  files: readonly string[],
  onResult: (r: FileScore, index: number) => void,
  options: ScoreFilesOptions = {},
): Promise<Result<null>> => {
  let fixed: Framework | undefined;
  if (options.framework) {
    const loaded = await loadFramework(options.framework);
    if (!loaded.ok) return loaded;
    fixed = loaded.value;
  }
  const exprs = options.set ?? [];
  // Settings are checked once up front, against the named framework or any built-in one.
  if (exprs.length > 0) {
    const against = fixed ? [fixed] : BUILTIN_FRAMEWORKS;
    const firstBad = exprs
      .map((e) => against.map((f) => parseSetting(e, f)))
      .find((rs) => !rs.some((r) => r.ok));
    if (firstBad?.[0] && !firstBad[0].ok) return firstBad[0];
  }
  const out = inOrder(onResult);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      await options.ready?.();
      if (next >= files.length) return;
      const i = next++;
      out.put(i, await scoreOne(files[i]!, fixed, exprs));
    }
  };
  const n = Math.max(1, Math.min(options.concurrency ?? 8, files.length));
  await Promise.all(Array.from({ length: n }, worker));
  return ok(null);
};

const scoreOne = async (
  file: string,
  fixed: Framework | undefined,
  exprs: readonly string[],
): Promise<FileScore> => {
  const read = await importFile(file);
  if (!read.ok) return { file, ...read };
  const report = read.value;
  const evaluation = evaluate(report, fixed ? [fixed] : BUILTIN_FRAMEWORKS, {
    fixed: fixed ? { framework: fixed, how: 'named' } : undefined,
    audit: false,
  });
  const fw = evaluation.choice?.framework;
  // No framework fits: nothing is recomputed, so there is nothing to ask "what if" of.
  if (!fw)
    return {
      file,
      ok: true,
      evaluation,
      whatIf: null,
      nextGrade: null,
      facts: reportFacts(report, evaluation),
    };
  let whatIf: WhatIf | null = null;
  if (exprs.length > 0) {
    const parsed = parseSettings(exprs, fw);
    if (!parsed.ok) return { file, ...parsed };
    const what = evaluate(report, [fw], {
      fixed: { framework: fw, how: 'named' },
      overrides: overridesOf(parsed.value),
      audit: false,
    });
    if (what.scored) whatIf = { settings: parsed.value, scored: what.scored };
  }
  const nextGrade = nextGradeChanges(report, fw, whatIf ? overridesOf(whatIf.settings) : {});
  return { file, ok: true, evaluation, whatIf, nextGrade, facts: reportFacts(report, evaluation) };
};
