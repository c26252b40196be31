/**
 * The API's request shapes, defined once: the routes validate with them, the web client gets their
 * types through `hc<AppType>`, and openapi.ts turns them into the document's schemas.
 */
import { z } from 'zod';
import { BATCH_FORMATS } from '../app/batch-export.ts';
import { OPEN_DATA_SETS } from '../app/open-data-export.ts';
import { PROGRESS_STEPS } from '../app/progress.ts';
import { JURISDICTION_LEVELS, REPORT_KINDS } from '../app/store.ts';
import { Report as ReportDocument, ShallowReport } from '../core/model/index.ts';
import { REPORT_STATUSES, ROLES } from '../core/workflow.ts';

export const Uuid = z.uuid({ error: '应为 UUID (expected a UUID)' });
const Year = z.coerce.number().int().min(2000).max(2100);
/** Version numbers are a PostgreSQL integer: anything larger is a 400 here, never a database error. */
const MAX_VERSION = 2_147_483_647;
const Version = z.number().int().positive().max(MAX_VERSION, '版本号过大 (version number out of range)');
const VersionText = z.coerce
  .number()
  .int()
  .positive()
  .max(MAX_VERSION, '版本号过大 (version number out of range)');

export const IdParam = z.object({ id: Uuid });
export const VersionParam = z.object({ id: Uuid, version: VersionText });
export const RenderParam = VersionParam.extend({ format: z.enum(['docx', 'pdf', 'html', 'xlsx']) });

export const LoginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(200),
});

const ErrorCount = z.coerce.number().int().min(0).max(100_000);
/** The filters of a report list (and of a batch export taken from it). */
const ReportFilterFields = {
  year: Year.optional(),
  status: z.enum(REPORT_STATUSES).optional(),
  kind: z.enum(REPORT_KINDS).optional(),
  departmentId: Uuid.optional(),
  jurisdictionId: Uuid.optional(),
  /** Words found in the department's name or 编码, or the project's name. */
  q: z.string().trim().max(100).optional(),
  /** Audit errors on the current version, at least / at most. */
  minErrors: ErrorCount.optional(),
  maxErrors: ErrorCount.optional(),
  /** Only reports whose targets differ from their approved target table ("true"). */
  targetsChanged: z.union([z.boolean(), z.stringbool()]).optional(),
};
export const ReportListQuery = z.object(ReportFilterFields);
export const BatchExportBody = z.object({
  format: z.enum(BATCH_FORMATS),
  /** The selected reports; none: every report the filter lists. */
  ids: z.array(Uuid).min(1).max(5000).optional(),
  filter: z.object(ReportFilterFields).default({}),
});
export const ProgressQuery = z.object({
  year: Year,
  jurisdictionId: Uuid.optional(),
  step: z.enum(PROGRESS_STEPS).optional(),
  kind: z.enum(REPORT_KINDS).optional(),
});

export const CreateReportBody = z.object({
  document: ReportDocument,
  year: Year.optional(),
  summary: z.string().max(200).optional(),
});

export const SaveVersionBody = z.object({
  expectedVersion: Version,
  document: ReportDocument,
  summary: z.string().max(200).optional(),
});

/** SaveVersionBody for a document with a shallow indicator tree (ShallowReport): z.compile can compile it. */
export const ShallowSaveVersionBody = SaveVersionBody.extend({ document: ShallowReport });

/** Why a file naming another unit or year is saved all the same (asked only then). */
const IdentityReason = z.string().trim().max(200, '理由不超过 200 字 (at most 200 characters)');

/**
 * Multipart upload: the file and, when the report does not state it, the year; `reason` when the file
 * names another unit or year (the server asks for it with 409 identity-mismatch).
 */
export const UploadForm = z.object({
  file: z.instanceof(File, { error: '请选择要上传的文件 (a file is required)' }),
  year: Year.optional(),
  reason: IdentityReason.optional(),
});
export const UploadVersionForm = UploadForm.omit({ year: true }).extend({
  expectedVersion: VersionText,
});
/** 上传新版本, first step: the file is read and compared, nothing saved. */
export const PreviewVersionForm = UploadForm.pick({ file: true });
/** 试算 of a file (POST /api/read): the file only, read and given back, nothing saved. */
export const ReadForm = UploadForm.pick({ file: true });

