/** What the scoring engine returns: every node of the framework tree with its stated and computed scores. */
import type { Decimal } from '../decimal.ts';
import type { Finding } from '../findings.ts';
import type { RuleKind } from '../framework/rule-schema.ts';
import type { Grade } from '../model/department-report.ts';

/** Points lost at a leaf and why, in Chinese (decimal string points). */
export type LostPoints = { points: string; reason: string };

export type ScoredNode = {
  name: string;
  level: number;
  /** The heading the report used for it, or null when the report has no such heading. */
  reportName: string | null;
  weight: string;
  /** The report's own score for this node, as stated. */
  stated: string | null;
  /** Recomputed: a leaf by its rule (rounded half-up to 2 decimals), a parent as the sum of its children. */
  computed: string;
  /** computed − stated, when a score is stated. */
  difference: string | null;
  /** The leaf's rule kind; null for a parent. */
  rule: RuleKind | null;
  lost: LostPoints[];
  /** How the score was found: the rate used, a fallback to the stated score. */
  notes: string[];
  /** True when a quantitative leaf lacked its input and took the stated score instead. */
  fallback: boolean;
  /** The formula's score of a leaf that keeps a stated judgment deduction below it (judgment.ts). */
  formula?: string | undefined;
  children: ScoredNode[];
};

export type ScoredReport = {
  framework: { id: string; name: string; version: string; total: string };
  total: string;
  grade: Grade;
  statedTotal: string | null;
  statedGrade: Grade | null;
  indicators: ScoredNode[];
  /** Report headings that no framework node matched. */
  unmatched: string[];
  /** Problems met while scoring (a manual deduction without reason, a score above its weight …). */
  findings: Finding[];
};

/** An input the what-if search may move: which way improves the score, and how far it can go. */
export type Lever = {
  key: string;
  current: Decimal;
  unit: string | null;
  direction: 'up' | 'down';
  bound: Decimal;
  step: Decimal;
};

/** What a rule says about one leaf. `score` is unrounded and may exceed the bounds; the engine clamps. */
export type LeafOutcome = {
  score: Decimal;
  /** Reasons for lost points; `points` when the rule can split them, else the engine fills W − score. */
  lost: { points?: Decimal; reason: string }[];
  notes: string[];
  fallback: boolean;
  findings: Finding[];
  levers: Lever[];
};
