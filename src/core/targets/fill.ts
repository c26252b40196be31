/**
 * Filling a report's 绩效目标表 from the approved target table (DOMAIN-CYCLE §1.5 ①): the approved
 * indicators in their order, each with its approved 指标值; what the report already holds for an indicator
 * of the same name (actual, score, 偏差原因) is kept. Pure: the editor's button and tests call it.
 */
import { normName } from '../audit/measure.ts';
import type { AchievementRow, ProjectIndicator, Report, TargetRow } from '../model/index.ts';
import { measureOf } from './binding.ts';
import type { TargetTable } from './table.ts';

const EMPTY = { text: '', op: null, value: null, unit: null };

export const fillFromApproved = (doc: Report, approved: TargetTable): Report => {
  if (doc.kind === 'project') {
    const had = new Map(doc.indicators.map((i) => [normName(i.name.value), i]));
    const indicators = approved.indicators.map((ind): ProjectIndicator => {
      const old = had.get(normName(ind.name));
      return {
        level1: { value: ind.level1 },
        level2: { value: ind.level2 },
        name: { value: ind.name.trim() },
        target: measureOf(ind),
        actual: old?.actual ?? EMPTY,
        weight: ind.weight !== null ? { value: ind.weight } : (old?.weight ?? null),
        score: old?.score ?? null,
        deviation: old?.deviation ?? null,
      };
    });
    return { ...doc, indicators };
  }
  const rows = approved.indicators.map(
    (ind, i): TargetRow => ({
      no: { value: i + 1 },
      name: { value: ind.name.trim() },
      target: measureOf(ind),
    }),
  );
  const achieved = doc.achievements?.rows ?? [];
  const byName = new Map(achieved.map((r) => [normName(r.name.value), r]));
  const achievements =
    doc.achievements && achieved.length > 0
      ? {
          ...doc.achievements,
          rows: rows.map((t): AchievementRow => {
            const old = byName.get(normName(t.name.value));
            return {
              no: t.no,
              name: t.name,
              target: t.target,
              actual: old?.actual ?? EMPTY,
              status: old?.status ?? null,
            };
          }),
        }
      : doc.achievements;
  return {
    ...doc,
    targets: { title: doc.targets?.title ?? { value: '绩效目标表' }, rows },
    achievements,
  };
};
