/**
 * What a file names that is not the report's unit or year, and the reason the user gives for saving it
 * all the same (the server refuses a mismatch without one and keeps the reason in the history).
 */
import { Alert, Input } from 'antd';
import type { IdentityMismatch } from '../../core/identity.ts';
import { describeMismatches } from '../../core/identity.ts';

export const IdentityCheck = ({
  mismatches,
  reason,
  onReason,
}: {
  mismatches: readonly IdentityMismatch[];
  reason: string;
  onReason: (reason: string) => void;
}) =>
  mismatches.length === 0 ? null : (
    <Alert
      type="warning"
      showIcon
      data-testid="identity-check"
      title="文件所写的单位或年度与报告不符"
      description={
        <>
          <p style={{ margin: '4px 0 8px' }}>
            {describeMismatches(mismatches)}
            。请确认没有选错文件；如确属本报告，请写明理由，理由将记入操作记录。
          </p>
          <Input.TextArea
            aria-label="确认理由"
            placeholder="例如：文件沿用了上年模板，年度已在编辑器中更正"
            maxLength={200}
            autoSize={{ minRows: 2, maxRows: 4 }}
            value={reason}
            onChange={(e) => onReason(e.target.value)}
          />
        </>
      }
    />
  );
