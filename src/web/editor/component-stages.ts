/**
 * Which figures of an income component (财政拨款收入, 其他收入, 年初结转和结余) the editor shows: the
 * 决算 always, and the 年初预算 or 调整预算 when the report gives one. A report that states a component
 * once (“其他收入23.50万元”) may be read as its budget; showing only the 决算 field hid that figure.
 */
export const INCOME_STAGES = ['budget', 'adjusted', 'final'] as const;
export type IncomeStage = (typeof INCOME_STAGES)[number];

export const componentStages = (c: Record<IncomeStage, unknown>): IncomeStage[] =>
  INCOME_STAGES.filter((k) => k === 'final' || (c[k] !== null && c[k] !== undefined));
