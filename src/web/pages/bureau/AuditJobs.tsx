/**
 * 批量审核: the bureau uploads report files or a zip of a whole county's reports, watches each job's
 * progress, and downloads the results as CSV (one row per report) once done, or what is done so far.
 */
import { InboxOutlined } from '@ant-design/icons';
import { App, Button, Card, Progress, Space, Table, Tag, Typography, Upload, type UploadFile } from 'antd';
import { useEffect, useState } from 'react';
import { api, ok, withCsrf } from '../../api/client.ts';
import type { JobRow as JobView } from '../../api/types.ts';
import { PageState } from '../../app/PageState.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { chineseOnly } from '../../lib/chinese-message.ts';
import { useLoad } from '../../lib/use-load.ts';
import { useWrite } from '../../lib/use-write.ts';

const STATE: Record<JobView['state'], { text: string; color: string }> = {
  queued: { text: '排队中', color: 'default' },
  running: { text: '审核中', color: 'processing' },
  done: { text: '已完成', color: 'success' },
};

const ACCEPT = '.zip,.docx,.doc,.wps,.pdf,.xlsx,.xls,.html,.htm,.mhtml,.mht,.txt,.json';

const Jobs = () => {
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const { run, busy: sending } = useWrite();
  const jobs = useLoad(() => ok(api.jobs.$get()), []);
  const running = (jobs.data ?? []).some((j) => j.state !== 'done');
  // Progress: ask again every two seconds while a job is still running.
  useEffect(() => {
    if (!running) return;
    const t = setInterval(jobs.reload, 2000);
    return () => clearInterval(t);
  }, [running, jobs.reload]);
  const submit = async () => {
    const form = new FormData();
    for (const f of files) if (f.originFileObj) form.append('file', f.originFileObj, f.name);
    await run(async () => {
      const res = await withCsrf('/api/jobs', { method: 'POST', body: form });
      const body = (await res.json().catch(() => null)) as { message?: string; files?: number } | null;
      if (!res.ok) throw new Error(body?.message ? chineseOnly(body.message) : `提交失败（${res.status}）`);
      message.success(`已提交：${body?.files ?? 0} 份报告`);
      setFiles([]);
      jobs.reload();
    });
  };
  return (
    <>
      <Typography.Title level={3}>批量审核</Typography.Title>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Upload.Dragger
          multiple
          accept={ACCEPT}
          fileList={files}
          beforeUpload={() => false}
          onChange={(i) => setFiles(i.fileList)}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">将报告文件或报告压缩包（.zip）拖到此处，或点击选择</p>
          <p className="ant-upload-hint">逐份一致性审核，结果可下载为 CSV 表格（每份报告一行）</p>
        </Upload.Dragger>
        <Button
          type="primary"
          style={{ marginTop: 12 }}
          disabled={files.length === 0}
          loading={sending}
          onClick={submit}
        >
          开始审核
        </Button>
      </Card>
      <PageState load={jobs}>
        {(list) => (
          <Table<JobView>
            size="small"
            rowKey="id"
            dataSource={list}
            pagination={false}
            locale={{ emptyText: '尚无批量审核任务' }}
            columns={[
              { title: '任务', dataIndex: 'name' },
              {
                title: '提交时间',
                key: 'at',
                width: 170,
                render: (_, j) => new Date(j.createdAt).toLocaleString('zh-CN', { hour12: false }),
              },
              {
                title: '进度',
                key: 'progress',
                width: 260,
                render: (_, j) => (
                  <Space direction="vertical" size={0} style={{ width: '100%' }}>
                    <Progress
                      percent={Math.floor((100 * j.filesDone) / j.files)}
                      status={j.state === 'done' ? 'success' : 'active'}
                      size="small"
                    />
                    <Typography.Text type="secondary">
                      {j.filesDone} / {j.files} 份
                    </Typography.Text>
                  </Space>
                ),
              },
              {
                title: '有错误',
                key: 'errors',
                width: 80,
                render: (_, j) => <span data-testid="job-errors">{j.withErrors}</span>,
              },
              { title: '无法读取', dataIndex: 'unreadable', width: 90 },
              {
                title: '状态',
                key: 'state',
                width: 90,
                render: (_, j) => <Tag color={STATE[j.state].color}>{STATE[j.state].text}</Tag>,
              },
              {
                title: '结果',
                key: 'csv',
                width: 120,
                render: (_, j) =>
                  j.filesDone > 0 ? (
                    <a href={`/api/jobs/${j.id}/results.csv`} download>
                      {j.state === 'done' ? '下载 CSV' : '下载已完成部分'}
                    </a>
                  ) : null,
              },
            ]}
          />
        )}
      </PageState>
    </>
  );
};

const AuditJobs = () => <RequireRole roles={['bureau-reviewer', 'admin']}>{() => <Jobs />}</RequireRole>;

export default AuditJobs;
