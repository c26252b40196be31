import { useEffect, useState } from 'react';
import type { AuditOptions } from '../../core/audit/index.ts';
import type { Framework } from '../../core/framework/schema.ts';
import { checkReport, type LiveCheck } from './live-check.ts';

/** Re-checks the document a moment after the user stops typing (the first check runs at once). */
export const useLiveCheck = (
  doc: unknown,
  frameworks: readonly Framework[],
  bound = false,
  approved: AuditOptions['approved'] = null,
  delayMs = 250,
): LiveCheck | null => {
  const [check, setCheck] = useState<LiveCheck | null>(null);
  const [first, setFirst] = useState(true);
  useEffect(() => {
    const t = setTimeout(
      () => {
        setCheck(checkReport(doc, frameworks, bound, approved));
        setFirst(false);
      },
      first ? 0 : delayMs,
    );
    return () => clearTimeout(t);
  }, [doc, frameworks, bound, approved, delayMs, first]);
  return check;
};
