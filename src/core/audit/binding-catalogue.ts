/** The rule codes of carrying approved targets into the self-evaluation (targets/binding.ts, carry.ts). */
import type { Severity } from '../severity.ts';

export const BINDING_RULES = {
  'binding.target-changed': { severity: 'error', title: '自评表的年度指标值与批复的绩效目标一致' },
  'binding.target-missing': { severity: 'warning', title: '批复的绩效指标在自评表中都有' },
  'binding.target-added': { severity: 'warning', title: '自评表中的指标都来自批复的绩效目标' },
  'binding.monitoring-contradicted': {
    severity: 'warning',
    title: '年中监控所报偏差原因与年末自评相符',
  },
} as const satisfies Record<`binding.${string}`, { severity: Severity; title: string }>;
