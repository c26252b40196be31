/**
 * The audit of a 项目支出绩效自评表: funds, indicators, then the stated total and grade against the
 * scores the form itself states (the recomputed scores are the scoring engine's business).
 */
import { dec, decimalPlaces, decString, roundHalfUp, sum } from '../decimal.ts';
import { type Finding, finding } from '../findings.ts';
import { totalFundRow } from '../framework/project-view.ts';
import type { Framework } from '../framework/schema.ts';
import type { ProjectReport } from '../model/index.ts';
import { gradeOf } from '../scoring/grade.ts';
import { projectFundRules } from './project-funds.ts';
import { projectIndicatorRules } from './project-indicators.ts';
import { at } from './support.ts';

/** 总分 = 预算执行率得分 + Σ 指标得分, to the places the total is written with. */
const totalRules = (r: ProjectReport): Finding[] => {
  const out: Finding[] = [];
  const rateScore = totalFundRow(r)?.score;
  const scores = [rateScore, ...r.indicators.map((i) => i.score)].flatMap((s) => (s ? [s] : []));
  const stated = r.statedTotal;
  if (stated && scores.length > 0) {
    const total = sum(scores.map((s) => s.value));
    const places = Math.max(decimalPlaces(stated.value), 1);
    if (!roundHalfUp(total, places).eq(stated.value)) {
      out.push(
        finding('project.total-mismatch', {
          message: `总分填写 ${decString(stated.value)} 分，预算执行率得分与各指标得分之和为 ${decString(total)} 分`,
          expected: decString(total),
          actual: stated.value,
          locations: at(stated.src),
        }),
      );
    }
  }
  if (stated && r.statedGrade) {
    const expected = gradeOf(dec(stated.value));
    if (expected !== r.statedGrade.value) {
      out.push(
        finding('project.grade-mismatch', {
          message: `总分 ${decString(stated.value)} 分对应等级「${expected}」，填写为「${r.statedGrade.value}」`,
          expected,
          actual: r.statedGrade.value,
          locations: at(r.statedGrade.src, stated.src),
        }),
      );
    }
  }
  return out;
};

/** Every finding of a project form, the reader's warnings last unless left out. */
export const auditProjectReport = (
  r: ProjectReport,
  options: { readerWarnings?: boolean; framework?: Framework | null | undefined } = {},
): Finding[] => [
  ...projectFundRules(r),
  ...projectIndicatorRules(r, options.framework ?? null),
  ...totalRules(r),
  ...(options.readerWarnings === false ? [] : r.meta.warnings),
];
