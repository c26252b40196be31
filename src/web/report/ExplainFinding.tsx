import { Button, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { findingKey } from '../../core/workflow.ts';
import { api, ok } from '../api/client.ts';
import type { EditorFinding } from '../editor/live-check.ts';
import { useWrite } from '../lib/use-write.ts';

/**
 * A written explanation of an audit error: a report with errors can be submitted only when each one is
 * explained. Keyed by the core's `findingKey`, the same key the server's audit gives the finding.
 */
export const ExplainFinding = ({
  reportId,
  finding,
  explained,
  onSaved,
}: {
  reportId: string;
  finding: EditorFinding;
  explained: string | undefined;
  onSaved: () => void;
}) => {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const { run, busy } = useWrite();
  if (finding.severity !== 'error' || finding.rule === 'editor.invalid') return null;
  if (explained && !open) {
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        已说明：{explained}{' '}
        <Button type="link" size="small" onClick={() => setOpen(true)}>
          修改
        </Button>
      </Typography.Text>
    );
  }
  if (!open) {
    return (
      <Button size="small" onClick={() => setOpen(true)}>
        写说明
      </Button>
    );
  }
  const save = () =>
    run(
      async () => {
        await ok(
          api.reports[':id'].explanations.$post({
            param: { id: reportId },
            json: { key: findingKey(finding), body: text.trim() },
          }),
        );
        setOpen(false);
        onSaved();
      },
      { done: '说明已保存' },
    );
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        aria-label="问题说明"
        value={text}
        placeholder="为什么这里不是错误，或为何无法更正"
        onChange={(e) => setText(e.target.value)}
        onPressEnter={() => text.trim() && save()}
      />
      <Button type="primary" disabled={!text.trim()} loading={busy} onClick={save}>
        保存
      </Button>
    </Space.Compact>
  );
};
