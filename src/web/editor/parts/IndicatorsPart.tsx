import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Table, Tag, Tooltip, Typography } from 'antd';
import type { DepartmentReport, IndicatorNode } from '../../../core/model/department-report.ts';
import type { ScoredNode, ScoredReport } from '../../../core/scoring/types.ts';
import { fmtScore } from '../../lib/format.ts';
import { at, type FieldPath, pathKey, rootOf } from '../../lib/paths.ts';
import { useEditor } from '../editor-context.tsx';
import { DecimalFactField, PlainTextField } from '../fields.tsx';
import { labelFor, relabel } from '../indicator-labels.ts';

/** A node, its path, and the list it sits in (the top level or a parent's children) with that list's path. */
type Row = {
  key: string;
  path: FieldPath<IndicatorNode>;
  node: IndicatorNode;
  siblings: { list: readonly IndicatorNode[]; path: FieldPath<IndicatorNode[]> };
  children?: Row[];
};

const rowsOf = (nodes: readonly IndicatorNode[], base: FieldPath<IndicatorNode[]>): Row[] =>
  nodes.map((node, i) => {
    const path = at(base, i);
    const children = rowsOf(node.children, at(path, 'children'));
    return {
      key: pathKey(path),
      path,
      node,
      siblings: { list: nodes, path: base },
      ...(children.length ? { children } : {}),
    };
  });

const indicators = at(rootOf<DepartmentReport>(), 'indicators');

/** Scored nodes by the report heading they matched. */
const scoredByHeading = (nodes: readonly ScoredNode[], out = new Map<string, ScoredNode>()) => {
  for (const n of nodes) {
    if (n.reportName && !out.has(n.reportName)) out.set(n.reportName, n);
    scoredByHeading(n.children, out);
  }
  return out;
};

/**
 * The indicator tree: weight and self-assessed score editable, the recomputed score and the reasons for
 * lost points beside them (from the core engine), the evidence text in the expanded row.
 */
export const IndicatorsPart = ({
  nodes,
  scored,
}: {
  nodes: readonly IndicatorNode[];
  scored: ScoredReport | null;
}) => {
  const { update, readOnly } = useEditor();
  const byHeading = scoredByHeading(scored?.indicators ?? []);
  const rows = rowsOf(nodes, indicators);
  const blank = (level: IndicatorNode['level'], index: number): IndicatorNode => ({
    level,
    label: labelFor(level, index),
    name: '',
    weight: null,
    statedScore: null,
    evidence: '',
    inputs: [],
    children: [],
  });
  const addChild = (r: Row) => {
    const level = (r.node.level + 1) as IndicatorNode['level'];
    update(at(r.path, 'children'), [...r.node.children, blank(level, r.node.children.length)]);
  };
  const remove = (r: Row) => {
    update(r.siblings.path, relabel(r.siblings.list.filter((n) => n !== r.node)));
  };
  const table = (
    <Table<Row>
      size="small"
      pagination={false}
      dataSource={rows}
      defaultExpandAllRows
      locale={{ emptyText: '报告未写指标' }}
      expandable={{ indentSize: 14 }}
      columns={[
        {
          title: '指标',
          key: 'name',
          render: (_, r) => (
            <span>
              <Typography.Text type="secondary">{r.node.label ?? ''}</Typography.Text>{' '}
              {readOnly || r.node.src ? (
                r.node.name
              ) : (
                <PlainTextField path={at(r.path, 'name')} multiline={false} />
              )}
              {r.node.evidence || r.node.children.length === 0 ? (
                <div style={{ marginTop: 4 }}>
                  <PlainTextField path={at(r.path, 'evidence')} />
                </div>
              ) : null}
            </span>
          ),
        },
        {
          title: '分值',
          key: 'weight',
          width: 96,
          render: (_, r) => <DecimalFactField path={at(r.path, 'weight')} width={80} />,
        },
        {
          title: '自评得分',
          key: 'stated',
          width: 96,
          render: (_, r) => <DecimalFactField path={at(r.path, 'statedScore')} width={80} />,
        },
        {
          title: '重算得分',
          key: 'computed',
          width: 150,
          render: (_, r) => {
            const s = byHeading.get(r.node.name);
            if (!s) return <Typography.Text type="secondary">未匹配框架</Typography.Text>;
            const diff = s.difference && s.difference !== '0' ? s.difference : null;
            return (
              <span data-testid="computed-score">
                {fmtScore(s.computed)}
                {diff ? (
                  <Tag color={diff.startsWith('-') ? 'red' : 'orange'} style={{ marginLeft: 6 }}>
                    差 {diff}
                  </Tag>
                ) : null}
                {s.lost.map((l) => (
                  <Tooltip key={l.reason} title={l.reason}>
                    <div style={{ fontSize: 12, color: '#a8071a' }}>
                      扣 {l.points} 分：{l.reason.length > 14 ? `${l.reason.slice(0, 14)}…` : l.reason}
                    </div>
                  </Tooltip>
                ))}
              </span>
            );
          },
        },
        ...(readOnly
          ? []
          : [
              {
                title: '',
                key: 'edit',
                width: 76,
                render: (_: unknown, r: Row) => (
                  <span style={{ whiteSpace: 'nowrap' }}>
                    {r.node.level < 3 ? (
                      <Tooltip title="添加下级指标">
                        <Button
                          aria-label="添加下级指标"
                          size="small"
                          type="text"
                          icon={<PlusOutlined />}
                          onClick={() => addChild(r)}
                        />
                      </Tooltip>
                    ) : null}
                    <Tooltip title="删除此指标（连同下级）">
                      <Button
                        aria-label="删除此指标"
                        size="small"
                        type="text"
                        icon={<DeleteOutlined />}
                        onClick={() => remove(r)}
                      />
                    </Tooltip>
                  </span>
                ),
              },
            ]),
      ]}
    />
  );
  return (
    <>
      {table}
      {readOnly ? null : (
        <Button
          size="small"
          icon={<PlusOutlined />}
          style={{ marginTop: 8 }}
          onClick={() => update(indicators, [...nodes, blank(1, nodes.length)])}
        >
          添加一级指标
        </Button>
      )}
    </>
  );
};
