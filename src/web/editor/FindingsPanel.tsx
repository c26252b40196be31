import { Badge, Button, Empty, List, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import { SEVERITIES, type Severity } from '../../core/findings.ts';
import { SEVERITY_TERMS } from '../../core/glossary.ts';
import { SEVERITY_COLORS, SeverityTag } from '../app/labels.tsx';
import { findingTitle } from '../lib/finding-title.ts';
import type { EditorFinding } from './live-check.ts';

type Filter = 'all' | Severity;

/**
 * The audit findings beside the form. A finding with a location is a button: it opens the tab and
 * highlights the field. `extra` renders per finding (the explanation box before submitting).
 */
export const FindingsPanel = ({
  findings,
  onJump,
  extra,
}: {
  findings: readonly EditorFinding[];
  onJump: (f: EditorFinding) => void;
  extra?: (f: EditorFinding) => React.ReactNode;
}) => {
  const [filter, setFilter] = useState<Filter>('all');
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const shown = filter === 'all' ? findings : findings.filter((f) => f.severity === filter);
  return (
    <div className="jx-findings" data-testid="findings">
      <Segmented<Filter>
        size="small"
        value={filter}
        onChange={setFilter}
        options={[
          { value: 'all', label: `全部 ${findings.length}` },
          ...SEVERITIES.map((s) => ({
            value: s,
            label: <Badge color={SEVERITY_COLORS[s]} text={`${SEVERITY_TERMS[s]} ${count(s)}`} />,
          })),
        ]}
      />
      {shown.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有发现问题" />
      ) : (
        <List
          size="small"
          dataSource={shown}
          pagination={shown.length > 30 ? { pageSize: 30, size: 'small' } : false}
          renderItem={(f) => (
            <List.Item className="jx-finding" data-rule={f.rule}>
              <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                <Space size={4} wrap>
                  <SeverityTag severity={f.severity} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {findingTitle(f.rule)}
                  </Typography.Text>
                </Space>
                {f.fields.length > 0 ? (
                  <Button
                    type="link"
                    size="small"
                    className="jx-finding-jump"
                    style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                    onClick={() => onJump(f)}
                  >
                    {f.message}
                  </Button>
                ) : (
                  <Typography.Text>{f.message}</Typography.Text>
                )}
                {f.expected || f.actual ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {f.expected ? `应为 ${f.expected}` : ''} {f.actual ? `实为 ${f.actual}` : ''}
                  </Typography.Text>
                ) : null}
                {extra?.(f)}
              </Space>
            </List.Item>
          )}
        />
      )}
    </div>
  );
};
