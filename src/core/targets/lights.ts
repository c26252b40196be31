/**
 * 运行监控 lights (DOMAIN-CYCLE §2.2) from configurable bands on the time-proportional pace (序时进度):
 * budget pace red < 60 ≤ yellow < 80 ≤ green; indicator pace the same with blue ≥ 120 for an over-run;
 * ceilings (≤ <) and "= 0" by whether the projection keeps to them; 定性 by the chosen phrase; a project
 * takes the worst light of its indicators. Band edges and region presets are data
 * (frameworks/targets/monitoring-presets.json).
 */
import { z } from 'zod';
import raw from '../../../frameworks/targets/monitoring-presets.json' with { type: 'json' };
import { unitKind } from '../audit/measure.ts';
import { type Decimal, DecimalString, dec } from '../decimal.ts';
import { meetsBy } from '../direction.ts';
import { LIGHTS, type Light, type Nature } from './vocab.ts';

const LightSchema = z.enum(LIGHTS);

export const MonitoringPreset = z
  .object({
    key: z.string().min(1),
    name: z.string().min(1),
    budget: z.object({ red: DecimalString, yellow: DecimalString }),
    /** Region warning points: the execution rate to date (not the pace) below `min` by `month` is red. */
    budgetPoints: z.array(z.object({ month: z.number().int().min(1).max(12), min: DecimalString })),
    indicator: z.object({ red: DecimalString, yellow: DecimalString, blue: DecimalString.nullable() }),
    qualitative: z.array(z.object({ phrase: z.string().min(1), light: LightSchema })).min(1),
    /**
     * Whether rates (unit %) are held to the time-proportional share like counts. Off by default: a
     * 合格率 of 100% in July is on target, not an over-run; the vendor's formula pro-rates everything.
     */
    proRataPercent: z.boolean().default(false),
    /** Working days the department has to choose a disposal, where the region sets one. */
    decisionDays: z.number().int().positive().nullable(),
    /** False while the preset rests on a summary, not the official text. */
    confirmed: z.boolean(),
  })
  .refine((p) => dec(p.budget.red).lte(dec(p.budget.yellow)), { message: '预算执行红灯界限不应高于黄灯界限' })
  .refine(
    (p) =>
      dec(p.indicator.red).lte(dec(p.indicator.yellow)) &&
      (p.indicator.blue === null || dec(p.indicator.yellow).lte(dec(p.indicator.blue))),
    { message: '指标进度的红、黄、蓝界限应依次不减' },
  );
export type MonitoringPreset = z.infer<typeof MonitoringPreset>;

export const MONITORING_PRESETS: readonly MonitoringPreset[] = z.array(MonitoringPreset).parse(raw);

export const monitoringPreset = (key: string): MonitoringPreset =>
  MONITORING_PRESETS.find((p) => p.key === key) ?? (MONITORING_PRESETS[0] as MonitoringPreset);

/** Order from worst to best for "worst of"; blue (over-run) is a warning, better than yellow. */
const RANK: Record<Light, number> = { red: 0, yellow: 1, blue: 2, green: 3 };
/** Order along the pace axis, for monotonicity: red < yellow < green < blue. */
export const PACE_ORDER: Record<Light, number> = { red: 0, yellow: 1, green: 2, blue: 3 };

const HUNDRED = dec(100);
const TWELVE = dec(12);

/** (done / planned) ÷ (month / 12) × 100; null when nothing was planned. */
export const pace = (done: string, planned: string, month: number): Decimal | null => {
  const p = dec(planned);
  if (p.isZero() || month <= 0) return null;
  return dec(done).div(p).div(dec(month).div(TWELVE)).times(HUNDRED);
};

export const budgetPaceLight = (r: Decimal, preset: MonitoringPreset): Light => {
  if (r.lt(dec(preset.budget.red))) return 'red';
  if (r.lt(dec(preset.budget.yellow))) return 'yellow';
  return 'green';
};

export const indicatorPaceLight = (r: Decimal, preset: MonitoringPreset): Light => {
  const b = preset.indicator;
  if (r.lt(dec(b.red))) return 'red';
  if (r.lt(dec(b.yellow))) return 'yellow';
  if (b.blue !== null && r.gte(dec(b.blue))) return 'blue';
  return 'green';
};

export type BudgetLight = { light: Light; pace: Decimal | null; rate: Decimal | null };

/**
 * The budget light of a project by month `month`: by pace, and red as well when the region's warning
 * point for the month is missed. No budget → no light (null).
 */
export const budgetLight = (
  executed: string,
  budget: string,
  month: number,
  preset: MonitoringPreset,
): BudgetLight | null => {
  const r = pace(executed, budget, month);
  if (r === null) return null;
  const rate = dec(executed).div(dec(budget)).times(HUNDRED);
  let light = budgetPaceLight(r, preset);
  const point = preset.budgetPoints.filter((p) => p.month <= month).sort((a, b) => b.month - a.month)[0];
  if (point && rate.lt(dec(point.min))) light = 'red';
  return { light, pace: r, rate };
};

export type IndicatorProgress = {
  nature: Nature;
  /** 指标值 (a decimal for quantitative natures). */
  target: string;
  /** 当前完成 (to date). */
  current: string | null;
  /** 全年预计完成. */
  projected: string | null;
  /** The chosen phrase for 定性. */
  phrase: string | null;
  /** 计量单位, to tell rates (%) from cumulative quantities. */
  unit?: string;
};

/** An indicator's light; null when what is needed is missing (no value entered yet). */
export const indicatorLight = (
  p: IndicatorProgress,
  month: number,
  preset: MonitoringPreset,
): { light: Light; pace: Decimal | null } | null => {
  if (p.nature === '定性') {
    const hit = preset.qualitative.find((q) => q.phrase === p.phrase);
    return hit ? { light: hit.light, pace: null } : null;
  }
  const ceiling = p.nature === '≤' || p.nature === '<' || (p.nature === '=' && dec(p.target).isZero());
  if (ceiling) {
    const v = p.projected ?? p.current;
    if (v === null) return null;
    return { light: meetsBy(p.nature ?? '≥', dec(v), dec(p.target)) ? 'green' : 'red', pace: null };
  }
  if (p.current === null) return null;
  const rate = p.unit !== undefined && unitKind(p.unit.trim()) === 'percent' && !preset.proRataPercent;
  const r = pace(p.current, p.target, rate ? 12 : month);
  if (r === null) return null;
  return { light: indicatorPaceLight(r, preset), pace: r };
};

/** The worst light of a project's indicators (and its budget); null when none has a light yet. */
export const worstLight = (lights: readonly (Light | null)[]): Light | null => {
  let worst: Light | null = null;
  for (const l of lights) {
    if (l !== null && (worst === null || RANK[l] < RANK[worst])) worst = l;
  }
  return worst;
};
