import { z } from 'zod';
import { DecimalString } from '../../core/decimal.ts';
import { Grade, Report as ReportDocument } from '../../core/model/index.ts';
import { REPORT_STATUSES } from '../vocab.ts';
import { Id } from './common.ts';
import { ReportKind } from './frameworks.ts';

export const ReportStatus = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ReportStatus>;

/** The queried fields the app derives from a version (scoring lives in core): kept as columns. */
export const ReportFigures = z.object({
  statedTotal: DecimalString.nullable(),
  computedTotal: DecimalString.nullable(),
  grade: Grade.nullable(),
});
export type ReportFigures = z.infer<typeof ReportFigures>;

export const NewReport = z.object({
  departmentId: Id,
  year: z.number().int(),
  kind: ReportKind,
  /** Required for 项目 reports, absent for 部门整体. */
  projectName: z.string().min(1).nullish(),
  frameworkId: Id.nullish(),
  /** The first version: a validated report (the app validates; the store keeps it as jsonb). */
  document: ReportDocument,
  figures: ReportFigures,
  summary: z.string().optional(),
});
export type NewReport = z.infer<typeof NewReport>;

export const SaveVersion = z.object({
  reportId: Id,
  /** The version the editor started from; a save against an older one is refused. */
  expectedVersion: z.number().int().positive(),
  document: ReportDocument,
  /**
   * A JSON object whose `document` member is `document` as validated (a save's request body, as sent,
   * when the document in it had no key the model drops): the document is stored from it, not
   * stringified again (a 28 KB document: ~0.1 ms of CPU).
   */
  bodyJson: z.string().optional(),
  figures: ReportFigures,
  /** A short human note of what changed ("修改了三公经费"), shown in the history. */
  summary: z.string().optional(),
  /**
   * The statuses in which the save is allowed (the workflow's editable ones), checked in the same
   * UPDATE as the version, so that a save racing a submit cannot land after it.
   */
  whileStatus: z.array(ReportStatus).optional(),
});
export type SaveVersion = z.infer<typeof SaveVersion>;

export const Report = z.object({
  id: Id,
  departmentId: Id,
  year: z.number().int(),
  kind: ReportKind,
  projectName: z.string().nullable(),
  frameworkId: Id.nullable(),
  status: ReportStatus,
  currentVersion: z.number().int().positive(),
  ...ReportFigures.shape,
  createdBy: Id.nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Report = z.infer<typeof Report>;

export const VersionMeta = z.object({
  reportId: Id,
  version: z.number().int().positive(),
  summary: z.string(),
  createdBy: Id.nullable(),
  createdAt: z.date(),
});
export type VersionMeta = z.infer<typeof VersionMeta>;

export const ReportVersion = VersionMeta.extend({
  document: ReportDocument,
  /** The evaluation stored with this version (null before it was kept, or when no framework fits). */
  computedTotal: DecimalString.nullable(),
  grade: Grade.nullable(),
});
export type ReportVersion = z.infer<typeof ReportVersion>;
/** A version with its document as the stored JSON text, for answers that only pass the document on. */
export type ReportVersionText = Omit<ReportVersion, 'document'> & { documentJson: string };

export const ReportQuery = z.object({
  departmentId: Id.optional(),
  /** Reports of departments in this jurisdiction or any below it. */
  jurisdictionId: Id.optional(),
  year: z.number().int().optional(),
  kind: ReportKind.optional(),
  statuses: z.array(ReportStatus).optional(),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

export const StatusChange = z.object({
  reportId: Id,
  /** The status the caller saw; the change is refused when it has moved on. */
  from: ReportStatus,
  to: ReportStatus,
  /**
   * The version the caller acted on (e.g. the one a submit audited); the change is refused when another
   * version was saved meanwhile.
   */
  version: z.number().int().positive().optional(),
});
export type StatusChange = z.infer<typeof StatusChange>;

export const Publication = z.object({
  reportId: Id,
  version: z.number().int().positive(),
  publishedBy: Id.nullable(),
  publishedAt: z.date(),
});
export type Publication = z.infer<typeof Publication>;

export const PublishedReport = Publication.extend({
  departmentId: Id,
  year: z.number().int(),
  kind: ReportKind,
  projectName: z.string().nullable(),
  /** The score and grade kept at publication; null for a publication made before they were kept. */
  figures: ReportFigures.nullable(),
});
export type PublishedReport = z.infer<typeof PublishedReport>;

export const PublicationQuery = ReportQuery.pick({ jurisdictionId: true, year: true, kind: true });
export type PublicationQuery = z.infer<typeof PublicationQuery>;

/** When a report last entered a status (from the audit log), and who moved it there. */
export const StepDate = z.object({
  reportId: Id,
  status: ReportStatus,
  at: z.date(),
  actorId: Id.nullable(),
});
export type StepDate = z.infer<typeof StepDate>;
