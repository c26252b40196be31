/**
 * `jixiao render`: a report file in, the standard report out as .docx, .html, .pdf or .xlsx. Scores,
 * subtotals, statuses and the grade come from the scoring engine when a framework fits the report, and
 * the audit's errors put an error page first unless allowed.
 */
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { type Evaluation, evaluate } from '../core/evaluation/index.ts';
import type { Finding } from '../core/findings.ts';
import { BUILTIN_FRAMEWORKS, definedDirections } from '../core/framework/index.ts';
import type { DepartmentReport, IndicatorNode, Report } from '../core/model/index.ts';
import { failure, ok, type Result } from '../core/result.ts';
import { type ScoredNode as EngineNode, targetMet } from '../core/scoring/index.ts';
import type { RenderInput, ScoredNode, Scores } from '../formats/document/blocks/render-input.ts';
import { importFile } from './import-file.ts';
import { renderProject } from './render-project.ts';

export const RENDER_FORMATS = ['docx', 'html', 'pdf', 'xlsx'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

export type RenderResult = Result<Uint8Array>;

/** The output format named by a file's extension, or undefined. */
export const renderFormatOf = (path: string): RenderFormat | undefined => {
  const ext = extname(path).slice(1).toLowerCase();
  return RENDER_FORMATS.find((f) => f === ext);
};

const overlay = (nodes: readonly IndicatorNode[], scored: readonly EngineNode[]): ScoredNode[] => {
  const flat: EngineNode[] = [];
  const walk = (xs: readonly EngineNode[]) => {
    for (const x of xs) {
      flat.push(x);
      walk(x.children);
    }
  };
  walk(scored);
  const find = (n: IndicatorNode) => {
    const same = flat.filter((s) => s.reportName === n.name);
    return same.find((s) => s.level === n.level) ?? same[0];
  };
  const map = (n: IndicatorNode): ScoredNode => ({
    score: find(n)?.computed ?? null,
    children: n.children.map(map),
  });
  return nodes.map(map);
};

/** The evaluation a render shows: the given one (a stored report's, by its bound framework), else against the built-in frameworks. */
const evaluationOf = (report: Report, options: RenderOptions): Evaluation =>
  options.evaluation ?? evaluate(report, BUILTIN_FRAMEWORKS);

/** The audit's findings of an evaluation (the error page), without those of scoring. */
export const auditFindings = (e: Evaluation): Finding[] => {
  const own = new Set(e.scoringFindings);
  return e.findings.filter((f) => !own.has(f));
};

/** The computed scores of a report, or undefined when no framework fits it (the stated scores are kept). */
export const computeScores = (
  report: DepartmentReport,
  evaluation: Evaluation = evaluate(report, BUILTIN_FRAMEWORKS, { audit: false }),
): Scores | undefined => {
  const scored = evaluation.scored;
  if (!scored || evaluation.choice?.framework.kind !== report.kind) return undefined;
  const defined = definedDirections(evaluation.choice.framework);
  return {
    total: scored.total,
    grade: scored.grade,
    gradeLabel: evaluation.gradeLabel ?? undefined,
    indicators: overlay(report.indicators, scored.indicators),
    achievementStatuses: (report.achievements?.rows ?? []).map((row) => {
      const met = targetMet(row, defined);
      return met === null ? null : met ? '完成' : '未完成';
    }),
  };
};

export type RenderOptions = {
  allowErrors?: boolean;
  computed?: boolean;
  /** The report's evaluation (a stored report's, by the framework it is bound to); else one is made. */
  evaluation?: Evaluation | undefined;
};

/** The writers' input for a report: computed scores (unless `computed: false`) and audit findings. */
export const renderInput = (report: DepartmentReport, options: RenderOptions = {}): RenderInput => {
  const e = evaluationOf(report, options);
  return {
    report,
    scores: options.computed === false ? undefined : computeScores(report, e),
    findings: auditFindings(e),
    allowErrors: options.allowErrors,
  };
};

/**
 * Each writer is loaded only when its format is asked for: the .docx writer does not need the browser
 * driver (playwright-core) or exceljs, and loading them cost `jixiao render x --out y.docx` and
 * `jixiao --help` most of their start-up (docs/benchmarks.md).
 */
export const renderReport = async (input: RenderInput, format: RenderFormat): Promise<RenderResult> => {
  switch (format) {
    case 'docx': {
      const { writeDocx } = await import('../formats/docx/write-docx.ts');
      return ok(await writeDocx(input));
    }
    case 'html': {
      const { writeHtml } = await import('../formats/html/write-html.ts');
      return ok(new TextEncoder().encode(writeHtml(input)));
    }
    case 'xlsx': {
      const { writeXlsx } = await import('../formats/xlsx/write-xlsx.ts');
      return ok(await writeXlsx(input));
    }
    case 'pdf': {
      const { writePdf } = await import('../formats/pdf/write-pdf.ts');
      return writePdf(input);
    }
  }
};

/** Any kind of report in the given format: 部门整体 reports in the standard report, 项目 forms in their table. */
export const renderAnyReport = (
  report: Report,
  format: RenderFormat,
  options: RenderOptions = {},
): Promise<RenderResult> =>
  report.kind === 'project'
    ? renderProject(report, format, options)
    : renderReport(renderInput(report, options), format);

/** Reads `file`, renders it in the format of `out`'s extension and writes `out`. */
export const renderFile = async (
  file: string,
  out: string,
  options: RenderOptions = {},
): Promise<RenderResult> => {
  const format = renderFormatOf(out);
  if (!format) {
    return failure(
      'render.unknown-format',
      `无法识别输出格式 ${extname(out) || '（无扩展名）'}，应为 .docx、.pdf、.html 或 .xlsx`,
      'output must end in .docx, .pdf, .html or .xlsx',
    );
  }
  const read = await importFile(file);
  if (!read.ok) return read;
  const result = await renderAnyReport(read.value, format, options);
  if (!result.ok) return result;
  try {
    await writeFile(out, result.value);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    return failure('render.write', `无法写入 ${out}：${code}`, 'cannot write the output file');
  }
  return result;
};
