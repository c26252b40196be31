import { describe, expect, it } from 'vitest';
import { node } from '../../../test/support/reports/build.ts';
import { emptyReport, sampleReport } from '../../../test/support/reports/scoring-sample.ts';
import { chooseFramework } from './match.ts';
import { BUILTIN_FRAMEWORKS } from './registry.ts';

describe('chooseFramework', () => {
  it('uses the framework a report names', () => {
    const r = { ...sampleReport(), frameworkId: 'mof-2020-project' };
    const c = chooseFramework(r, BUILTIN_FRAMEWORKS)!;
    expect(c.framework.id).toBe('mof-2020-project');
    expect(c.how).toBe('named');
  });
  it('matches by kind and headings otherwise, and says so', () => {
    const c = chooseFramework(sampleReport(), BUILTIN_FRAMEWORKS)!;
    expect(c.framework.id).toBe('guangdong-yangxi-2024-department');
    expect(c.how).toBe('matched');
    expect(c.overlap).toBe(1);
    expect(c.reason).toContain('100%');
  });
  it('says when a named framework does not exist', () => {
    const c = chooseFramework({ ...sampleReport(), frameworkId: 'nowhere-2030' }, BUILTIN_FRAMEWORKS)!;
    expect(c.reason).toContain('nowhere-2030 不存在');
  });
  it('prefers heading overlap over kind-less guesses', () => {
    const r = {
      ...emptyReport(),
      indicators: [node(1, '产出指标', '50', '45'), node(1, '效益指标', '30', '30')],
    };
    // Both project frameworks have the wrong kind for a department report; the headings decide.
    expect(
      chooseFramework(
        r,
        BUILTIN_FRAMEWORKS.filter((f) => f.kind === 'project'),
      )!.framework.id,
    ).toBe('mof-2020-project');
  });
  it('returns undefined for an empty list', () => {
    expect(chooseFramework(sampleReport(), [])).toBeUndefined();
  });
});
