/**
 * A unit's 运行监控 entry for one approved target table in one round (DOMAIN-CYCLE §2.1): 执行数 and
 * 预计全年执行, per indicator 当前完成, 全年预计完成, 完成目标可能性 and, where not certain, 偏差原因 by category
 * and 纠偏措施 (then mandatory). `evaluateEntry` gives the lights; `entryProblems` what is still missing.
 */
import { z } from 'zod';
import { type Decimal, DecimalString } from '../decimal.ts';
import type { Finding } from '../findings.ts';
import { budgetLight, indicatorLight, type MonitoringPreset, worstLight } from './lights.ts';
import { type TargetTable, tableFunds } from './table.ts';
import { DEVIATION_CAUSE_LABELS, DEVIATION_CAUSES, LIKELIHOODS, type Light } from './vocab.ts';

export const IndicatorEntry = z.object({
  indicatorId: z.string().min(1),
  /** 当前完成: a decimal, or for 定性 the chosen phrase. */
  current: z.string().nullable(),
  projected: z.string().nullable(),
  likelihood: z.enum(LIKELIHOODS).nullable(),
  causes: z.array(z.object({ cause: z.enum(DEVIATION_CAUSES), text: z.string() })).default([]),
  measures: z.string().default(''),
});
export type IndicatorEntry = z.infer<typeof IndicatorEntry>;

export const MonitoringEntry = z
  .object({
    /** 执行数 to the round's month and 预计全年执行 (万元). */
    executed: DecimalString.nullable(),
    projectedAnnual: DecimalString.nullable(),
    indicators: z.array(IndicatorEntry),
    note: z.string().default(''),
  })
  .meta({ id: 'MonitoringEntry' });
export type MonitoringEntry = z.infer<typeof MonitoringEntry>;

export const emptyEntry = (t: TargetTable): MonitoringEntry => ({
  executed: null,
  projectedAnnual: null,
  note: '',
  indicators: t.indicators.map((i) => ({
    indicatorId: i.id,
    current: null,
    projected: null,
    likelihood: null,
    causes: [],
    measures: '',
  })),
});

export type EntryLights = {
  budget: { light: Light; pace: Decimal | null; rate: Decimal | null } | null;
  indicators: { indicatorId: string; light: Light | null; pace: Decimal | null }[];
  /** The project's light: the worst of its budget and indicator lights. */
  project: Light | null;
};

export const evaluateEntry = (
  table: TargetTable,
  entry: MonitoringEntry,
  month: number,
  preset: MonitoringPreset,
): EntryLights => {
  const funds = tableFunds(table);
  const budget =
    entry.executed !== null && funds !== null ? budgetLight(entry.executed, funds, month, preset) : null;
  const indicators = table.indicators.map((ind) => {
    const e = entry.indicators.find((x) => x.indicatorId === ind.id);
    if (!e || ind.nature === null) return { indicatorId: ind.id, light: null, pace: null };
    const isNum = (s: string | null) => s !== null && DecimalString.safeParse(s.trim()).success;
    const quantitative = ind.nature !== '定性';
    if (quantitative && !DecimalString.safeParse(ind.value.trim()).success)
      return { indicatorId: ind.id, light: null, pace: null };
    const r = indicatorLight(
      {
        nature: ind.nature,
        target: ind.value.trim(),
        current: quantitative ? (isNum(e.current) ? (e.current as string).trim() : null) : null,
        projected: quantitative && isNum(e.projected) ? (e.projected as string).trim() : null,
        phrase: quantitative ? null : e.current,
        unit: ind.unit,
      },
      month,
      preset,
    );
    return { indicatorId: ind.id, light: r?.light ?? null, pace: r?.pace ?? null };
  });
  return {
    budget,
    indicators,
    project: worstLight([budget?.light ?? null, ...indicators.map((i) => i.light)]),
  };
};

/** What the unit still has to fill before the entry can be handed in. */
export const entryProblems = (table: TargetTable, entry: MonitoringEntry): Finding[] => {
  const out: Finding[] = [];
  const miss = (rule: string, message: string) => out.push({ rule, severity: 'error', message });
  if (entry.executed === null) miss('monitor.executed-missing', '未填写预算执行数');
  if (entry.projectedAnnual === null) miss('monitor.projected-missing', '未填写预计全年执行数');
  for (const ind of table.indicators) {
    const e = entry.indicators.find((x) => x.indicatorId === ind.id);
    const name = `“${ind.name.trim() || ind.id}”`;
    if (!e || e.current === null || e.current.trim() === '') {
      miss('monitor.current-missing', `${name}未填写当前完成情况`);
      continue;
    }
    if (e.likelihood === null) {
      miss('monitor.likelihood-missing', `${name}未选择完成目标可能性`);
      continue;
    }
    if (e.likelihood === 'certain') continue;
    if (!e.causes.some((c) => c.text.trim() !== '')) {
      const cats = DEVIATION_CAUSES.map((c) => DEVIATION_CAUSE_LABELS[c]).join('/');
      miss('monitor.cause-missing', `${name}不确定能完成，须按类别（${cats}）写明偏差原因`);
    }
    if (e.measures.trim() === '') miss('monitor.measures-missing', `${name}不确定能完成，须写明纠偏措施`);
  }
  return out;
};
