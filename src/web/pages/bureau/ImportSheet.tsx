/**
 * 导入评分表: the bureau uploads the score sheet of its notice (.xlsx, or a .docx table), sees the tree as
 * read with every problem listed, corrects names and scores in the page (the core's checks run as it
 * types), and saves it as a new version for a report year and kind: the reports of that year and kind in
 * its jurisdiction are then scored by it.
 */
import {
  Alert,
  App,
  Button,
  Card,
  Input,
  InputNumber,
  List,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import type { Finding } from '../../../core/findings.ts';
import type { Framework, FrameworkNode } from '../../../core/framework/schema.ts';
import { resumDerived } from '../../../core/framework/score-sheet.ts';
import { validateFramework } from '../../../core/framework/validate.ts';
import { api, ok } from '../../api/client.ts';
import { SeverityTag } from '../../app/labels.tsx';
import { setAt } from '../../lib/paths.ts';
import { useWrite } from '../../lib/use-write.ts';

type Path = (string | number)[];
type Row = { key: string; path: Path; node: FrameworkNode; children?: Row[] };
const rowsOf = (nodes: readonly FrameworkNode[], base: Path): Row[] =>
  nodes.map((node, i) => {
    const path = [...base, i];
    const children = rowsOf(node.children ?? [], [...path, 'children']);
    return { key: path.join('.'), path, node, ...(children.length ? { children } : {}) };
  });

const BETTER_LABEL = { less: '越低越好', more: '越高越好' } as const;

const Problems = ({ problems, testId }: { problems: readonly Finding[]; testId: string }) => (
  <List
    size="small"
    bordered
    data-testid={testId}
    dataSource={[...problems]}
    renderItem={(p) => (
      <List.Item data-rule={p.rule} data-severity={p.severity}>
        <Space align="start">
          <SeverityTag severity={p.severity} />
          <span>{p.message}</span>
        </Space>
      </List.Item>
    )}
  />
);

/** The tree with its names and scores editable; the row's path is its label. */
const EditTree = ({ draft, onChange }: { draft: Framework; onChange: (f: Framework) => void }) => (
  <Table<Row>
    size="small"
    pagination={false}
    expandable={{ defaultExpandAllRows: true }}
    dataSource={rowsOf(draft.indicators, ['indicators'])}
    scroll={{ x: 720 }}
    columns={[
      {
        title: '指标',
        key: 'name',
        render: (_, r) => (
          <Input
            aria-label={`指标名称 ${r.key}`}
            value={r.node.name}
            style={{ width: 220 }}
            onChange={(e) => onChange(setAt(draft, [...r.path, 'name'], e.target.value))}
          />
        ),
      },
      {
        title: '分值',
        key: 'weight',
        width: 100,
        render: (_, r) => (
          <Input
            aria-label={`分值 ${r.node.name}`}
            value={r.node.weight}
            style={{ width: 72 }}
            onChange={(e) => onChange(setAt(draft, [...r.path, 'weight'], e.target.value.trim()))}
          />
        ),
      },
      {
        title: '评分标准',
        key: 'criteria',
        render: (_, r) => (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.node.better ? <Tag>{BETTER_LABEL[r.node.better]}</Tag> : null}
            {r.node.criteria ?? ''}
          </Typography.Text>
        ),
      },
    ]}
  />
);

type Read = { framework: Framework; problems: Finding[]; derived: number[][] };

/** The shape check of a draft can fail on a weight typed as text: said as a problem, not thrown. */
const problemsOf = (draft: Framework): Finding[] => {
  const v = validateFramework(draft);
  return v.ok ? [] : v.problems;
};

