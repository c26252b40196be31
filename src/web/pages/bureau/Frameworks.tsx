/**
 * Indicator frameworks: view a year's tree (weights, the rule of each leaf, grade bands and their words);
 * a bureau (or the admin) imports the score sheet of its notice as its own framework (ImportSheet.tsx),
 * and the admin copies one for a new year, adjusts weights, checks it with the core's validator and
 * stores it.
 */
import { Button, Card, Col, Input, InputNumber, List, Row, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { BUILTIN_FRAMEWORKS } from '../../../core/framework/registry.ts';
import { RULE_KIND_TERMS } from '../../../core/framework/rule-schema.ts';
import { type Framework, type FrameworkNode, gradeBandsOf } from '../../../core/framework/schema.ts';
import { validateFramework } from '../../../core/framework/validate.ts';
import { api, ok } from '../../api/client.ts';
import type { FrameworkRow } from '../../api/types.ts';
import { PageState } from '../../app/PageState.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { setAt } from '../../lib/paths.ts';
import { useLoad } from '../../lib/use-load.ts';
import { useWrite } from '../../lib/use-write.ts';
import { ImportSheet } from './ImportSheet.tsx';

type TreeRow = { key: string; path: (string | number)[]; node: FrameworkNode; children?: TreeRow[] };
const rowsOf = (nodes: readonly FrameworkNode[], base: (string | number)[]): TreeRow[] =>
  nodes.map((node, i) => {
    const path = [...base, i];
    const children = rowsOf(node.children ?? [], [...path, 'children']);
    return { key: path.join('.'), path, node, ...(children.length ? { children } : {}) };
  });

const Tree = ({ f, onChange }: { f: Framework; onChange?: (f: Framework) => void }) => (
  <Table<TreeRow>
    size="small"
    pagination={false}
    defaultExpandAllRows
    dataSource={rowsOf(f.indicators, ['indicators'])}
    columns={[
      { title: '指标', key: 'name', render: (_, r) => r.node.name },
      {
        title: '分值',
        key: 'weight',
        width: 110,
        render: (_, r) =>
          onChange ? (
            <Input
              aria-label={`${r.node.name} 分值`}
              value={r.node.weight}
              style={{ width: 80 }}
              onChange={(e) => onChange(setAt(f, [...r.path, 'weight'], e.target.value.trim()))}
            />
          ) : (
            r.node.weight
          ),
      },
      {
        title: '评分方法',
        key: 'rule',
        width: 120,
        render: (_, r) => (r.node.rule ? <Tag>{RULE_KIND_TERMS[r.node.rule.kind]}</Tag> : null),
      },
    ]}
  />
);

const CopyForYear = ({ from, onSaved }: { from: Framework; onSaved: () => void }) => {
  const { run } = useWrite();
  const [draft, setDraft] = useState<Framework>(() => ({
    ...structuredClone(from),
    id: from.id.replace(String(from.year), String(from.year + 1)),
    year: from.year + 1,
    version: `${from.year + 1}.1`,
    name: from.name.replaceAll(String(from.year), String(from.year + 1)),
  }));
  const check = validateFramework(draft);
  const save = () =>
    run(() => ok(api.frameworks.$post({ json: { document: draft } })), {
      done: '已保存新框架',
      after: onSaved,
    });
  return (
    <Card size="small" title={`复制为新年度：${draft.name}`}>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>标识</span>
        <Input
          aria-label="框架标识"
          value={draft.id}
          style={{ width: 260 }}
          onChange={(e) => setDraft({ ...draft, id: e.target.value })}
        />
        <span>年度</span>
        <InputNumber
          aria-label="框架年度"
          value={draft.year}
          onChange={(v) => v && setDraft({ ...draft, year: v })}
        />
        <span>名称</span>
        <Input
          aria-label="框架名称"
          value={draft.name}
          style={{ width: 320 }}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
      </Space>
      <Tree f={draft} onChange={setDraft} />
      {check.ok ? (
        <Typography.Paragraph type="success" style={{ marginTop: 12 }}>
          校验通过：各级分值之和一致，总分 {draft.total}。
        </Typography.Paragraph>
      ) : (
        <List
          size="small"
          style={{ marginTop: 12 }}
          header="校验未通过"
          dataSource={check.problems}
          renderItem={(p) => <List.Item>{p.message}</List.Item>}
        />
      )}
      <Button type="primary" disabled={!check.ok} onClick={save}>
        保存为新框架
      </Button>
    </Card>
  );
};

const FrameworksFor = ({ isAdmin }: { isAdmin: boolean }) => {
  const load = useLoad(() => ok(api.frameworks.$get()), []);
  const [selected, setSelected] = useState<string>(BUILTIN_FRAMEWORKS[0]?.id ?? '');
  const [copying, setCopying] = useState(false);
  const [importing, setImporting] = useState(false);
  const f = importing ? undefined : BUILTIN_FRAMEWORKS.find((x) => x.id === selected);
  return (
    <>
      <div className="jx-page-title">
        <h1>指标框架</h1>
        <Button type={importing ? 'default' : 'primary'} onClick={() => setImporting(!importing)}>
          {importing ? '返回框架列表' : '导入评分表'}
        </Button>
      </div>
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <PageState load={load}>
            {(rows) => (
              <Table<FrameworkRow>
                size="small"
                rowKey="id"
                dataSource={rows}
                pagination={{ pageSize: 10, size: 'small' }}
                onRow={(r) => ({
                  onClick: () => {
                    if (!r.builtin) return;
                    setSelected(r.id);
                    setImporting(false);
                  },
                })}
                rowClassName={(r) => (r.id === selected ? 'ant-table-row-selected' : '')}
                columns={[
                  { title: '年度', dataIndex: 'year', width: 70, sorter: (a, b) => a.year - b.year },
                  {
                    title: '名称',
                    key: 'name',
                    render: (_, r) =>
                      r.builtin ? (
                        <Button
                          type="link"
                          size="small"
                          style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left', height: 'auto' }}
                          onClick={() => {
                            setSelected(r.id);
                            setImporting(false);
                          }}
                        >
                          {r.name}
                        </Button>
                      ) : (
                        `${r.name}（第 ${r.version} 版）`
                      ),
                  },
                  {
                    title: '类型',
                    dataIndex: 'kind',
                    width: 80,
                    render: (k: string) => (k === 'department' ? '部门整体' : '项目'),
                  },
                ]}
              />
            )}
          </PageState>
        </Col>
        <Col xs={24} lg={16}>
          {importing ? <ImportSheet onSaved={load.reload} /> : null}
          {f ? (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Card
                size="small"
                title={`${f.name}（${f.version}）`}
                extra={isAdmin ? <Button onClick={() => setCopying(true)}>复制为新年度</Button> : null}
              >
                <Typography.Paragraph type="secondary">
                  {f.region} · 总分 {f.total} · 等级：
                  {gradeBandsOf(f)
                    .map((g) => `${g.label ?? g.grade}${g.strict ? '>' : '≥'}${g.min}`)
                    .join('，')}
                  {f.source ? ` · 依据：${f.source}` : ''}
                </Typography.Paragraph>
                <Tree f={f} />
              </Card>
              {copying ? (
                <CopyForYear
                  key={f.id}
                  from={f}
                  onSaved={() => {
                    setCopying(false);
                    load.reload();
                  }}
                />
              ) : null}
            </Space>
          ) : null}
        </Col>
      </Row>
    </>
  );
};

const Frameworks = () => (
  <RequireRole roles={['bureau-reviewer', 'admin']}>
    {(me) => <FrameworksFor isAdmin={me.role === 'admin'} />}
  </RequireRole>
);
export default Frameworks;
