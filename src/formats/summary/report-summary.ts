/** A readable Chinese summary of a report: what `jixiao import --format text` prints. */
import { SEVERITY_TERMS } from '../../core/glossary.ts';
import type { DepartmentReport, IndicatorNode, Measure, Money, Report } from '../../core/model/index.ts';
import { projectSummaryLines } from './project-summary.ts';

const v = <T>(f: { value: T } | null | undefined, none = '—'): string => (f ? String(f.value) : none);
const money = (m: Money | null | undefined): string => (m ? `${m.value}${m.unit}` : '—');
const measure = (m: Measure): string => m.text || '—';
const where = (src: {
  line?: number | undefined;
  table?: string | undefined;
  row?: number | undefined;
  column?: number | undefined;
}): string =>
  src.table !== undefined
    ? `表${src.table} 第${(src.row ?? 0) + 1}行第${(src.column ?? 0) + 1}列${src.line ? `（第${src.line}行）` : ''}`
    : src.line
      ? `第${src.line}行`
      : '';

const tree = (nodes: readonly IndicatorNode[], depth: number, out: string[]): void => {
  for (const n of nodes) {
    const inputs = n.inputs.map(
      (i) => `${i.name}${i.op ?? ''}${i.value}${i.unit ?? ''}${i.year ? `（${i.year}年）` : ''}`,
    );
    out.push(
      `${'  '.repeat(depth)}${n.label ?? ''}${n.name}  分值 ${v(n.weight)}  自评得分 ${v(n.statedScore)}${inputs.length ? `  〔${inputs.join('；')}〕` : ''}`,
    );
    tree(n.children, depth + 1, out);
  }
};

const department = (r: DepartmentReport): string[] => {
  const out: string[] = [];
  const d = r.department;
  out.push(
    `【${v(d.name, '（未读到部门名称）')}】${r.year ? `${r.year.value}年度` : ''}部门整体支出绩效自评报告`,
  );
  if (r.title) out.push(`标题：${r.title.value}`);
  out.push(
    `级别：${v(d.rank)}  性质：${v(d.nature)}  辖区：${v(d.jurisdiction)}${d.extraNames.length ? `  加挂：${d.extraNames.map((x) => x.value).join('、')}` : ''}`,
  );
  out.push(
    `主要职责 ${r.duties.items.length} 项；内设机构 ${r.orgUnits.items.length} 个（文中称 ${v(r.orgUnits.statedCount)} 个）；重点工作 ${r.work.sections.length} 项`,
  );
  const s = r.staffing;
  out.push(
    `人员（截至 ${v(s.asOf)}）：编制 ${v(s.authorized)}，实有在职 ${v(s.inService)}，聘员 ${v(s.contractStaff)}，其他 ${v(s.other)}，退休 ${v(s.retired)}`,
  );
  if (r.income) {
    const parts = r.income.components.map(
      (c) => `${c.name} ${money(c.budget)}/${money(c.adjusted)}/${money(c.final)}`,
    );
    out.push(
      `收入：预算 ${money(r.income.budget)}，调整预算 ${money(r.income.adjusted)}，决算 ${money(r.income.final)}${parts.length ? `；其中 ${parts.join('；')}` : ''}`,
    );
  }
  if (r.expenditure) {
    const e = r.expenditure;
    out.push(
      `支出：预算 ${money(e.budget)}，调整预算 ${money(e.adjusted)}，决算 ${money(e.final)}（${e.parts.map((p) => `${p.name} ${money(p.amount)}`).join('，')}），年末结转和结余 ${money(e.carryOverEnd)}`,
    );
  }
  if (r.expenditureTable) {
    const t = r.expenditureTable;
    const title = v(t.title, '部门整体支出表');
    out.push(
      '',
      /单位/.test(title) ? title : `${title}（单位：${v(t.unit)}）`,
      '  项目 | 年初预算数 | 调整预算数 | 决算数',
    );
    for (const row of t.rows)
      out.push(
        `  ${row.code && !row.label.includes(row.code) ? `${row.code} ` : ''}${row.label} | ${v(row.budget)} | ${v(row.adjusted)} | ${v(row.final)}`,
      );
  }
  if (r.threePublic) {
    const tp = r.threePublic;
    const ch = tp.changes.map(
      (c) =>
        `较${c.against}${/^\d{4}$/.test(c.against) ? '年' : ''}${c.direction === 'increase' ? '增加' : c.direction === 'decrease' ? '减少' : '持平'}${money(c.amount)}`,
    );
    out.push(
      '',
      `三公经费：${money(tp.actual)}${ch.length ? `，${ch.join('，')}` : ''}${tp.budget ? `，预算 ${money(tp.budget)}` : ''}`,
    );
  }
  if (r.targets) {
    out.push('', `${v(r.targets.title, '绩效目标表')}（${r.targets.rows.length} 项）`);
    for (const t of r.targets.rows) out.push(`  ${v(t.no, '')} ${t.name.value}：${measure(t.target)}`);
  }
  if (r.conclusion) {
    const c = r.conclusion;
    out.push('', `自评结论：${v(c.statedTotal)} 分，等级 ${v(c.statedGrade)}；依据 ${v(c.noticeNo)}`);
  }
  if (r.indicators.length) {
    out.push('', '指标（分值 / 自评得分）：');
    tree(r.indicators, 1, out);
  }
  if (r.achievements) {
    out.push('', `${v(r.achievements.title, '绩效目标实现情况表')}（${r.achievements.rows.length} 项）`);
    for (const a of r.achievements.rows)
      out.push(
        `  ${v(a.no, '')} ${a.name.value}：目标 ${measure(a.target)}，完成 ${measure(a.actual)}，${v(a.status)}`,
      );
  }
  const p = r.problems;
  if (p.problems || p.causes || p.measures)
    out.push('', `存在问题：${v(p.problems)}`, `原因分析：${v(p.causes)}`, `改进措施：${v(p.measures)}`);
  if (r.otherNotes) out.push(`其他需要说明的情况：${r.otherNotes.value}`);
  return out;
};

/** The summary as lines of text, warnings last with where they point. */
export const formatSummary = (report: Report): string => {
  const out = report.kind === 'department' ? department(report) : projectSummaryLines(report);
  const w = report.meta.warnings;
  const head = `读取${SEVERITY_TERMS.warning}`;
  out.push('', w.length ? `${head}（${w.length} 条）：` : `${head}：无`);
  for (const f of w) {
    const loc = (f.locations ?? []).map(where).filter(Boolean).join('，');
    out.push(`  [${f.rule}] ${f.message}${loc ? `（${loc}）` : ''}`);
  }
  return `${out.join('\n')}\n`;
};
