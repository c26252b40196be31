import { describe, expect, it } from 'vitest';
import { cleanReport } from '../../../test/fixtures/audit/report-builder.ts';
import { narrativeRules } from './narrative.ts';

const withWork = (body: string) => {
  const r = cleanReport();
  r.work.sections = [{ no: 1, title: '工作', body }];
  return narrativeRules(r).map((f) => f.actual);
};

describe('narrative against targets', () => {
  it('finds the same indicator with another value', () => {
    expect(withWork('2023年招商引资签约项目57个，总投资526.08亿元。')).toEqual(['526.08亿元']);
    expect(withWork('全年居家服务培训249人次。')).toEqual(['249人次']);
  });

  it('accepts the target value as well as the achieved one', () => {
    expect(withWork('上级下达5G基站建设任务179座，全年建成5G基站193座。')).toEqual([]);
  });

  it('does not read an increment as a level (新增6家 is not 企业数量)', () => {
    expect(withWork('2023年新增6家国家高新技术企业。')).toEqual([]);
    expect(withWork('2023年新增高新技术企业数量6家。')).toEqual([]);
  });

  it('does not match another aggregate that shares words (总产值 is not 增加值)', () => {
    expect(withWork('绿色食品产业规上工业总产值47.7亿元，同比增长9.7%。')).toEqual([]);
  });

  it('leaves a far-off figure alone: it is about something else', () => {
    expect(withWork('累计引进招商引资项目139个。')).toEqual([]);
  });

  it('matches a growth rate only to a growth indicator', () => {
    expect(withWork('规上工业增加值89.01亿元，同比增长13.5%。')).toEqual(['13.5%']);
    expect(withWork('规上工业增加值89.01亿元，同比增长13.2%。')).toEqual([]);
  });
});