export const ImportSheet = ({ onSaved }: { onSaved: () => void }) => {
  const { message } = App.useApp();
  const [reportYear, setReportYear] = useState<number>(new Date().getFullYear() - 1);
  const [kind, setKind] = useState<Framework['kind']>('department');
  const { run, busy } = useWrite();
  const saving = useWrite();
  const [read, setRead] = useState<Read | null>(null);
  const [draft, setDraft] = useState<Framework | null>(null);
  const [edited, setEdited] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  const upload = async (file: File) => {
    setSaved(null);
    await run(async () => {
      const r = (await ok(api.frameworks.import.$post({ form: { file, reportYear, kind } }))) as Read;
      setRead(r);
      setDraft({ ...r.framework, reportYear, kind });
      setEdited(false);
    });
    return false;
  };

  // A heading the sheet gives no score of its own follows its children as they are corrected.
  const change = (f: Framework) => {
    setDraft(read ? resumDerived(f, read.derived) : f);
    setEdited(true);
  };

  // Before any correction: every problem as read. After: the checks of the corrected tree, and the notes
  // of reading (unknown columns) that no correction changes.
  const current = draft ? problemsOf(draft) : [];
  const shown = !read
    ? []
    : edited
      ? [...current, ...read.problems.filter((p) => p.severity !== 'error')]
      : read.problems;
  const errors = edited
    ? current.length
    : read
      ? read.problems.filter((p) => p.severity === 'error').length
      : 0;
  const canSave = draft !== null && current.length === 0;

  const save = async () => {
    if (!draft) return;
    await saving.run(async () => {
      const row = await ok(api.frameworks.$post({ json: { document: draft } }));
      const text = `已保存「${row.name}」第 ${row.version} 版：${draft.reportYear} 年度${kind === 'department' ? '部门整体' : '项目'}报告按此评分`;
      setSaved(text);
      message.success(text);
      onSaved();
    });
  };

  return (
    <Card size="small" title="导入评分表" data-testid="import-sheet">
      <Typography.Paragraph type="secondary">
        上传通知所附的评分表（Excel 工作簿，或 Word 文档中的表格：一级/二级/三级指标、分值、评分标准），
        核对读取结果、改正问题后保存；本辖区该年度该类型的报告即按此评分。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>适用报告年度</span>
        <InputNumber
          aria-label="适用报告年度"
          value={reportYear}
          min={2000}
          max={2100}
          onChange={(v) => {
            if (!v) return;
            setReportYear(v);
            if (draft) change({ ...draft, reportYear: v });
          }}
        />
        <span>报告类型</span>
        <Select
          aria-label="报告类型"
          value={kind}
          style={{ width: 140 }}
          options={[
            { value: 'department', label: '部门整体' },
            { value: 'project', label: '项目支出' },
          ]}
          onChange={(v) => {
            setKind(v);
            if (draft) change({ ...draft, kind: v });
          }}
        />
        <Upload accept=".xlsx,.docx" showUploadList={false} beforeUpload={upload} disabled={busy}>
          <Button loading={busy} data-testid="choose-sheet">
            选择评分表文件
          </Button>
        </Upload>
      </Space>
      {draft && read ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Space wrap>
            <span>标识</span>
            <Input
              aria-label="新框架标识"
              value={draft.id}
              style={{ width: 240 }}
              onChange={(e) => change({ ...draft, id: e.target.value.trim() })}
            />
            <span>名称</span>
            <Input
              aria-label="新框架名称"
              value={draft.name}
              style={{ width: 340 }}
              onChange={(e) => change({ ...draft, name: e.target.value })}
            />
            <span>地区</span>
            <Input
              aria-label="新框架地区"
              value={draft.region}
              style={{ width: 140 }}
              onChange={(e) => change({ ...draft, region: e.target.value })}
            />
          </Space>
          {errors > 0 ? (
            <Alert
              type="error"
              showIcon
              data-testid="sheet-status"
              message={`有 ${errors} 处问题需要改正，改正后才能保存`}
            />
          ) : (
            <Alert
              type="success"
              showIcon
              data-testid="sheet-status"
              message={`校验通过：${draft.indicators.length} 个一级指标，总分 ${draft.total}`}
            />
          )}
          {shown.length ? <Problems problems={shown} testId="sheet-problems" /> : null}
          <EditTree draft={draft} onChange={change} />
          <Space>
            <Button type="primary" disabled={!canSave} onClick={save}>
              保存为新版本
            </Button>
            {saved ? (
              <Typography.Text type="success" data-testid="sheet-saved">
                {saved}
              </Typography.Text>
            ) : null}
          </Space>
        </Space>
      ) : null}
    </Card>
  );
};
