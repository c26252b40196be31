/**
 * The target table against the achievement table (same target: name, value, unit), each status
 * against target, actual and comparator, and full marks for 效果性 while targets were missed.
 */
import { dec, decString } from '../decimal.ts';
import { type DefinedDirection, readDirection } from '../direction.ts';
import { type Finding, finding } from '../findings.ts';
import type { AchievementRow, DepartmentReport, IndicatorNode, TargetRow } from '../model/index.ts';
import { comparableUnits, computedMet, normName, scaled, statedMet } from './measure.ts';
import { AuditCache, at } from './support.ts';

/** Pairs of rows of the two tables: by name first, then by number for the rest. */
export const pairTargets = (
  targets: readonly TargetRow[],
  achievements: readonly AchievementRow[],
): { pairs: [TargetRow, AchievementRow][]; onlyTarget: TargetRow[]; onlyAchievement: AchievementRow[] } => {
  const pairs: [TargetRow, AchievementRow][] = [];
  const freeA = new Set(achievements);
  const onlyTarget: TargetRow[] = [];
  const pending: TargetRow[] = [];
  // Each name normalized once (not once per pair of rows); the free rows are searched in table order.
  const keyOfA = new Map(achievements.map((a) => [a, normName(a.name.value)]));
  const firstFree = (test: (a: AchievementRow) => boolean): AchievementRow | undefined => {
    for (const a of freeA) if (test(a)) return a;
    return undefined;
  };
  for (const t of targets) {
    const key = normName(t.name.value);
    const a = firstFree((x) => keyOfA.get(x) === key);
    if (a) {
      pairs.push([t, a]);
      freeA.delete(a);
    } else pending.push(t);
  }
  for (const t of pending) {
    const no = t.no?.value;
    const a = t.no ? firstFree((x) => x.no?.value === no) : undefined;
    if (a) {
      pairs.push([t, a]);
      freeA.delete(a);
    } else onlyTarget.push(t);
  }
  return { pairs, onlyTarget, onlyAchievement: [...freeA] };
};

/**
 * Whether a row was met: by target and actual under the reading of its direction (direction.ts), else by
 * its status. Where the direction is only assumed (no comparator, no definition, no telling name), a
 * stated status is taken as it stands: the figures cannot contradict it.
 */
export const rowMet = (r: AchievementRow, defined?: DefinedDirection): boolean | null => {
  const reading = readDirection(r.name.value, r.target, defined);
  const computed = computedMet(r.target, r.actual, reading.op);
  const stated = statedMet(r.status?.value);
  if (computed === null || (reading.by === 'assumed' && stated !== null)) return stated;
  return computed;
};

/**
 * Whether each row of the report's achievement table was met (rowMet); `defined`: the framework's
 * directions, the same for a whole audit.
 */
export const metByRow = (
  report: DepartmentReport,
  defined: DefinedDirection | undefined,
  cache: AuditCache,
): Map<AchievementRow, boolean | null> =>
  cache.once(
    'met-by-row',
    () => new Map((report.achievements?.rows ?? []).map((r) => [r, rowMet(r, defined)])),
  );

const label = (name: string, no: number | undefined): string =>
  no !== undefined ? `第${no}项“${name}”` : `“${name}”`;

const findNode = (nodes: readonly IndicatorNode[], re: RegExp): IndicatorNode | null => {
  for (const n of nodes) {
    if (re.test(n.name)) return n;
    const c = findNode(n.children, re);
    if (c) return c;
  }
  return null;
};

