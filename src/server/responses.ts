/**
 * Shapes of the main JSON answers, for the OpenAPI document (the client's types come from the routes
 * themselves). A test compares them with real answers, so they cannot drift silently.
 */
import { z } from 'zod';
import {
  PublicationSchema,
  PublishedReportSchema,
  ReportFiguresSchema,
  ReportSchema,
  ReportVersionSchema,
  UserSchema,
} from '../app/store.ts';
import { Finding } from '../core/findings.ts';
import { Grade } from '../core/model/index.ts';

export const SessionAnswer = z.object({ user: UserSchema.nullable(), csrfToken: z.string() });

const Reviewed = {
  reviewedTotal: z
    .string()
    .nullable()
    .describe('审核得分: after the bureau re-scores; null before its review'),
  reviewedGrade: Grade.nullable(),
};

export const ReportRow = ReportSchema.extend({
  departmentName: z.string(),
  departmentCode: z.string().nullable(),
  jurisdictionId: z.string(),
  ...Reviewed,
  /** The audit's findings on the current version, by severity. */
  findings: z.object({ errors: z.number().int(), warnings: z.number().int(), infos: z.number().int() }),
});

export const Created = z.object({
  report: ReportSchema,
  version: ReportVersionSchema,
  warnings: z.array(Finding),
});

/** A save's answer: the new version without its document (the client sent it). */
export const Saved = Created.extend({ version: ReportVersionSchema.omit({ document: true }) });

export const PublicRow = PublishedReportSchema.omit({ figures: true }).extend({
  ...ReportFiguresSchema.shape,
  ...Reviewed,
  departmentName: z.string(),
  departmentCode: z.string().nullable(),
  jurisdictionId: z.string(),
  jurisdictionName: z.string(),
  latest: z.boolean().describe('the newest publication of its report'),
});

export const RESPONSE_COMPONENTS = {
  Session: SessionAnswer,
  ReportRow,
  Created,
  Saved,
  PublicRow,
  Publication: PublicationSchema,
  ReportVersion: ReportVersionSchema,
} as const;
