/**
 * Issue 12, item 7: a partial document is read, not refused — one `read.incomplete` finding names what
 * is missing, and every rule whose inputs are present still runs (here: a count that differs from its
 * list, total weights over 100), in a 部门整体 report cut after its income and a project form without
 * its funds rows.
 */
import { describe, expect, it } from 'vitest';
import { auditReport } from '../core/audit/index.ts';
import { readReport } from '../formats/read-report.ts';

const auditText = async (text: string) => {
  const r = await readReport(new TextEncoder().encode(text));
  if (!r.ok) throw new Error(r.message);
  return auditReport(r.value).map((f) => f.rule);
};

describe('a partial document is audited on what it holds', () => {
  it('a 部门整体 report cut after its income: read.incomplete and the count rule', async () => {
    const rules = await auditText(
      [
        '青川湾市档案局2023年度部门整体支出绩效自评报告',
        '一、部门概况',
        '（一）主要职责',
        '负责全市档案的收集、保管和利用。',
        '（二）内设机构',
        '局机关内设机构3个：办公室、业务指导科、档案利用科、信息技术科。',
        '（三）人员编制',
        '全局编制26人，实有人员25人。',
        '二、部门整体收支情况',
        '2023年部门收入预算860.00万元，调整预算902.40万元，决算896.15万元。',
      ].join('\n'),
    );
    expect(rules.filter((r) => r === 'read.incomplete')).toHaveLength(1);
    expect(rules).toContain('counts.org-units');
  });

  it('a project form without its funds rows: read.incomplete and the weights rule', async () => {
    const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
    const rules = await auditText(
      [
        '项目支出绩效自评表（2023年度）',
        row(['项目名称', '城区路灯节能改造', '主管部门', '某县住房和城乡建设局']),
        row(['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分']),
        row(['绩效指标', '产出指标', '数量指标', '改造路灯数量', '≥800盏', '820盏', '60', '60']),
        row(['绩效指标', '效益指标', '经济效益指标', '年节约电费', '≥20万元', '21万元', '40', '40']),
        row(['绩效指标', '满意度指标', '服务对象满意度指标', '居民满意度', '≥90%', '93%', '10', '10']),
        row(['总分', '110', '110']),
      ].join('\n'),
    );
    expect(rules.filter((r) => r === 'read.incomplete')).toHaveLength(1);
    expect(rules).toContain('project.weights-total');
  });
});
