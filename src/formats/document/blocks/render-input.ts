import type { DecimalString } from '../../../core/decimal.ts';
import type { Finding } from '../../../core/findings.ts';
import type { DepartmentReport, Grade } from '../../../core/model/index.ts';

/** A computed score per indicator node, in the same shape (and order) as `report.indicators`. */
export type ScoredNode = { score: DecimalString | null; children: ScoredNode[] };

/**
 * What the scoring engine computed for a report. When given, writers print these instead of the stated
 * scores, so a generated report is consistent by construction.
 */
export type Scores = {
  total: DecimalString;
  grade: Grade;
  /** The framework's word for the grade (优秀, 合格 …) where its bands carry one: documents state it. */
  gradeLabel?: string | undefined;
  indicators: ScoredNode[];
  /** Computed 完成情况 per achievement row (same order); null keeps the stated one. */
  achievementStatuses?: (string | null)[] | undefined;
};

/** The one input of every writer. `findings` with errors put an error page first (unless allowed). */
export type RenderInput = {
  report: DepartmentReport;
  scores?: Scores | undefined;
  findings?: Finding[] | undefined;
  allowErrors?: boolean | undefined;
};
