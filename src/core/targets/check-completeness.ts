/** 完整性: no empty required cell, no placeholder, the 一级 the label set requires are present. */
import { type TargetFinding, targetFinding } from './catalogue.ts';
import { type LabelSet, level1Entry, level1Of, normLabel } from './labels.ts';
import type { TargetIndicator, TargetTable } from './table.ts';
import { isPlaceholder } from './value.ts';

const blank = (s: string | null | undefined): boolean => !s || s.trim() === '';

/** The header fields of each kind that must be filled, with their Chinese names. */
const headerFields = (t: TargetTable): [string, string][] =>
  t.kind === 'department'
    ? [
        ['unitName', '部门（单位）名称'],
        ['duties', '部门职能概述'],
      ]
    : [
        ['projectName', '项目名称'],
        ['department', '主管部门'],
        ['implementer', '实施单位'],
        ['basis', '立项依据'],
      ];

const fieldValue = (t: TargetTable, field: string): string => {
  const v = (t as Record<string, unknown>)[field];
  if (Array.isArray(v)) return v.filter((x) => typeof x === 'string' && x.trim() !== '').join('');
  return typeof v === 'string' ? v : '';
};

export const rowName = (ind: TargetIndicator, i: number): string =>
  ind.name.trim() !== '' ? `“${ind.name.trim()}”` : `第${i + 1}行指标`;

const indicatorCells = (set: LabelSet, ind: TargetIndicator): [keyof TargetIndicator, string][] => {
  const cells: [keyof TargetIndicator, string][] = [
    ['level1', '一级指标'],
    ['level2', '二级指标'],
    ['name', '三级指标'],
    ['value', '指标值'],
  ];
  if (ind.nature !== '定性') cells.push(['unit', '计量单位']);
  if (set.requireExplanation) cells.push(['explanation', '指标解释']);
  if (set.requireStandard) cells.push(['standard', '评(扣)分标准']);
  return cells;
};

export const completenessChecks = (t: TargetTable, set: LabelSet): TargetFinding[] => {
  const out: TargetFinding[] = [];
  for (const [field, label] of headerFields(t)) {
    if (blank(fieldValue(t, field)))
      out.push(targetFinding('target.required-empty', `${label}未填写`, { field }));
  }
  if (t.goals.every(blank)) {
    const label = t.kind === 'department' ? '年度总体目标' : '年度目标';
    out.push(targetFinding('target.required-empty', `${label}未填写`, { field: 'goals' }));
  }
  if (t.indicators.length === 0) {
    out.push(targetFinding('target.required-empty', '未设置绩效指标', { field: 'indicators' }));
  }
  t.indicators.forEach((ind, i) => {
    const name = rowName(ind, i);
    for (const [field, label] of indicatorCells(set, ind)) {
      const v = String(ind[field] ?? '');
      if (blank(v)) {
        out.push(
          targetFinding('target.required-empty', `${name}的${label}未填写`, { indicatorId: ind.id, field }),
        );
      } else if ((field === 'value' || field === 'name' || field === 'unit') && isPlaceholder(v)) {
        out.push(
          targetFinding('target.placeholder', `${name}的${label}填的是占位内容“${v.trim()}”`, {
            indicatorId: ind.id,
            field,
            actual: v.trim(),
          }),
        );
      }
    }
    // A 三级 that only repeats its 二级/一级 label ("数量指标") is boilerplate, not an indicator.
    const n = normLabel(ind.name);
    if (n !== '' && (n === normLabel(ind.level2) || n === normLabel(ind.level1))) {
      out.push(
        targetFinding(
          'target.placeholder',
          `三级指标“${ind.name.trim()}”只照抄了上级指标名称，未写明具体指标`,
          {
            indicatorId: ind.id,
            field: 'name',
            actual: ind.name.trim(),
          },
        ),
      );
    }
  });
  const present = new Set(t.indicators.map((ind) => level1Of(set, ind.level1)));
  for (const key of set.required) {
    if (present.has(key) || t.indicators.length === 0) continue;
    const label = set.level1.find((l) => l.key === key)?.label ?? key;
    out.push(
      targetFinding('target.level-missing', `未设置${label}`, { field: 'indicators', expected: label }),
    );
  }
  t.indicators.forEach((ind, i) => {
    if (blank(ind.level1)) return;
    const l1 = level1Entry(set, ind.level1);
    if (!l1) {
      out.push(
        targetFinding(
          'target.level-unknown',
          `${rowName(ind, i)}的一级指标“${ind.level1.trim()}”不属于“${set.name}”`,
          {
            indicatorId: ind.id,
            field: 'level1',
          },
        ),
      );
    } else if (!blank(ind.level2) && !l1.level2.some((l2) => normLabel(l2) === normLabel(ind.level2))) {
      out.push(
        targetFinding(
          'target.level-unknown',
          `${rowName(ind, i)}的二级指标“${ind.level2.trim()}”不属于一级指标“${l1.label}”（可选：${l1.level2.join('、')}）`,
          { indicatorId: ind.id, field: 'level2' },
        ),
      );
    }
  });
  return out;
};
