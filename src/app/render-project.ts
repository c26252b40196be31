/**
 * `jixiao render` for 项目支出绩效自评表: the form in its own layout with the engine's scores (unless the
 * stated ones are asked for, or the engine's cannot all be laid on the form's rows: then the form keeps its
 * own scores and stated total) and the audit's errors first (unless allowed).
 */

import { dec, sum } from '../core/decimal.ts';
import { type Evaluation, evaluate } from '../core/evaluation/index.ts';
import { BUILTIN_FRAMEWORKS } from '../core/framework/index.ts';
import type { ProjectReport } from '../core/model/index.ts';
import { ok, type Result } from '../core/result.ts';
import type { ScoredNode } from '../core/scoring/index.ts';
import { type FormScores, projectFormGrid } from '../formats/project/form-rows.ts';
import { writeProjectHtml } from '../formats/project/write-project-html.ts';

type Format = 'docx' | 'html' | 'pdf' | 'xlsx';

const leaves = (nodes: readonly ScoredNode[], out: ScoredNode[] = []): ScoredNode[] => {
  for (const n of nodes) {
    if (n.rule === 'project-indicator' || n.rule === 'rate') out.push(n);
    leaves(n.children, out);
  }
  return out;
};

/**
 * Whether the scores a form would be written with add up to the total written beside them (总分 = 预算执行率得分
 * + Σ 指标得分, as the audit's project.total-mismatch reads the written form back): the rate goes on the 合计
 * fund row, an indicator the engine did not score keeps its stated score.
 */
const addsUp = (r: ProjectReport, s: FormScores): boolean => {
  const fundScores = r.funds.map((f) => (f.key === 'total' && s.rate != null ? s.rate : f.score?.value));
  const fundRow = r.funds.findIndex((f) => f.key === 'total');
  const rate = fundScores[Math.max(fundRow, 0)];
  const rows = r.indicators.map((i, k) => s.indicators[k] ?? i.score?.value);
  const written = [rate, ...rows].flatMap((x) => (x ? [x] : []));
  return sum(written).eq(dec(s.total));
};

/**
 * The engine's scores laid on the form's rows (by indicator name, in order), or undefined when no project
 * framework fits, or when they cannot all be laid on the form's own rows (a framework that fits only part
 * of a narrative report's table): writing its total beside rows that keep their stated scores would make
 * the rendered form contradict itself, so the form is written as it is, with its own stated total.
 */
export const computeProjectScores = (
  r: ProjectReport,
  evaluation: Evaluation = evaluate(r, BUILTIN_FRAMEWORKS, { audit: false }),
): FormScores | undefined => {
  const scored = evaluation.scored;
  if (!scored || evaluation.choice?.framework.kind !== 'project') return undefined;
  const all = leaves(scored.indicators);
  const rate = all.find((n) => n.rule === 'rate');
  const rows = all.filter((n) => n.rule === 'project-indicator');
  const used = new Set<ScoredNode>();
  const indicators = r.indicators.map((i) => {
    const hit = rows.find((n) => !used.has(n) && n.reportName === i.name.value);
    if (!hit) return null;
    used.add(hit);
    return hit.computed;
  });
  const scores: FormScores = {
    rate: rate?.computed ?? null,
    indicators,
    total: scored.total,
    grade: scored.grade,
    gradeLabel: evaluation.gradeLabel ?? undefined,
  };
  return addsUp(r, scores) ? scores : undefined;
};

export type ProjectRenderOptions = {
  allowErrors?: boolean;
  computed?: boolean;
  /** The form's evaluation (a stored report's, by the framework it is bound to); else one is made. */
  evaluation?: Evaluation | undefined;
};

export const renderProject = async (
  r: ProjectReport,
  format: Format,
  options: ProjectRenderOptions = {},
): Promise<Result<Uint8Array>> => {
  const e = options.evaluation ?? evaluate(r, BUILTIN_FRAMEWORKS);
  const grid = projectFormGrid(r, options.computed === false ? undefined : computeProjectScores(r, e));
  const own = new Set(e.scoringFindings);
  const errors = options.allowErrors ? [] : e.findings.filter((f) => f.severity === 'error' && !own.has(f));
  switch (format) {
    // The .docx and .xlsx writers and the browser driver are loaded only for their own format.
    case 'docx': {
      const { writeProjectDocx } = await import('../formats/project/write-project-docx.ts');
      return ok(await writeProjectDocx(grid, errors));
    }
    case 'xlsx': {
      const { writeProjectXlsx } = await import('../formats/project/write-project-xlsx.ts');
      return ok(await writeProjectXlsx(grid, errors));
    }
    case 'html':
      return ok(new TextEncoder().encode(writeProjectHtml(grid, errors)));
    case 'pdf':
      return (await import('../formats/pdf/write-pdf.ts')).htmlToPdf(writeProjectHtml(grid, errors));
  }
};
