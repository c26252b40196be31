/**
 * A framework's word on which way its indicators are met (`better`), as the reading of direction.ts
 * takes it: by an indicator's name or alias, compared as headings are (names.ts).
 */
import type { DefinedDirection } from '../direction.ts';
import { normalizeName } from './names.ts';
import type { Framework, FrameworkNode } from './schema.ts';

/** The per-name direction a framework defines (null for a name it says nothing of); none without a framework. */
export const definedDirections = (framework: Framework | null | undefined): DefinedDirection | undefined => {
  if (!framework) return undefined;
  const map = new Map<string, 'less' | 'more'>();
  const walk = (nodes: readonly FrameworkNode[]): void => {
    for (const n of nodes) {
      if (n.better) for (const name of [n.name, ...(n.aliases ?? [])]) map.set(normalizeName(name), n.better);
      walk(n.children ?? []);
    }
  };
  walk(framework.indicators);
  return (name) => map.get(normalizeName(name)) ?? null;
};
