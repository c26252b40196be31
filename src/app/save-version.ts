/**
 * Use case: a preparer saves the next version of a draft. Saving against a stale version is refused by
 * the store (version-conflict, with the newer version), and so is a save once the report is no longer
 * editable — checked again in the store's UPDATE, so a save racing a submit cannot land after it. Saving
 * a returned report reopens it as a draft.
 */

import type { Report as ReportDocument } from '../core/model/index.ts';
import { failure, type Result } from '../core/result.ts';
import { EDITABLE_STATUSES, isEditable } from '../core/workflow.ts';
import { needRole, seeReport } from './access.ts';
import type { Created } from './create-report.ts';
import { evaluateStored, scopeOf } from './framework-choice.ts';
import { figuresOf } from './report-scoring.ts';
import type { Report, ReportVersion, Store, User } from './store.ts';

/** What a save answers: the version without its document (the client has it). */
export type Saved = Omit<Created, 'version'> & { version: Omit<ReportVersion, 'document'> };

export const saveVersion = async (
  store: Store,
  actor: User,
  input: {
    reportId: string;
    expectedVersion: number;
    document: ReportDocument;
    /** The request's JSON body whose `document` member is `document` as sent (see SaveVersion). */
    bodyJson?: string;
    summary?: string | undefined;
  },
): Promise<Result<Saved>> => {
  const seen = await seeReport(store, actor, input.reportId);
  if (!seen.ok) return seen;
  const refused = needRole(actor, ['preparer']);
  if (refused) return refused;
  const { report } = seen.value;
  const notEditable = (status: Report['status']) =>
    failure('not-editable', '报告已提交，不能再修改；如需修改请先退回', 'the report is not a draft', {
      status,
    });
  if (!isEditable(report.status)) return notEditable(report.status);
  const { evaluation } = await evaluateStored(store, input.document, scopeOf(report), { audit: false });
  const saved = await store.reports.saveVersion(
    {
      reportId: input.reportId,
      expectedVersion: input.expectedVersion,
      document: input.document,
      ...(input.bodyJson === undefined ? {} : { bodyJson: input.bodyJson }),
      figures: figuresOf(input.document, evaluation),
      summary: input.summary ?? '保存',
      whileStatus: [...EDITABLE_STATUSES],
    },
    actor.id,
  );
  if (!saved.ok) return saved.code === 'not-editable' ? notEditable(saved.current.status) : saved;
  let current = saved.value.report;
  if (current.status === 'returned') {
    const reopened = await store.reports.setStatus(
      { reportId: current.id, from: 'returned', to: 'draft', version: current.currentVersion },
      actor.id,
    );
    if (reopened.ok) current = reopened.value;
  }
  const { document: _, ...version } = saved.value.version;
  return { ok: true, value: { report: current, version, warnings: input.document.meta.warnings } };
};