export const StatusBody = z.object({ from: z.enum(REPORT_STATUSES).optional() });
export const ApproveBody = StatusBody.extend({
  /** 审核意见, kept as an approval-opinion comment. */
  opinion: z.string().trim().max(2000).optional(),
});
export const ReturnBody = StatusBody.extend({
  reason: z.string().trim().min(1, '退回必须写明理由').max(2000),
});

export const ExplanationBody = z.object({
  key: z.string().min(1).max(200),
  body: z.string().trim().min(1, '说明不能为空').max(2000),
});
export const CommentBody = z.object({
  body: z.string().trim().min(1, '内容不能为空').max(4000),
  indicatorPath: z.string().max(500).optional(),
});
export const RescoreBody = z.object({
  indicatorPath: z.string().min(1).max(500),
  score: z.string().regex(/^\d+(\.\d{1,2})?$/, '得分应为数字，最多两位小数'),
  reason: z.string().trim().min(1, '审核得分必须写明理由').max(2000),
});

export const DashboardQuery = z.object({ jurisdictionId: Uuid, year: Year });
export const SampleBody = z.object({
  jurisdictionId: Uuid,
  year: z.number().int().min(2000).max(2100),
  size: z.number().int().min(1).max(1000).optional(),
  percent: z.number().min(1).max(100).optional(),
});

export const NewUserBody = z.object({
  username: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[\p{L}\p{N}_.-]+$/u, '用户名只能含文字、数字和 _ . -'),
  displayName: z.string().trim().min(1).max(100),
  password: z.string().min(10).max(200),
  role: z.enum(ROLES),
  departmentId: Uuid.nullish(),
  jurisdictionId: Uuid.nullish(),
});
export const PasswordChangeBody = z.object({
  current: z.string().min(1).max(200),
  next: z.string().min(1).max(200),
});
export const UserPatchBody = z.object({
  displayName: z.string().trim().min(1).max(100).optional(),
  password: z.string().min(10).max(200).optional(),
  disabled: z.boolean().optional(),
  /** 调动: a department account to another department, the others to another jurisdiction. */
  departmentId: Uuid.optional(),
  jurisdictionId: Uuid.optional(),
});

export const NewDepartmentBody = z.object({
  name: z.string().trim().min(1).max(200),
  code: z.string().trim().min(1).max(50).nullish(),
  jurisdictionId: Uuid,
  supervisorId: Uuid.nullish(),
});
export const DepartmentPatchBody = NewDepartmentBody.partial().extend({ disabled: z.boolean().optional() });
export const NewJurisdictionBody = z.object({
  name: z.string().trim().min(1).max(100),
  code: z.string().trim().min(1).max(20).nullish(),
  level: z.enum(JURISDICTION_LEVELS),
  parentId: Uuid.nullish(),
});
export const JurisdictionPatchBody = NewJurisdictionBody.pick({ name: true, code: true }).partial();
export const FiscalYearBody = z.object({
  jurisdictionId: Uuid,
  year: z.number().int().min(2000).max(2100),
  deadline: z.iso.date().nullable(),
});
export const TodoQuery = z.object({ year: Year.optional() });
export const DepartmentListQuery = z.object({ jurisdictionId: Uuid.optional() });
export const FrameworkBody = z.object({ document: z.unknown() });
/** A score sheet to read into a framework draft, with what the bureau already knows of it. */
export const ScoreSheetForm = z.object({
  file: z.instanceof(File, { error: '请选择要上传的评分表 (a file is required)' }),
  year: Year.optional(),
  reportYear: Year.optional(),
  kind: z.enum(REPORT_KINDS).optional(),
  region: z.string().trim().min(1).max(100).optional(),
});

export const PublicListQuery = z.object({
  jurisdictionId: Uuid.optional(),
  year: Year.optional(),
  kind: z.enum(REPORT_KINDS).optional(),
});
export const ExportParam = z.object({ format: z.enum(['csv', 'json']) });
/** Open data: the published reports, or (`dataset=targets`) the published target tables. */
export const OpenDataQuery = PublicListQuery.extend({ dataset: z.enum(OPEN_DATA_SETS).optional() });
