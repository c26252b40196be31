import { Button, List, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { loadVersion } from '../api/reports.ts';
import type { ReportDetail } from '../api/types.ts';
import { PageState } from '../app/PageState.tsx';
import { Link } from '../app/router.tsx';
import { type Change, diffDocuments } from '../editor/diff.ts';
import { fmtDateTime } from '../lib/format.ts';
import { useLoad } from '../lib/use-load.ts';

/** The differences between version `version` and the one before it. */
export const VersionDiff = ({ id, version, against }: { id: string; version: number; against: number }) => {
  const load = useLoad(async () => {
    const [a, b] = await Promise.all([loadVersion(id, against), loadVersion(id, version)]);
    return diffDocuments(a.document, b.document);
  }, [id, version, against]);
  return (
    <PageState load={load} empty={(c) => c.length === 0} emptyText="两个版本内容相同">
      {(changes) => (
        <Table<Change>
          size="small"
          rowKey={(c) => c.path.join('.')}
          dataSource={changes}
          pagination={changes.length > 20 ? { pageSize: 20 } : false}
          columns={[
            { title: '位置', dataIndex: 'label' },
            {
              title: `第${against}版`,
              width: '30%',
              dataIndex: 'before',
              render: (v: string) => <span className="jx-diff-del">{v}</span>,
            },
            {
              title: `第${version}版`,
              width: '30%',
              dataIndex: 'after',
              render: (v: string) => <span className="jx-diff-add">{v}</span>,
            },
          ]}
        />
      )}
    </PageState>
  );
};

/** Every saved version (newest first): who saved it, when, its note, and what changed from the one before. */
export const VersionHistory = ({ detail }: { detail: ReportDetail }) => {
  const [shown, setShown] = useState<number | null>(null);
  const published = new Set(detail.publications.map((p) => p.version));
  return (
    <>
      <List
        size="small"
        data-testid="versions"
        dataSource={detail.versions}
        pagination={detail.versions.length > 8 ? { pageSize: 8, size: 'small' } : false}
        renderItem={(v) => (
          <List.Item
            actions={
              v.version > 1
                ? [
                    <Button key="diff" size="small" type="link" onClick={() => setShown(v.version)}>
                      查看变化
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <span>
                  第 {v.version} 版{published.has(v.version) ? '（已公开）' : ''}
                </span>
              }
              description={
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {v.createdBy ? (detail.people[v.createdBy] ?? '（已删除的用户）') : '系统'} ·{' '}
                  {fmtDateTime(v.createdAt)} · {v.summary || '（无说明）'}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
      <Link to={`/reports/${detail.report.id}/history`}>查看完整历史（版本、流程、意见）</Link>
      <Modal
        open={shown !== null}
        title={shown ? `第 ${shown} 版相对第 ${shown - 1} 版的变化` : ''}
        width={900}
        footer={null}
        onCancel={() => setShown(null)}
        destroyOnHidden
      >
        {shown ? <VersionDiff id={detail.report.id} version={shown} against={shown - 1} /> : null}
      </Modal>
    </>
  );
};
