/**
 * The indicators a bureau reviewer may give a 审核得分: every leaf of the scored tree. With a framework
 * the leaves are its rules' leaves; when no framework fits (`basis: 'stated'`) the tree is the report's
 * own, whose leaves carry no rule but still have a stated score the bureau may correct (the server's
 * rescore takes any path of the tree, and the reviewed total adds leaves up either way).
 */
export type RescoreNode = {
  path: string;
  weight: string;
  computed: string | null;
  /** The children (typed loosely by the API's JSON types, as the tree nests). */
  children: unknown;
};

const childrenOf = (n: RescoreNode): readonly RescoreNode[] =>
  Array.isArray(n.children) ? (n.children as RescoreNode[]) : [];

export type RescoreOption = { value: string; label: string };

export const rescoreOptions = (
  nodes: readonly RescoreNode[],
  fmt: (v: string | null) => string,
  out: RescoreOption[] = [],
): RescoreOption[] => {
  for (const n of nodes) {
    const children = childrenOf(n);
    if (children.length === 0)
      out.push({ value: n.path, label: `${n.path}（${fmt(n.computed)}/${n.weight}）` });
    else rescoreOptions(children, fmt, out);
  }
  return out;
};

/** Why the panel offers what it does, in a sentence; null when a framework scored the report. */
export const rescoreNote = (basis: 'framework' | 'stated', options: number): string | null => {
  if (options === 0)
    return '报告中没有读到各项指标的得分，无法按指标调整审核得分；可退回请单位补充指标得分。';
  return basis === 'stated'
    ? '未找到适用的指标体系，没有重新计分：审核得分在报告所填的末级指标得分上调整。'
    : null;
};
