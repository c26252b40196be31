/** The named schemas of the OpenAPI document (`#/components/schemas/…`), which a route's `response` names. */
import type { z } from 'zod';
import {
  CommentSchema,
  DepartmentSchema,
  JurisdictionSchema,
  ReportSchema,
  RescoreSchema,
  UserSchema,
  VersionMetaSchema,
} from '../app/store.ts';
import { Report as ReportDocument } from '../core/model/index.ts';
import { ApiError } from './errors.ts';
import { RESPONSE_COMPONENTS } from './responses.ts';

export const COMPONENTS = {
  Error: ApiError,
  Report: ReportSchema,
  VersionMeta: VersionMetaSchema,
  ReportDocument,
  Comment: CommentSchema,
  Rescore: RescoreSchema,
  User: UserSchema,
  Department: DepartmentSchema,
  Jurisdiction: JurisdictionSchema,
  ...RESPONSE_COMPONENTS,
} as const satisfies Record<string, z.ZodType>;

export type ComponentName = keyof typeof COMPONENTS;
