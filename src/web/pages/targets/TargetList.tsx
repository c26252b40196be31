/** 绩效目标申报表 in scope: the department declares new ones; the bureau opens them to review. */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { blankTargetTable } from '../../../core/targets/sample-tables.ts';
import { TARGET_KIND_LABELS, type TargetKind } from '../../../core/targets/vocab.ts';
import { createTarget, listTargets } from '../../api/targets.ts';
import { KIND_SHORT } from '../../app/labels.tsx';
import { PageState } from '../../app/PageState.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { Link, navigate } from '../../app/router.tsx';
import { fmtDateTime } from '../../lib/format.ts';
import { useLoad } from '../../lib/use-load.ts';
import { useWrite } from '../../lib/use-write.ts';
import { TargetStatusTag } from './labels.tsx';
import { ReviewChainCard } from './ReviewChainCard.tsx';

const TargetList = () => {
  const { run } = useWrite();
  const load = useLoad(() => listTargets(), []);
  const [kind, setKind] = useState<TargetKind>('project');
  const [year, setYear] = useState(new Date().getFullYear() + 1);
  const [projectName, setProjectName] = useState('');
  const create = () =>
    run(async () => {
      const blank = blankTargetTable(kind, year);
      const r = await createTarget(
        blank.kind === 'project' ? { ...blank, projectName: projectName.trim() } : blank,
      );
      navigate(`/targets/${r.table.id}`);
    });
  return (
    <RequireRole roles={['preparer', 'dept-reviewer', 'bureau-reviewer', 'admin']}>
      {(me) => (
        <>
          <div className="jx-page-title">
            <h1>{me.departmentId ? '绩效目标申报' : '绩效目标审核'}</h1>
            {me.role === 'preparer' ? (
              <Space wrap>
                <Select
                  aria-label="申报年度"
                  value={year}
                  style={{ width: 120 }}
                  onChange={setYear}
                  options={[0, 1].map((d) => {
                    const y = new Date().getFullYear() + d;
                    return { value: y, label: `${y}年度` };
                  })}
                />
                <Select
                  aria-label="目标表类型"
                  value={kind}
                  style={{ width: 240 }}
                  onChange={setKind}
                  options={(['project', 'department'] as const).map((k) => ({
                    value: k,
                    label: TARGET_KIND_LABELS[k],
                  }))}
                />
                {kind === 'project' ? (
                  <Input
                    aria-label="新项目名称"
                    placeholder="项目名称"
                    style={{ width: 200 }}
                    value={projectName}
                    onChange={(e) => setProjectName(e.target.value)}
                  />
                ) : null}
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={create}
                  disabled={kind === 'project' && !projectName.trim()}
                >
                  新建目标表
                </Button>
              </Space>
            ) : null}
          </div>
          {me.role === 'bureau-reviewer' || me.role === 'admin' ? <ReviewChainCard /> : null}
          <PageState load={load} empty={(d) => d.length === 0} emptyText="还没有绩效目标申报表">
            {(rows) => (
              <Table
                rowKey="id"
                dataSource={rows}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                columns={[
                  { title: '年度', dataIndex: 'year', width: 80 },
                  {
                    title: '单位',
                    render: (_, r) => (
                      <>
                        {r.departmentName}
                        {r.supervised ? <Tag style={{ marginLeft: 6 }}>下属单位</Tag> : null}
                      </>
                    ),
                  },
                  {
                    title: '目标表',
                    render: (_, r) => (
                      <Link to={`/targets/${r.id}`}>
                        {KIND_SHORT[r.kind]}
                        {r.projectName ? `：${r.projectName}` : ''}
                      </Link>
                    ),
                  },
                  {
                    title: '状态',
                    render: (_, r) => <TargetStatusTag status={r.status} step={r.reviewStep} />,
                  },
                  { title: '当前版本', dataIndex: 'currentVersion', width: 90 },
                  {
                    title: '批复版本',
                    width: 90,
                    render: (_, r) => (r.approvedVersion ? `第${r.approvedVersion}版` : '—'),
                  },
                  { title: '更新时间', render: (_, r) => fmtDateTime(r.updatedAt) },
                ]}
              />
            )}
          </PageState>
        </>
      )}
    </RequireRole>
  );
};

export default TargetList;
