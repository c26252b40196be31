/**
 * Use case: 上传新版本 — a preparer uploads the fixed file as the next version of an existing report.
 * First a preview (the document read, the reader's warnings and what the file names that does not
 * match the report), which the editor sets against the current version; then the upload itself, which
 * reads the file again, refuses a mismatch without a reason and saves as the editor's saves do
 * (explanations of findings that remain carry over by their keys).
 */

import type { Finding } from '../core/findings.ts';
import { type IdentityMismatch, identityMismatches } from '../core/identity.ts';
import type { Report as ReportDocument } from '../core/model/index.ts';
import { failure, type Result } from '../core/result.ts';
import { isEditable } from '../core/workflow.ts';
import { needRole, type SeenReport, seeReport } from './access.ts';
import { readUpload } from './create-report.ts';
import { checkIdentity, logConfirmed } from './file-identity.ts';
import { type Saved, saveVersion } from './save-version.ts';
import type { Store, User } from './store.ts';

export type VersionPreview = {
  document: ReportDocument;
  warnings: Finding[];
  /** What the file names that is not this report's unit or year (empty when all match). */
  mismatches: IdentityMismatch[];
  /** The version the upload would follow. */
  currentVersion: number;
};

const editableReport = async (store: Store, actor: User, reportId: string): Promise<Result<SeenReport>> => {
  const seen = await seeReport(store, actor, reportId);
  if (!seen.ok) return seen;
  const refused = needRole(actor, ['preparer']);
  if (refused) return refused;
  if (!isEditable(seen.value.report.status))
    return failure('not-editable', '报告已提交，不能再修改；如需修改请先退回', 'the report is not a draft', {
      status: seen.value.report.status,
    });
  return seen;
};

/** Reads the file for the report without saving anything. */
export const previewVersion = async (
  store: Store,
  actor: User,
  input: { reportId: string; filename: string; bytes: Uint8Array },
): Promise<Result<VersionPreview>> => {
  const seen = await editableReport(store, actor, input.reportId);
  if (!seen.ok) return seen;
  const { report, department } = seen.value;
  const read = await readUpload(input.filename, input.bytes);
  if (!read.ok) return read;
  return {
    ok: true,
    value: {
      document: read.value,
      warnings: read.value.meta.warnings,
      mismatches: identityMismatches(read.value, {
        departmentName: department.name,
        year: report.year,
      }),
      currentVersion: report.currentVersion,
    },
  };
};

/** An uploaded file as the next version of an existing report. */
export const uploadVersion = async (
  store: Store,
  actor: User,
  input: {
    reportId: string;
    expectedVersion: number;
    filename: string;
    bytes: Uint8Array;
    reason?: string | undefined;
  },
): Promise<Result<Saved>> => {
  const seen = await editableReport(store, actor, input.reportId);
  if (!seen.ok) return seen;
  const { report, department } = seen.value;
  const read = await readUpload(input.filename, input.bytes);
  if (!read.ok) return read;
  const confirmed = checkIdentity(
    read.value,
    { departmentName: department.name, year: report.year },
    input.reason,
  );
  if (!confirmed.ok) return confirmed;
  const saved = await saveVersion(store, actor, {
    reportId: input.reportId,
    expectedVersion: input.expectedVersion,
    document: read.value,
    summary: `上传新版本 ${input.filename}${confirmed.value.note}`,
  });
  if (saved.ok)
    await logConfirmed(store, actor, confirmed.value, {
      reportId: input.reportId,
      version: saved.value.version.version,
      filename: input.filename,
    });
  return saved;
};
