import { describe, expect, it } from 'vitest';
import sample from '../../../test/fixtures/score/sample-report.json' with { type: 'json' };
import { BUILTIN_FRAMEWORKS } from '../../core/framework/registry.ts';
import { setAt } from '../lib/paths.ts';
import { checkReport } from './live-check.ts';

const rules = (c: ReturnType<typeof checkReport>) => c.findings.map((f) => [f.rule, f.severity]);

describe('live check (what the editor shows beside the form)', () => {
  it('scores and audits a valid document with the core functions: the figures of `jixiao score`', () => {
    const c = checkReport(sample, BUILTIN_FRAMEWORKS);
    expect(c.evaluation?.basis).toBe('framework');
    expect(c.scored).toMatchObject({
      framework: { id: 'guangdong-yangxi-2024-department' },
      total: '98.2',
      grade: '优',
      statedTotal: '98.2',
    });
    expect(c.frameworkReason).toBe(
      '按类型、年度和指标名称匹配（100% 的指标名称相符）选用 guangdong-yangxi-2024-department',
    );
    // 资金管理 17.6 and 效率性 10 are not the sums of their leaves, 效果性 has full marks with two targets
    // missed, and 部门预算资金支出完成率 states no rate, so its own score stands.
    expect(rules(c)).toEqual([
      ['score.subtotal', 'error'],
      ['score.subtotal', 'error'],
      ['target.full-marks-missed', 'warning'],
      ['score.input-missing', 'info'],
    ]);
    // The JSON carries no sources, so no finding can point at a field.
    expect(c.findings.map((f) => f.fields)).toEqual([[], [], [], []]);
  });

  it('a finding points at the field whose source it names', () => {
    const withSource = setAt(sample, ['indicators', 1, 'children', 1, 'statedScore'], {
      value: '17.6',
      src: { line: 40, raw: '自评得分17.6分' },
    });
    const c = checkReport(withSource, BUILTIN_FRAMEWORKS);
    expect(c.findings.map((f) => [f.rule, f.fields])).toEqual([
      ['score.subtotal', [['indicators', 1, 'children', 1, 'statedScore']]],
      ['score.subtotal', []],
      ['target.full-marks-missed', []],
      ['score.input-missing', []],
    ]);
  });

  it('a value that is not a number is a finding pointing at its field, and scoring waits', () => {
    const bad = setAt(sample, ['conclusion', 'statedTotal'], { value: '9o' });
    const c = checkReport(bad, BUILTIN_FRAMEWORKS);
    expect(c.evaluation).toBeNull();
    expect(c.scored).toBeNull();
    expect(c.frameworkReason).toBeNull();
    expect(c.findings).toEqual([
      {
        rule: 'editor.invalid',
        severity: 'error',
        message: expect.stringMatching(
          /^填写内容不符合格式：conclusion\.statedTotal\.value — 应为十进制数字字符串/,
        ),
        fields: [['conclusion', 'statedTotal', 'value']],
      },
    ]);
  });
});
