/**
 * The columns of a list of reports, one set for every list (the department's workspace, the bureau's
 * report list): each list picks the ones it shows, in its order.
 */

import type { TableColumnType } from 'antd';
import { Tag } from 'antd';
import { SEVERITY_TERMS } from '../../core/glossary.ts';
import type { ReportStatus } from '../../core/workflow.ts';
import type { ReportRow } from '../api/types.ts';
import { fmtDateTime, fmtScore } from '../lib/format.ts';
import { compareNumbers } from '../lib/sort.ts';
import { GradeTag, KIND_SHORT, StatusTag } from './labels.tsx';
import { Link } from './router.tsx';

/** The columns, the report's name linking to `linkOf(row)`. */
export const reportColumns = (linkOf: (r: ReportRow) => string) =>
  ({
    year: {
      title: '年度',
      dataIndex: 'year',
      width: 80,
      sorter: (a, b) => a.year - b.year,
      defaultSortOrder: 'descend',
    },
    name: {
      title: '报告',
      key: 'name',
      render: (_, r) => (
        <Link to={linkOf(r)}>
          {r.departmentName} · {KIND_SHORT[r.kind]}
          {r.projectName ? ` · ${r.projectName}` : ''}
        </Link>
      ),
      sorter: (a, b) => a.departmentName.localeCompare(b.departmentName, 'zh-CN'),
    },
    status: {
      title: '状态',
      dataIndex: 'status',
      width: 110,
      render: (s: ReportStatus) => <StatusTag status={s} />,
    },
    total: {
      title: '重算得分',
      key: 'total',
      width: 110,
      align: 'right',
      render: (_, r) => fmtScore(r.computedTotal),
      sorter: (a, b) => compareNumbers(a.computedTotal, b.computedTotal),
    },
    grade: { title: '等级', key: 'grade', width: 70, render: (_, r) => <GradeTag grade={r.grade} /> },
    reviewed: {
      title: '审核得分',
      key: 'reviewed',
      width: 100,
      align: 'right',
      render: (_, r) => (r.reviewedTotal === null ? '—' : fmtScore(r.reviewedTotal)),
      sorter: (a, b) => compareNumbers(a.reviewedTotal, b.reviewedTotal),
    },
    reviewedGrade: {
      title: '审核等级',
      key: 'reviewedGrade',
      width: 80,
      render: (_, r) => (r.reviewedGrade ? <GradeTag grade={r.reviewedGrade} /> : '—'),
    },
    errors: {
      title: `审核${SEVERITY_TERMS.error}`,
      key: 'errors',
      width: 100,
      align: 'right',
      render: (_, r) =>
        r.findings.errors ? <Tag color="red">{r.findings.errors} 处</Tag> : <Tag color="green">无</Tag>,
      sorter: (a, b) => a.findings.errors - b.findings.errors,
    },
    warnings: {
      title: SEVERITY_TERMS.warning,
      key: 'warnings',
      width: 70,
      align: 'right',
      render: (_, r) => r.findings.warnings,
    },
    version: { title: '版本', dataIndex: 'currentVersion', width: 70, align: 'right' },
    updatedAt: {
      title: '更新时间',
      dataIndex: 'updatedAt',
      width: 160,
      render: (d: string) => fmtDateTime(d),
      sorter: (a, b) => a.updatedAt.localeCompare(b.updatedAt),
    },
  }) satisfies Record<string, TableColumnType<ReportRow>>;
