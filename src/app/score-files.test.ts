import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeSeed, seedPath } from '../../test/seed.ts';
import { loadFramework, scoreFiles } from './score-files.ts';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../test/fixtures/score/${name}`, import.meta.url));

describe('loadFramework', () => {
  it('loads a built-in framework by id and a framework file by path', async () => {
    expect(await loadFramework('mof-2020-project')).toMatchObject({
      ok: true,
      value: { id: 'mof-2020-project' },
    });
    const file = fileURLToPath(new URL('../../frameworks/sichuan-2023-project.json', import.meta.url));
    expect(await loadFramework(file)).toMatchObject({ ok: true, value: { id: 'sichuan-2023-project' } });
  });
  it('rejects a broken framework file with every problem', async () => {
    const r = await loadFramework(fixture('broken-framework.json'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain('有 2 处错误');
      expect(r.message).toContain('下级指标权重合计 9 分，不等于其权重 8 分');
      expect(r.message).toContain('purchaseRate');
    }
  });
  it('says when an id or a file does not exist', async () => {
    expect(await loadFramework('nowhere')).toMatchObject({
      ok: false,
      message: expect.stringContaining('没有框架 nowhere'),
    });
    expect(await loadFramework('/no/such.json')).toMatchObject({
      ok: false,
      message: expect.stringContaining('找不到框架文件'),
    });
  });
});

describe('scoreFiles', () => {
  it('scores files in input order and keeps going past a file it cannot read', async () => {
    const out = await scoreFiles([
      fixture('liang-report.json'),
      '/no/such/report.txt',
      fixture('sample-report.json'),
    ]);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.value.map((r) => [r.ok ? r.evaluation.total : null, r.ok])).toEqual([
      ['88.2', true],
      [null, false],
      ['98.2', true],
    ]);
    const first = out.value[0];
    expect(
      first?.ok && [first.evaluation.grade, first.evaluation.statedTotal, first.evaluation.statedGrade],
    ).toEqual(['良', '88.2', '良']);
    expect(first?.ok && first.nextGrade).toMatchObject({ grade: '优', needed: '1.8' });
  });
  it('re-scores with --set and rejects a setting it does not know', async () => {
    const out = await scoreFiles([fixture('sample-report.json')], { set: ['政府采购执行率=100%'] });
    expect(out.ok && out.value[0]?.ok && out.value[0].whatIf?.scored.total).toBe('99.6');
    expect(await scoreFiles([fixture('sample-report.json')], { set: ['采购额=5'] })).toMatchObject({
      ok: false,
    });
  });
});

describeSeed('the seed report', () => {
  it('recomputes to 98.2 / 优 from its own leaves and inputs', async () => {
    const out = await scoreFiles([seedPath()]);
    expect(out.ok).toBe(true);
    if (!out.ok || !out.value[0]?.ok) throw new Error('seed not scored');
    const r = out.value[0];
    expect(r.evaluation.choice?.framework.id).toBe('guangdong-yangxi-2024-department');
    expect(r.evaluation.total).toBe('98.2');
    expect(r.evaluation.grade).toBe('优');
    expect(r.evaluation.scored?.unmatched).toEqual([]);
    // The stated 资金管理 17.6 and 效率性 10 contradict their items; the recomputed parents do not.
    const money = r.evaluation.indicators[1]!.children[1]!;
    expect([money.stated, money.computed]).toEqual(['17.6', '18.6']);
  });
});
