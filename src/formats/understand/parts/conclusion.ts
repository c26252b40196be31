/** 绩效自评结论: the notice cited, its number, the stated total and grade; and the report year. */
import type { DepartmentReport, Grade } from '../../../core/model/index.ts';
import { type Para, srcOf } from '../blocks.ts';
import { missing, parasOf, type ReadContext, warn } from './context.ts';

type Conclusion = NonNullable<DepartmentReport['conclusion']>;

const NOTICE_NO = /[\u4e00-\u9fa5]{1,8}[〔[【（(]\s*\d{4}\s*[〕\]】）)]\s*\d+\s*号/;
export const TOTAL = /(?:自评|评价)?(?:总分|得分|评分|分数|分值|结果)(?:为|是|：|:)?\s*(\d+(?:\.\d+)?)\s*分/;
export const GRADE =
  /(?:等级|等次|评级|结果|结论)(?:为|是|：|:)?\s*[“"‘]?\s*(优秀|优|良好|良|中等|中|合格|一般|较差|差|不合格)/;

export const GRADE_OF: Record<string, Grade> = {
  优秀: '优',
  优: '优',
  良好: '良',
  良: '良',
  中等: '中',
  中: '中',
  合格: '中',
  一般: '中',
  较差: '差',
  差: '差',
  不合格: '差',
};

export const readConclusion = (ctx: ReadContext): Conclusion | null => {
  const paras = parasOf(ctx.parts.conclusion);
  if (!ctx.parts.conclusion) {
    missing(ctx, 'conclusion');
    return null;
  }
  const out: Conclusion = { notice: null, noticeNo: null, statedTotal: null, statedGrade: null, text: '' };
  out.text = paras.map((p) => p.text).join('\n');
  const first = paras[0];
  if (first) out.src = srcOf(first);
  for (const p of paras) {
    const n = /《([^》]{4,120})》/.exec(p.text);
    if (n && !out.notice)
      out.notice = { value: n[1]!, src: srcOf(p, n.index + 1, n.index + 1 + n[1]!.length) };
    const no = NOTICE_NO.exec(p.text);
    if (no && !out.noticeNo)
      out.noticeNo = { value: no[0], src: srcOf(p, no.index, no.index + no[0].length) };
    // Skip the notice's own words (its year, its title) when looking for the score.
    const body = p.text.replace(/《[^》]*》/g, (s) => ' '.repeat(s.length));
    const t = TOTAL.exec(body);
    if (t && !out.statedTotal) {
      const at = t.index + t[0].lastIndexOf(t[1]!);
      out.statedTotal = { value: t[1]!, src: srcOf(p, at, at + t[1]!.length) };
    }
    const g = GRADE.exec(body);
    if (g && !out.statedGrade) {
      const at = g.index + g[0].lastIndexOf(g[1]!);
      out.statedGrade = { value: GRADE_OF[g[1]!] ?? '中', src: srcOf(p, at, at + g[1]!.length) };
    }
  }
  return out;
};

/** The report year: the title's, else the conclusion's "2023年部门整体支出", else the tables' titles. */
export const readYear = (
  ctx: ReadContext,
  candidates: readonly (Para | undefined)[],
): DepartmentReport['year'] => {
  for (const p of candidates) {
    if (!p) continue;
    const body = p.text.replace(/《[^》]*》/g, (s) => ' '.repeat(s.length));
    const m =
      /(\d{4})\s*年度?\s*(?:[\u4e00-\u9fa5]{0,20}?)?(?:部门整体支出|整体支出|绩效自评|自评报告)/.exec(body) ??
      /(\d{4})\s*年/.exec(body);
    if (m) return { value: Number(m[1]), src: srcOf(p, m.index, m.index + 4) };
  }
  warn(ctx, 'read.year-missing', '未能确定报告年度（标题、自评结论和表格标题中都没有“XXXX年”）', [ctx.end]);
  return null;
};
