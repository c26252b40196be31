/**
 * Use case: a preparer starts a report of their department — from a document (the editor) or from an
 * uploaded file (any type the readers take: src/formats/extensions.ts), which becomes a new draft with the reader's warnings.
 */

import { extname } from 'node:path';
import type { Finding } from '../core/findings.ts';
import type { Report as ReportDocument } from '../core/model/index.ts';
import { failure, type Result } from '../core/result.ts';
import { READ_EXTENSIONS, READ_EXTENSIONS_TEXT } from '../formats/extensions.ts';
import { LIMIT_CODES, readReportIsolated } from '../formats/isolate/index.ts';
import { invalid, needRole } from './access.ts';
import { checkIdentity, logConfirmed } from './file-identity.ts';
import { evaluateStored } from './framework-choice.ts';
import { figuresOf } from './report-scoring.ts';
import type { Report, ReportVersion, Store, User } from './store.ts';

export const UPLOAD_EXTENSIONS = READ_EXTENSIONS;
/** Uploads above this are refused before reading: real reports, even .docx with images, are far smaller. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export type Created = { report: Report; version: ReportVersion; warnings: Finding[] };

const projectNameOf = (d: ReportDocument): string | null =>
  d.kind === 'project' ? (d.project.name?.value ?? null) : null;

export const createReport = async (
  store: Store,
  actor: User,
  input: { document: ReportDocument; year?: number | undefined; summary?: string | undefined },
): Promise<Result<Created>> => {
  const refused = needRole(actor, ['preparer']);
  if (refused) return refused;
  if (!actor.departmentId) return failure('forbidden', '账号未关联单位', 'the account has no department');
  const year = input.year ?? input.document.year?.value;
  if (year === undefined)
    return invalid('报告中没有年度，请填写年度', 'the report states no year; give the year');
  const { evaluation, frameworkId } = await evaluateStored(
    store,
    input.document,
    { boundId: null, departmentId: actor.departmentId, year },
    { audit: false },
  );
  const created = await store.reports.create(
    {
      departmentId: actor.departmentId,
      year,
      kind: input.document.kind,
      projectName: projectNameOf(input.document),
      frameworkId,
      document: input.document,
      figures: figuresOf(input.document, evaluation),
      summary: input.summary ?? '新建',
    },
    actor.id,
  );
  if (!created.ok) return created;
  return { ok: true, value: { ...created.value, warnings: input.document.meta.warnings } };
};

/**
 * Reads an uploaded file and creates the draft; a file that cannot be read gives a clear 4xx reason. A
 * file naming another unit, or another year than the one chosen, needs a reason (src/app/file-identity.ts).
 */
export const importReport = async (
  store: Store,
  actor: User,
  input: {
    filename: string;
    bytes: Uint8Array;
    year?: number | undefined;
    reason?: string | undefined;
  },
): Promise<Result<Created>> => {
  const refused = needRole(actor, ['preparer']);
  if (refused) return refused;
  if (!actor.departmentId) return failure('forbidden', '账号未关联单位', 'the account has no department');
  const department = await store.org.getDepartment(actor.departmentId);
  if (!department) return failure('forbidden', '账号未关联单位', 'the account has no department');
  const read = await readUpload(input.filename, input.bytes);
  if (!read.ok) return read;
  const confirmed = checkIdentity(
    read.value,
    { departmentName: department.name, year: input.year },
    input.reason,
  );
  if (!confirmed.ok) return confirmed;
  const created = await createReport(store, actor, {
    document: read.value,
    year: input.year,
    summary: `导入 ${input.filename}${confirmed.value.note}`,
  });
  if (created.ok)
    await logConfirmed(store, actor, confirmed.value, {
      reportId: created.value.report.id,
      version: created.value.version.version,
      filename: input.filename,
    });
  return created;
};

/** The report in an uploaded file, or why it cannot be read (code `bad-upload`). */
export const readUpload = async (
  filename: string,
  bytes: Uint8Array,
  signal?: AbortSignal,
): Promise<Result<ReportDocument>> => {
  const ext = extname(filename).toLowerCase();
  if (!(UPLOAD_EXTENSIONS as readonly string[]).includes(ext))
    return failure(
      'bad-upload',
      `不支持的文件类型 ${ext || '（无扩展名）'}，请上传 ${READ_EXTENSIONS_TEXT} 文件`,
      `upload one of ${READ_EXTENSIONS.join(' ')}`,
    );
  if (bytes.byteLength > MAX_UPLOAD_BYTES)
    return failure('too-large', '文件超过 20 MB，不像自评报告', 'file larger than 20 MB');
  // A .docx or .xlsx is read in a worker: the server's thread only waits, whatever the file costs.
  const read = await readReportIsolated(bytes, { signal });
  if (!read.ok) {
    const code = LIMIT_CODES.includes(read.code)
      ? 'too-large'
      : read.code === 'read.busy'
        ? 'rate-limited'
        : 'bad-upload';
    return failure(code, read.message, read.code, { reason: read.code });
  }
  return { ok: true, value: read.value };
};
