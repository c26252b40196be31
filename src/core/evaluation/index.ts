/** `evaluate(report, candidates)`: the one evaluation every surface shows (see evaluate.ts). */
export * from './choose.ts';
export * from './evaluate.ts';
export * from './own-tree.ts';