/** `defined`: the directions the chosen framework gives its indicators (framework/directions.ts). */
export const targetRules = (
  report: DepartmentReport,
  defined?: DefinedDirection,
  cache = new AuditCache(),
): Finding[] => {
  const out: Finding[] = [];
  const targets = report.targets?.rows ?? [];
  const achievements = report.achievements?.rows ?? [];

  if (targets.length > 0 && achievements.length > 0) {
    const { pairs, onlyTarget, onlyAchievement } = pairTargets(targets, achievements);
    for (const [t, a] of pairs) {
      const name = label(t.name.value, t.no?.value);
      const tn = normName(t.name.value);
      const an = normName(a.name.value);
      if (tn !== an) {
        if (!tn.includes(an) && !an.includes(tn)) {
          out.push(
            finding('target.name-mismatch', {
              message: `绩效目标表第${t.no?.value}项为“${t.name.value}”，目标实现情况表同一序号为“${a.name.value}”`,
              expected: t.name.value,
              actual: a.name.value,
              locations: at(t.name.src, a.name.src),
            }),
          );
        }
      }
      const tv = t.target;
      const av = a.target;
      if (tv.value !== null && av.value !== null) {
        const unitsOk = comparableUnits(tv.unit, av.unit);
        const same = unitsOk && scaled(tv.value, tv.unit).eq(scaled(av.value, av.unit));
        if (!same && (unitsOk || tv.unit === av.unit)) {
          out.push(
            finding('target.value-mismatch', {
              message: `${name}的目标值：绩效目标表为“${tv.text}”，目标实现情况表为“${av.text}”`,
              expected: tv.text,
              actual: av.text,
              locations: at(tv.src, av.src),
            }),
          );
        } else if (!unitsOk) {
          out.push(
            finding('target.unit-mismatch', {
              message: `${name}的目标值单位不同：绩效目标表为“${tv.text}”，目标实现情况表为“${av.text}”`,
              expected: tv.unit ?? '',
              actual: av.unit ?? '',
              locations: at(tv.src, av.src),
            }),
          );
        } else if ((tv.unit === null) !== (av.unit === null)) {
          out.push(
            finding('target.unit-missing', {
              message: `${name}的目标值一处写单位一处未写：绩效目标表为“${tv.text}”，目标实现情况表为“${av.text}”`,
              expected: tv.unit ?? av.unit ?? '',
              actual: '（未写单位）',
              locations: at(tv.src, av.src),
            }),
          );
        }
      } else if (tv.text.trim() !== av.text.trim() && (tv.value !== null || av.value !== null)) {
        out.push(
          finding('target.value-mismatch', {
            message: `${name}的目标值：绩效目标表为“${tv.text}”，目标实现情况表为“${av.text}”`,
            expected: tv.text,
            actual: av.text,
            locations: at(tv.src, av.src),
          }),
        );
      }
    }
    for (const t of onlyTarget) {
      out.push(
        finding('target.missing', {
          message: `绩效目标表中的“${t.name.value}”（${t.target.text}）未出现在目标实现情况表中`,
          locations: at(t.src ?? t.name.src),
        }),
      );
    }
    for (const a of onlyAchievement) {
      out.push(
        finding('target.missing', {
          message: `目标实现情况表中的“${a.name.value}”（${a.target.text}）不在绩效目标表中`,
          locations: at(a.src ?? a.name.src),
        }),
      );
    }
  }

  for (const a of achievements) {
    const reading = readDirection(a.name.value, a.target, defined);
    const computed = computedMet(a.target, a.actual, reading.op);
    const stated = statedMet(a.status?.value);
    if (computed === null || stated === null || computed === stated) continue;
    const what = `${label(a.name.value, a.no?.value)}：目标值“${a.target.text}”，完成值“${a.actual.text}”`;
    const want = computed ? '完成' : '未完成';
    // Without a comparator, a definition or a telling name, "at least" is a guess: the status may be
    // right for an indicator where less is better, so it is said, not blamed.
    out.push(
      reading.by === 'assumed'
        ? finding('target.direction-unstated', {
            message: `${what}，方向未注明：按“≥”应为“${want}”，表中写“${a.status!.value}”；若该指标越低越好则相符，请在目标值前注明“≥”或“≤”`,
            expected: want,
            actual: a.status!.value,
            locations: at(a.status!.src, a.target.src, a.actual.src),
          })
        : finding('target.status', {
            message: `${what}，${reading.reason}应为“${want}”，表中写“${a.status!.value}”`,
            expected: want,
            actual: a.status!.value,
            locations: at(a.status!.src, a.target.src, a.actual.src),
          }),
    );
  }

  // Full marks for 效果性 while some target was missed.
  const effect = findNode(report.indicators, /效果性|效果指标|效益指标/u);
  if (effect?.statedScore && effect.weight && dec(effect.statedScore.value).eq(dec(effect.weight.value))) {
    const met = metByRow(report, defined, cache);
    const missed = achievements.filter((r) => met.get(r) === false);
    if (missed.length > 0) {
      out.push(
        finding('target.full-marks-missed', {
          message: `${effect.name}得满分 ${decString(effect.statedScore.value)}，但有 ${missed.length} 项绩效目标未完成（${missed.map((r) => r.name.value).join('、')}）`,
          expected: `< ${decString(effect.weight.value)}`,
          actual: decString(effect.statedScore.value),
          locations: at(effect.statedScore.src, ...missed.map((r) => r.status?.src ?? r.actual.src)),
        }),
      );
    }
  }
  return out;
};
