import { describe, expect, it } from 'vitest';
import type { ShapeLine } from '../../document/shape-paragraphs.ts';
import { formLines } from './form-lines.ts';

/** A text's lines as the text reader hands a run over: blank lines null. */
const runOf = (text: string): (ShapeLine | null)[] =>
  text.split('\n').map((t, i) => (t.trim() ? { no: i + 1, text: t } : null));
const rowsOf = (text: string) => formLines(runOf(text))?.rows.map((r) => r.map((c) => c.text)) ?? null;
/** Rows as one cell per line: an empty cell an empty line, a blank line after each row. */
const lines = (rows: string[][]) => rows.map((r) => r.join('\n')).join('\n\n');

describe('formLines: a project form written one cell per line', () => {
  it('tells empty cells from row breaks by the row labels and the header widths', () => {
    const form = [
      ['项目名称', '示例道路养护', '', ''],
      ['主管部门', '某县交通局', '实施单位', '某县公路站'],
      ['项目资金（万元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      ['', '年度资金总额', '100', '120', '110', '10', '91.67%', '9.17'],
      ['', '其他资金', '', '20', '20', '—', '100%', '—'],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '原因'],
      ['', '产出指标', '数量指标', '养护里程', '≥50公里', '52公里', '50', '50', ''],
      ['', '', '成本指标', '每公里成本', '≤2万元', '1.9万元', '20', '20', ''],
      ['', '效益指标', '社会效益指标', '通行条件改善', '明显', '明显', '20', '18', '雨季塌方一处'],
      ['总分', '100', '97.17'],
    ];
    expect(rowsOf(`示例项目支出绩效自评表\n\n${lines(form)}`)).toEqual(form);
  });

  it('starts at the first row label and leaves the lines above it', () => {
    const run = runOf(
      '自评表\n（2023年度）\n\n项目名称\n甲\n\n主管部门\n乙\n\n绩效指标\n三级指标\n分值\n\n总分\n90',
    );
    expect(formLines(run)?.start).toBe(3);
  });

  it('reads no form where there are fewer than three row labels or no header row', () => {
    expect(rowsOf('说明\n\n项目名称\n甲\n\n主管部门\n乙')).toBeNull();
    expect(rowsOf('说明\n\n项目名称\n甲\n\n主管部门\n乙\n\n总分\n90')).toBeNull();
  });
});
