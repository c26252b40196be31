/**
 * The target cycle before the report: the two 绩效目标申报表 (schemas), 目标审核 checks, review grades,
 * 运行监控 entries and lights, and carrying approved targets into the self-evaluation. Pure functions.
 */
export * from './binding.ts';
export * from './catalogue.ts';
export * from './check-table.ts';
export * from './labels.ts';
export * from './library.ts';
export * from './lights.ts';
export * from './monitoring.ts';
export * from './review.ts';
export * from './review-chain.ts';
export * from './table.ts';
export * from './transitions.ts';
export * from './value.ts';
export * from './vocab.ts';
