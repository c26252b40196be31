/**
 * 项目资金 rows of a 项目支出绩效自评表: each 执行率 against 全年执行数 / 全年预算数, the 其中 rows against the
 * total, the 预算执行率 score against 分值 × 执行率, and (四川) the reason owed below 90%.
 */
import { dec, decimalPlaces, decString, roundHalfUp } from '../decimal.ts';
import { type Finding, finding } from '../findings.ts';
import { computedRate, totalFundRow } from '../framework/project-view.ts';
import type { Amount, FundRow, ProjectReport } from '../model/index.ts';
import { agree, at, sumFinding, terms } from './support.ts';

const COLUMNS = [
  ['budget', '年初预算数'],
  ['adjusted', '全年预算数'],
  ['final', '全年执行数'],
] as const;

/** 执行率 as stated vs as computed, to the places it is written with. */
const rateRule = (row: FundRow, sichuan: boolean): Finding[] => {
  const rate = computedRate(row);
  if (!row.rate || rate === undefined) return [];
  const base = row.adjusted ? '全年预算数' : '年初预算数';
  const places = decimalPlaces(row.rate.value);
  const exact = dec(row.final?.value ?? 0)
    .div((row.adjusted ?? row.budget)?.value ?? 1)
    .times(100);
  if (roundHalfUp(exact, places).eq(row.rate.value) || rate.eq(row.rate.value)) return [];
  return [
    finding('project.rate-mismatch', {
      message: `「${row.label}」执行率填写 ${decString(row.rate.value)}%，按${sichuan ? '预算执行数/调整后预算数' : `全年执行数/${base}`}（${decString(row.final?.value ?? '0')}/${decString((row.adjusted ?? row.budget)?.value ?? '0')}）应为 ${decString(rate)}%`,
      expected: decString(rate),
      actual: row.rate.value,
      locations: at(row.rate.src, row.final?.src, (row.adjusted ?? row.budget)?.src),
    }),
  ];
};

/** 年度资金总额 = Σ 其中 rows, column by column (empty cells count as 0 when the row is there). */
const sumRules = (r: ProjectReport): Finding[] => {
  const total = r.funds.find((f) => f.key === 'total');
  const parts = r.funds.filter((f) => f.key !== 'total' && f.key !== 'unknown');
  if (!total || parts.length === 0) return [];
  const out: Finding[] = [];
  for (const [col, name] of COLUMNS) {
    const stated: Amount | null = total[col];
    const filled = parts.filter((p) => p[col] !== null);
    if (!stated || filled.length === 0) continue;
    const values = filled.map((p) => ({ name: p.label, value: p[col]?.value ?? '0' }));
    const agreement = agree(
      stated.value,
      values.map((v) => v.value),
      2,
    );
    if (agreement === 'equal') continue;
    const expected = values.reduce((s, v) => s.plus(v.value), dec(0));
    out.push(
      sumFinding(
        'project.fund-sum',
        agreement,
        `「${total.label}」${name} ${decString(stated.value)} 不等于其中各项之和 ${terms(values)} = ${decString(expected)}`,
        expected,
        stated.value,
        at(stated.src, ...filled.map((p) => p[col]?.src)),
      ),
    );
  }
  return out;
};

/** 得分 of 预算执行率 = 分值 × 执行率, capped at 分值. */
const scoreRule = (r: ProjectReport): Finding[] => {
  const row = totalFundRow(r);
  if (!row?.score || !row.weight) return [];
  const rate = computedRate(row) ?? (row.rate ? dec(row.rate.value) : undefined);
  if (rate === undefined) return [];
  const W = dec(row.weight.value);
  const raw = W.times(rate).div(100);
  const expected = roundHalfUp(raw.gt(W) ? W : raw);
  if (expected.eq(row.score.value)) return [];
  return [
    finding('project.rate-score', {
      message: `预算执行率得分填写 ${decString(row.score.value)} 分，按 ${decString(W)} × ${decString(rate)}%${raw.gt(W) ? '（封顶）' : ''}应为 ${decString(expected)} 分`,
      expected: decString(expected),
      actual: row.score.value,
      locations: at(row.score.src, row.rate?.src),
    }),
  ];
};

/** 四川: 预算执行率未达到 90% 的需说明原因. */
const reasonRule = (r: ProjectReport): Finding[] => {
  const row = totalFundRow(r);
  if (r.layout !== 'sichuan' || !row || row.reason) return [];
  const rate = computedRate(row) ?? (row.rate ? dec(row.rate.value) : undefined);
  if (rate === undefined || rate.gte(90)) return [];
  return [
    finding('project.rate-reason-missing', {
      message: `预算执行率 ${decString(rate)}% 未达到 90%，应在「原因」栏说明原因`,
      locations: at(row.rate?.src, row.src),
    }),
  ];
};

export const projectFundRules = (r: ProjectReport): Finding[] => [
  ...r.funds.flatMap((row) => rateRule(row, r.layout === 'sichuan')),
  ...sumRules(r),
  ...scoreRule(r),
  ...reasonRule(r),
];
