import { describe, expect, it } from 'vitest';
import { cleanReport } from '../../../test/support/reports/clean-report.ts';
import { narrativeRules } from './narrative.ts';

const withWork = (body: string) => {
  const r = cleanReport();
  r.work.sections = [{ no: 1, title: '工作', body }];
  return narrativeRules(r).map((f) => f.actual);
};

describe('narrative against targets', () => {
  it('finds the same indicator with another value', () => {
    expect(withWork('2023年文旅招商签约项目12个，总投资8.56亿元。')).toEqual(['8.56亿元']);
    expect(withWork('全年组织群众文体培训3240人次。')).toEqual(['3240人次']);
  });

  it('accepts the target value as well as the achieved one', () => {
    expect(withWork('上级下达农家书屋提质改造任务60个，全年完成提质改造64个。')).toEqual([]);
  });

  it('does not read an increment as a level (新增1家 is not 景区数量)', () => {
    expect(withWork('2023年新增1家国家A级旅游景区。')).toEqual([]);
    expect(withWork('2023年新增A级旅游景区数量5家。')).toEqual([]);
  });

  it('does not match another aggregate that shares words (总产值 is not 增加值)', () => {
    expect(withWork('全县文化产业总产值41.3亿元，同比增长7.2%。')).toEqual([]);
  });

  it('leaves a far-off figure alone: it is about something else', () => {
    expect(withWork('累计签约文旅招商项目46个。')).toEqual([]);
  });

  it('matches a growth rate only to a growth indicator', () => {
    expect(withWork('文化产业增加值18.6亿元，同比增长9.8%。')).toEqual(['9.8%']);
    expect(withWork('文化产业增加值18.6亿元，同比增长9.5%。')).toEqual([]);
  });
});
