/** `jixiao import --format text` for a 项目支出绩效自评表: the form's facts in Chinese, one per line. */
import type { Measure, ProjectReport } from '../../core/model/index.ts';
import { measureText } from '../project/form-rows.ts';

const v = (f: { value: string | number } | null | undefined, none = '（未填写）'): string =>
  f ? String(f.value) : none;
const measure = (m: Measure): string => measureText(m) || '（未填写）';

export const projectSummaryLines = (r: ProjectReport): string[] => {
  const unit = r.moneyUnit ? `（${r.moneyUnit.value}）` : '';
  const out = [
    `${v(r.title, '项目支出绩效自评表')}（${r.layout === 'sichuan' ? '四川格式' : '标准格式'}）`,
    `年度：${v(r.year)}`,
    `项目名称：${v(r.project.name)}`,
    `主管部门：${v(r.project.department)}`,
    `实施单位：${v(r.project.implementer)}`,
  ];
  if (r.formNo) out.push(`报表编号：${r.formNo.value}`);
  out.push('', `项目资金${unit}：年初预算数 / 全年预算数 / 全年执行数 / 执行率 / 得分`);
  for (const f of r.funds) {
    const rate = f.rate ? `${f.rate.value}%` : '—';
    out.push(
      `  ${f.label}：${v(f.budget, '—')} / ${v(f.adjusted, '—')} / ${v(f.final, '—')} / ${rate} / ${v(f.score, '—')}`,
    );
  }
  out.push('', `年度总体目标：${v(r.goal.expected)}`, `实际完成情况：${v(r.goal.actual)}`);
  out.push('', `绩效指标（${r.indicators.length} 项）：`);
  for (const i of r.indicators) {
    const path = [i.level1?.value, i.level2?.value, i.name.value].filter(Boolean).join(' / ');
    out.push(
      `  ${path}：指标值 ${measure(i.target)}，完成 ${measure(i.actual)}，分值 ${v(i.weight, '—')}，得分 ${v(i.score, '—')}${i.deviation ? '，有偏差说明' : ''}`,
    );
  }
  out.push('', `总分：${v(r.statedTotal)}　等级：${v(r.statedGrade)}`);
  if (r.conclusion) out.push(`评价结论：${r.conclusion.value}`);
  if (r.problems) out.push(`存在问题：${r.problems.value}`);
  if (r.measures) out.push(`改进措施：${r.measures.value}`);
  return out;
};
