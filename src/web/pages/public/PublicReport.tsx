/** A published report for the public: its figures, the scored indicators and the downloads. */

import { Button, Card, Descriptions, Result, Space, Table, Typography } from 'antd';
import { z } from 'zod';

import { REPORT_KIND_TERMS } from '../../../core/glossary.ts';
import type { Grade } from '../../../core/model/index.ts';
import { Report } from '../../../core/model/report.ts';
import { api, ok } from '../../api/client.ts';
import { publicRenderUrl, RENDER_FORMATS } from '../../api/reports.ts';
import type { PublicScore } from '../../api/types.ts';
import { GradeTag } from '../../app/labels.tsx';
import { PageState } from '../../app/PageState.tsx';
import { param, useQueryParams } from '../../app/query.ts';
import { Link } from '../../app/router.tsx';
import { fmtDate, fmtScore, fmtWan } from '../../lib/format.ts';
import { useLoad } from '../../lib/use-load.ts';
import { PublicAttachments } from '../../report/PublicAttachments.tsx';
import { publicScoreWords, reviewedWords } from './public-score.ts';

type Scored = PublicScore['indicators'][number];
type Row = Omit<Scored, 'children'> & { key: string; children?: Row[] };
const rows = (nodes: readonly Scored[], base = ''): Row[] =>
  nodes.map((n, i) => {
    const key = `${base}${i}`;
    const { children: kids, ...rest } = n;
    const children = rows(kids as Scored[], `${key}.`);
    return { ...rest, key, ...(children.length ? { children } : {}) };
  });

/** The report's own title, else year, department or project, and the kind of report. */
const titleOf = (doc: Report): string => {
  if (doc.title?.value) return doc.title.value;
  const who = doc.kind === 'department' ? doc.department.name?.value : doc.project.name?.value;
  return `${doc.year?.value ? `${doc.year.value}年度` : ''}${who ?? ''}${REPORT_KIND_TERMS[doc.kind]}`;
};

type Reviewed = { reviewedTotal: string | null; reviewedGrade: Grade | null };

const ReportBody = ({ doc, reviewed, scored }: { doc: Report; reviewed: Reviewed; scored: PublicScore }) => {
  // The server's evaluation, by the framework the report is bound to (a bureau's own one included): no
  // framework fits → the report's own scores, never invented ones, and not called recomputed.
  const words = publicScoreWords(scored.basis);
  const unchanged = reviewedWords(reviewed.reviewedTotal);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title="概况">
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} bordered>
          {doc.kind === 'department' ? (
            <>
              <Descriptions.Item label="部门">{doc.department.name?.value ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="年度">{doc.year?.value ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="编制/在职">
                {doc.staffing.authorized?.value ?? '—'} / {doc.staffing.inService?.value ?? '—'} 人
              </Descriptions.Item>
              <Descriptions.Item label="收入决算">{fmtWan(doc.income?.final?.value)}</Descriptions.Item>
              <Descriptions.Item label="支出决算">{fmtWan(doc.expenditure?.final?.value)}</Descriptions.Item>
              <Descriptions.Item label="三公经费">{fmtWan(doc.threePublic?.actual?.value)}</Descriptions.Item>
            </>
          ) : (
            <>
              <Descriptions.Item label="项目">{doc.project.name?.value ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="主管部门">{doc.project.department?.value ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="年度">{doc.year?.value ?? '—'}</Descriptions.Item>
            </>
          )}
          <Descriptions.Item label={words.total}>
            <strong data-testid="public-total">{fmtScore(scored.total)}</strong>{' '}
            <GradeTag grade={scored.grade} label={scored.gradeLabel} />
          </Descriptions.Item>
          <Descriptions.Item label="财政审核得分">
            {unchanged ? (
              <span data-testid="public-reviewed-total">{unchanged}</span>
            ) : (
              <>
                <strong data-testid="public-reviewed-total">{fmtScore(reviewed.reviewedTotal)}</strong>{' '}
                <GradeTag grade={reviewed.reviewedGrade} />
              </>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="报告自评">
            {fmtScore(scored.statedTotal)} <GradeTag grade={scored.statedGrade} />
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {words.note ? (
        <Typography.Paragraph type="secondary" data-testid="public-basis">
          {words.note}
        </Typography.Paragraph>
      ) : null}
      {scored.frameworkName ? (
        <Typography.Paragraph type="secondary" data-testid="public-framework">
          评分依据：{scored.frameworkName}
        </Typography.Paragraph>
      ) : null}
      {scored.indicators.length ? (
        <Card size="small" title="指标得分">
          <Table<Row>
            size="small"
            pagination={false}
            dataSource={rows(scored.indicators)}
            defaultExpandAllRows
            scroll={{ x: 520 }}
            columns={[
              { title: '指标', dataIndex: 'name' },
              { title: '分值', dataIndex: 'weight', width: 70, align: 'right' },
              {
                title: '得分',
                key: 'computed',
                width: 80,
                align: 'right',
                render: (_, n) => fmtScore(n.computed),
              },
              {
                title: '扣分原因',
                key: 'lost',
                render: (_, n) => n.lost.map((l) => `${l.reason}（扣 ${l.points} 分）`).join('；'),
              },
            ]}
          />
        </Card>
      ) : null}
      {doc.kind === 'department' && (doc.problems.problems || doc.problems.measures) ? (
        <Card size="small" title="存在的问题和改进措施">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
            {doc.problems.problems?.value}
          </Typography.Paragraph>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
            {doc.problems.measures?.value}
          </Typography.Paragraph>
        </Card>
      ) : null}
    </Space>
  );
};

/** The version shown (`?v=`): the first when absent. */
const Params = z.object({ v: param.positive() });

const PublicReport = ({ params }: { params: Record<string, string> }) => {
  const id = params.id ?? '';
  const version = useQueryParams(Params).v ?? 1;
  const load = useLoad(async () => {
    const v = await ok(
      api.public.reports[':id'].versions[':version'].$get({ param: { id, version: String(version) } }),
    );
    return { ...v, doc: Report.parse(v.document) };
  }, [id, version]);
  if (load.error) {
    return <Result status="404" title="报告不存在或尚未公开" extra={<Link to="/">返回公开报告</Link>} />;
  }
  return (
    <PageState load={load}>
      {(v) => (
        <>
          <div className="jx-page-title">
            <h1>{titleOf(v.doc)}</h1>
            <Space wrap>
              {RENDER_FORMATS.map((f) => (
                <Button key={f.format} href={publicRenderUrl(id, version, f.format)} data-format={f.format}>
                  下载 {f.label}
                </Button>
              ))}
            </Space>
          </div>
          <Typography.Paragraph type="secondary">
            第 {v.version} 版 · 保存于 {fmtDate(v.createdAt)} · <Link to="/">返回列表</Link>
          </Typography.Paragraph>
          <ReportBody doc={v.doc} reviewed={v} scored={v.score} />
          <PublicAttachments id={id} version={version} />
        </>
      )}
    </PageState>
  );
};
export default PublicReport;
