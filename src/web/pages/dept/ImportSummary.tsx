import { Alert, Descriptions, List } from 'antd';
import type { Finding } from '../../../core/findings.ts';
import { SEVERITY_TERMS } from '../../../core/glossary.ts';
import type { Report } from '../../../core/model/report.ts';
import { SeverityTag } from '../../app/labels.tsx';
import { fmtWan } from '../../lib/format.ts';

const countNodes = (nodes: readonly { children: readonly unknown[] }[]): number =>
  nodes.reduce((n, x) => n + 1 + countNodes(x.children as { children: readonly unknown[] }[]), 0);

/** What the reader found in an uploaded file, and what it could not read. */
export const ImportSummary = ({ doc, warnings }: { doc: Report; warnings: readonly Finding[] }) => (
  <>
    <Descriptions size="small" bordered column={2} title="读取到的内容" data-testid="import-summary">
      <Descriptions.Item label="类型">
        {doc.kind === 'department' ? '部门整体支出绩效自评报告' : '项目支出绩效自评表'}
      </Descriptions.Item>
      <Descriptions.Item label="年度">{doc.year?.value ?? '未读到'}</Descriptions.Item>
      {doc.kind === 'department' ? (
        <>
          <Descriptions.Item label="部门">{doc.department.name?.value ?? '未读到'}</Descriptions.Item>
          <Descriptions.Item label="支出决算">{fmtWan(doc.expenditure?.final?.value)}</Descriptions.Item>
          <Descriptions.Item label="支出表">
            {doc.expenditureTable ? `${doc.expenditureTable.rows.length} 行` : '未读到'}
          </Descriptions.Item>
          <Descriptions.Item label="三公经费">{fmtWan(doc.threePublic?.actual?.value)}</Descriptions.Item>
          <Descriptions.Item label="绩效目标">
            {doc.targets ? `${doc.targets.rows.length} 个` : '未读到'}
          </Descriptions.Item>
          <Descriptions.Item label="指标">{countNodes(doc.indicators)} 项</Descriptions.Item>
          <Descriptions.Item label="自评总分">
            {doc.conclusion?.statedTotal?.value ?? '未读到'}
          </Descriptions.Item>
          <Descriptions.Item label="自评等级">
            {doc.conclusion?.statedGrade?.value ?? '未读到'}
          </Descriptions.Item>
        </>
      ) : (
        <>
          <Descriptions.Item label="项目">{doc.project.name?.value ?? '未读到'}</Descriptions.Item>
          <Descriptions.Item label="资金行">{doc.funds.length} 行</Descriptions.Item>
          <Descriptions.Item label="指标">{doc.indicators.length} 项</Descriptions.Item>
          <Descriptions.Item label="自评总分">{doc.statedTotal?.value ?? '未读到'}</Descriptions.Item>
        </>
      )}
    </Descriptions>
    {warnings.length === 0 ? (
      <Alert
        type="success"
        showIcon
        title={`读取时没有${SEVERITY_TERMS.warning}`}
        style={{ marginTop: 12 }}
      />
    ) : (
      <List
        style={{ marginTop: 12 }}
        size="small"
        bordered
        header={`读取${SEVERITY_TERMS.warning}（${warnings.length} 条）：这些内容未能读出或有疑问，请在编辑时核对`}
        dataSource={[...warnings]}
        renderItem={(w) => (
          <List.Item>
            <SeverityTag severity={w.severity} /> {w.message}
          </List.Item>
        )}
      />
    )}
  </>
);
