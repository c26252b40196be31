/** The text summary `jixiao import --targets --format text` prints: the table in a few lines, then its checks. */
import { SEVERITY_TERMS } from '../../core/glossary.ts';
import type { TargetFinding } from '../../core/targets/catalogue.ts';
import type { TargetTable } from '../../core/targets/table.ts';
import { targetTitle } from './target-grid.ts';

export const targetSummary = (t: TargetTable, findings: readonly TargetFinding[]): string => {
  const who = t.kind === 'project' ? `${t.projectName}（${t.department}）` : t.unitName;
  const lines = [
    targetTitle(t),
    who,
    ...t.goals.map((g, i) => `目标${i + 1}：${g}`),
    `绩效指标 ${t.indicators.length} 项：`,
    ...t.indicators.map(
      (i) =>
        `  ${i.level1} / ${i.level2} / ${i.name}：${i.nature === '定性' || i.nature === null ? '' : i.nature}${i.value}${i.unit}`,
    ),
    findings.length === 0 ? '目标审核：各项检查均已通过' : `目标审核：${findings.length} 个问题`,
    ...findings.map((f) => `  [${SEVERITY_TERMS[f.severity]}] ${f.message}`),
  ];
  return `${lines.join('\n')}\n`;
};
