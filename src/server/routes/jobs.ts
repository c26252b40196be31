/**
 * Batch jobs from the web app: the bureau uploads report files or a zip of them, watches the progress,
 * and downloads the results as CSV. The work runs in whatever works the queue (`jixiao worker`
 * processes, or this server on the embedded database).
 */
import { Hono } from 'hono';
import { auditCsvRow, csvHead, csvLine } from '../../app/batch-csv.ts';
import {
  type JobFile,
  jobResults,
  jobView,
  listJobs,
  seeJob,
  submitAuditJob,
} from '../../app/jobs/audit-job.ts';
import type { Env } from '../context.ts';
import { fail } from '../errors.ts';
import { limit, MB, me, send } from '../respond.ts';
import { doc } from '../route-doc.ts';
import { IdParam } from '../schemas.ts';
import { zv } from '../validate.ts';

/** A county's or a province's reports in one zip. */
const JOB_UPLOAD = 512 * MB;

export const jobRoutes = new Hono<Env>()
  .get(
    '/',
    doc({ summary: '本地区的批量审核任务 (batch jobs in scope)', access: ['bureau-reviewer', 'admin'] }),
    async (c) => {
      const jobs = await listJobs(c.get('store'), me(c));
      return jobs.ok ? c.json(jobs.value.map(jobView), 200) : fail(c, jobs);
    },
  )
  .post(
    '/',
    doc({
      summary: '提交批量审核：报告文件或 .zip，表单字段 file 可重复 (submit a bulk audit: files or a zip)',
      access: ['bureau-reviewer', 'admin'],
      created: true,
    }),
    limit(JOB_UPLOAD),
    async (c) => {
      let form: FormData;
      try {
        form = await c.req.formData();
      } catch {
        return fail(c, {
          ok: false,
          code: 'invalid',
          message: '请上传文件 (a multipart upload is required)',
        });
      }
      const files: JobFile[] = [];
      for (const f of form.getAll('file'))
        if (f instanceof File) files.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
      const job = await submitAuditJob(c.get('store'), c.get('jobs'), me(c), files);
      return job.ok ? c.json(jobView(job.value), 201) : fail(c, job);
    },
  )
  .get(
    '/:id',
    doc({ summary: '任务进度 (a job’s progress)', access: ['bureau-reviewer', 'admin'] }),
    zv('param', IdParam),
    async (c) => {
      const job = await seeJob(c.get('store'), me(c), c.req.valid('param').id);
      return send(c, job.ok ? { ok: true, value: jobView(job.value) } : job);
    },
  )
  .get(
    '/:id/results.csv',
    doc({
      summary: '任务结果 CSV，按文件顺序，进行中则为已完成部分 (results as CSV, in file order)',
      access: ['bureau-reviewer', 'admin'],
      download: true,
    }),
    zv('param', IdParam),
    async (c) => {
      const store = c.get('store');
      const job = await seeJob(store, me(c), c.req.valid('param').id);
      if (!job.ok) return fail(c, job);
      const encoder = new TextEncoder();
      const rows = jobResults(store, job.value.id);
      let head = true;
      // Row by row as the client reads: a province's results are never all in memory.
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (head) {
            head = false;
            controller.enqueue(encoder.encode(csvHead()));
            return;
          }
          const next = await rows.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(csvLine(auditCsvRow(next.value))));
        },
      });
      return c.body(body, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="audit-job.csv"; filename*=UTF-8''${encodeURIComponent(`批量审核-${job.value.name}.csv`)}`,
      });
    },
  );
