import { describe, expect, it } from 'vitest';
import { BUILTIN_FRAMEWORKS, builtinFramework } from './registry.ts';
import { type Framework, frameworkJsonSchema } from './schema.ts';
import { validateFramework } from './validate.ts';

const base = (): Framework => structuredClone(builtinFramework('guangdong-yangxi-2024-department')!);
const messages = (data: unknown): string[] => {
  const r = validateFramework(data);
  return r.ok ? [] : r.problems.map((p) => p.message);
};

describe('validateFramework', () => {
  it('accepts every built-in framework', () => {
    expect(BUILTIN_FRAMEWORKS.map((f) => f.id)).toEqual([
      'guangdong-yangxi-2024-department',
      'mof-2020-project',
      'sichuan-2023-project',
      'mof-2013-department',
      'hunan-2020-department',
      'sichuan-2017-department',
      'sichuan-2017-project',
      'ningxia-2021-project',
    ]);
    for (const f of BUILTIN_FRAMEWORKS) expect(messages(f)).toEqual([]);
  });

  it('rejects children whose weights do not add up to the parent, and a wrong total', () => {
    const f = base();
    f.indicators[0]!.children![0]!.children![0]!.weight = '5';
    expect(messages(f)).toEqual(['「预算编制 / 预算编制」下级指标权重合计 9 分，不等于其权重 8 分']);
    const g = base();
    g.total = '90';
    expect(messages(g)).toEqual(['一级指标权重合计 100 分，不等于框架总分 90 分']);
  });

  it('rejects unknown input keys and names the known ones', () => {
    const f = base();
    f.indicators[1]!.children![1]!.children![3]!.rule = { kind: 'rate', input: 'purchaseRate' };
    const m = messages(f);
    expect(m).toHaveLength(1);
    expect(m[0]).toContain('未知的数据项「purchaseRate」');
    expect(m[0]).toContain('procurementRate');
  });

  it('rejects thresholds that cannot be right', () => {
    const f = base();
    f.indicators[1]!.children![1]!.children![2]!.rule = {
      kind: 'threshold-steps',
      input: 'carryOverRate',
      steps: [
        { op: '≤', value: '10', ratio: '0.5' },
        { op: '≤', value: '5', ratio: '1.5' },
      ],
    };
    const m = messages(f);
    expect(m.some((x) => x.includes('得分比例 1.5 应在 0 到 1 之间'))).toBe(true);
    expect(m.some((x) => x.includes('永远不会用到'))).toBe(true);
  });

  it('rejects a node with neither rule nor children, and grade bands out of order', () => {
    const f = base();
    delete f.indicators[2]!.children![2]!.rule;
    f.grades = [
      { grade: '良', min: '80' },
      { grade: '优', min: '90' },
      { grade: '差', min: '10' },
    ];
    const m = messages(f);
    expect(m).toContain('「资金使用效益 / 效果性」没有下级指标，也没有计分规则');
    expect(m.some((x) => x.includes('从高到低'))).toBe(true);
    expect(m.some((x) => x.includes('最低等级「差」的下限应为 0 分'))).toBe(true);
  });

  it('says where the shape is wrong', () => {
    const m = messages({ ...base(), total: 100, kind: 'county' });
    expect(m.some((x) => x.startsWith('框架文件格式不符：total'))).toBe(true);
    expect(m.some((x) => x.startsWith('框架文件格式不符：kind'))).toBe(true);
  });
});

describe('frameworks/schema/framework.schema.json', () => {
  it('is the JSON Schema of the zod schema (regenerate: bin/jixiao frameworks schema > frameworks/schema/framework.schema.json)', async () => {
    const { default: file } = await import('../../../frameworks/schema/framework.schema.json', {
      with: { type: 'json' },
    });
    expect(file).toEqual(frameworkJsonSchema());
  });
});
