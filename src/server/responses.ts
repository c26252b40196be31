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

export const SessionAnswer = z.object({ user: UserSchema.nullable(), csrfToken: z.string() });

export const ReportRow = ReportSchema.extend({ departmentName: z.string(), jurisdictionId: z.string() });

export const Created = z.object({
  report: ReportSchema,
  version: ReportVersionSchema,
  warnings: z.array(Finding),
});

export const PublicRow = PublishedReportSchema.omit({ figures: true }).extend({
  ...ReportFiguresSchema.shape,
  departmentName: z.string(),
  jurisdictionId: z.string(),
  latest: z.boolean().describe('the newest publication of its report'),
});

export const RESPONSE_COMPONENTS = {
  Session: SessionAnswer,
  ReportRow,
  Created,
  PublicRow,
  Publication: PublicationSchema,
  ReportVersion: ReportVersionSchema,
} as const;
