import { useEffect, useRef, useState } from 'react';
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
  // A ref, not state: the first check done must not itself schedule a second check of the same document
  // (a full score and audit, a second or more for a large report on a busy machine).
  const checked = useRef(false);
  useEffect(() => {
    const t = setTimeout(
      () => {
        checked.current = true;
        setCheck(checkReport(doc, frameworks, bound, approved));
      },
      checked.current ? delayMs : 0,
    );
    return () => clearTimeout(t);
  }, [doc, frameworks, bound, approved, delayMs]);
  return check;
};
