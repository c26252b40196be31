/** Headings of the narrative 项目支出绩效自评报告, on reports composed here (no sentence of a real report). */
import { describe, expect, it } from 'vitest';
import { PROJECT_REPORT_SECTION_TERMS } from '../../core/glossary.ts';
import type { ProjectReport } from '../../core/model/index.ts';
import { readTextReport } from '../read/read-text.ts';

const TITLE = '青禾县水利局2024年度农村供水保障项目支出绩效自评报告';
const OVERVIEW = '本项目由青禾县水利局主管，县供水管理站负责实施，全年改造入户管网42公里。';
const FUNDS = '项目年初预算860.00万元，全年预算900.00万元，全年实际支出873.30万元，预算执行率97.03%。';
const GOAL = '改造入户管网42公里，受益群众供水保证率不低于95%。';
const ACTUAL = '完成入户管网改造42公里，供水保证率达到96.2%。';
const PROBLEMS = '山区片区施工窗口期短，两处加压泵站调试推迟。';
const MEASURES = '提前安排山区片区工期，泵站调试纳入月度督办清单。';

const read = (...lines: string[]): ProjectReport => {
  const r = readTextReport([TITLE, ...lines].join('\n'), { encoding: null });
  if (!r.ok || r.value.kind !== 'project') throw new Error('not read as a project report');
  expect(r.value.layout).toBe('narrative');
  return r.value;
};

const FIELDS = {
  overview: (r: ProjectReport) => r.overview?.value,
  goal: (r: ProjectReport) => r.goal.expected?.value,
  actual: (r: ProjectReport) => r.goal.actual?.value,
  problems: (r: ProjectReport) => r.problems?.value,
  measures: (r: ProjectReport) => r.measures?.value,
} as const;

describe('narrative project report headings', () => {
  it('reads sections whose headings have no number', () => {
    const r = read(
      '项目概况',
      OVERVIEW,
      '项目资金情况：',
      FUNDS,
      '绩效目标',
      GOAL,
      '目标完成情况',
      ACTUAL,
      '存在的问题',
      PROBLEMS,
      '改进措施',
      MEASURES,
    );
    expect(r.overview?.value).toBe(OVERVIEW);
    expect(r.goal).toMatchObject({ expected: { value: GOAL }, actual: { value: ACTUAL } });
    expect(r.problems?.value).toBe(PROBLEMS);
    expect(r.measures?.value).toBe(MEASURES);
    expect(r.funds[0]?.final?.value).toBe('873.30');
    expect(r.project.name?.value).toBe('农村供水保障项目');
  });

  const named = Object.entries(FIELDS).flatMap(([key, field]) =>
    PROJECT_REPORT_SECTION_TERMS[key as keyof typeof FIELDS].map((name) => [key, name, field] as const),
  );
  it.each(named)('%s: the glossary name %s, without a number, heads its section', (_key, name, field) => {
    expect(field(read(name, GOAL))).toBe(GOAL);
  });

  const all = Object.values(PROJECT_REPORT_SECTION_TERMS)
    .flat()
    .filter((name) => !(PROJECT_REPORT_SECTION_TERMS.overview as readonly string[]).includes(name));
  it.each(all)('%s, without a number, ends the section before it', (name) => {
    expect(read('项目概况', OVERVIEW, name, FUNDS).overview?.value).toBe(OVERVIEW);
  });

  it('takes a short unstyled sentence for body text, not for a heading', () => {
    // Each of these is short, has no closing stop, and holds a section's words (目标, 问题, 措施, 资金).
    const sentences = ['项目目标基本实现', '存在问题已经整改', '整改措施落实到位', '资金情况总体良好'];
    const r = read(
      '一、项目概况',
      OVERVIEW,
      ...sentences,
      '二、存在的问题',
      PROBLEMS,
      '三、改进措施',
      MEASURES,
    );
    expect(r.overview?.value).toBe([OVERVIEW, ...sentences].join('\n'));
    expect(r.goal.expected).toBeNull();
    expect(r.problems?.value).toBe(PROBLEMS);
    expect(r.measures?.value).toBe(MEASURES);
  });

  it('keeps a sentence that begins with a section name as body text', () => {
    const r = read('项目概况', OVERVIEW, '绩效目标：改造入户管网42公里。', '存在的问题', PROBLEMS);
    expect(r.overview?.value).toBe([OVERVIEW, '绩效目标：改造入户管网42公里。'].join('\n'));
    expect(r.problems?.value).toBe(PROBLEMS);
  });
});

describe('a narrative project report without its funds', () => {
  it('is read, saying once what is missing', () => {
    const r = read('一、项目概况', OVERVIEW, '二、绩效目标', GOAL, '三、存在的问题', PROBLEMS);
    expect(r.meta.warnings.map((w) => [w.rule, w.message])).toEqual([
      ['read.incomplete', '报告不完整：未找到“项目资金（预算数、执行数）”'],
    ]);
    expect(r.problems?.value).toBe(PROBLEMS);
  });
});
