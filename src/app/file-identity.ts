/**
 * The identity check of a report read from a file (src/core/identity.ts), enforced: when the file names
 * another unit or year than the report it goes into, saving needs a reason. The reason goes into the
 * version's note and, with what did not match, into the audit log.
 */

import { describeMismatches, type IdentityMismatch, identityMismatches } from '../core/identity.ts';
import type { Report as ReportDocument } from '../core/model/index.ts';
import { failure, type Result } from '../core/result.ts';
import type { Store, User } from './store.ts';

/** The longest reason kept (the version note stays readable). */
export const MAX_REASON_CHARS = 200;

export type Confirmed = {
  mismatches: IdentityMismatch[];
  /** Appended to the version's note: empty when everything matched. */
  note: string;
  reason: string | null;
};

export const checkIdentity = (
  doc: ReportDocument,
  expected: { departmentName: string; year?: number | null | undefined },
  reason: string | undefined,
): Result<Confirmed> => {
  const mismatches = identityMismatches(doc, expected);
  if (mismatches.length === 0) return { ok: true, value: { mismatches, note: '', reason: null } };
  const why = reason?.trim() ?? '';
  if (!why)
    return failure(
      'identity-mismatch',
      `${describeMismatches(mismatches)}。请确认文件无误并填写理由后再保存`,
      'the file names another unit or year than the report; confirm with a reason',
      { mismatches },
    );
  return {
    ok: true,
    value: {
      mismatches,
      reason: why.slice(0, MAX_REASON_CHARS),
      note: `（${describeMismatches(mismatches)}；确认理由：${why.slice(0, MAX_REASON_CHARS)}）`,
    },
  };
};

/** Keeps a confirmed mismatch in the audit log, beside the version it let through. */
export const logConfirmed = async (
  store: Store,
  actor: User,
  confirmed: Confirmed,
  at: { reportId: string; version: number; filename: string },
): Promise<void> => {
  if (confirmed.mismatches.length === 0) return;
  await store.audit.append({
    actorId: actor.id,
    action: 'report.identity-confirmed',
    targetType: 'report',
    targetId: at.reportId,
    detail: {
      version: at.version,
      filename: at.filename,
      mismatches: confirmed.mismatches,
      reason: confirmed.reason,
    },
  });
};
