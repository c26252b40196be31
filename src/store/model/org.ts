import { z } from 'zod';
import { JURISDICTION_LEVELS } from '../vocab.ts';
import { Id } from './common.ts';

export const JurisdictionLevel = z.enum(JURISDICTION_LEVELS);
export type JurisdictionLevel = z.infer<typeof JurisdictionLevel>;

export const NewJurisdiction = z.object({
  code: z.string().min(1).nullish(),
  name: z.string().min(1),
  level: JurisdictionLevel,
  /** Null only for a province; a city's parent is a province, a county's a city. */
  parentId: Id.nullish(),
});
export type NewJurisdiction = z.infer<typeof NewJurisdiction>;

export const Jurisdiction = z.object({
  id: Id,
  code: z.string().nullable(),
  name: z.string(),
  level: JurisdictionLevel,
  parentId: Id.nullable(),
  createdAt: z.date(),
});
export type Jurisdiction = z.infer<typeof Jurisdiction>;

export const JurisdictionPatch = z.object({
  id: Id,
  name: z.string().min(1).optional(),
  code: z.string().min(1).nullable().optional(),
});
export type JurisdictionPatch = z.infer<typeof JurisdictionPatch>;

export const NewDepartment = z.object({
  code: z.string().min(1).nullish(),
  name: z.string().min(1),
  jurisdictionId: Id,
  /** 主管部门, which must lie in the same jurisdiction. */
  supervisorId: Id.nullish(),
});
export type NewDepartment = z.infer<typeof NewDepartment>;

export const DepartmentPatch = z.object({
  id: Id,
  name: z.string().min(1).optional(),
  code: z.string().min(1).nullable().optional(),
  supervisorId: Id.nullable().optional(),
  /** Moves the department (its reports follow it); its 主管部门 must then lie in the new jurisdiction. */
  jurisdictionId: Id.optional(),
  disabled: z.boolean().optional(),
});
export type DepartmentPatch = z.infer<typeof DepartmentPatch>;

export const Department = z.object({
  id: Id,
  code: z.string().nullable(),
  name: z.string(),
  jurisdictionId: Id,
  supervisorId: Id.nullable(),
  disabled: z.boolean(),
  createdAt: z.date(),
});
export type Department = z.infer<typeof Department>;

export const DepartmentQuery = z.object({
  /** Departments of this jurisdiction and of every jurisdiction below it. */
  jurisdictionId: Id.optional(),
  supervisorId: Id.optional(),
});
export type DepartmentQuery = z.infer<typeof DepartmentQuery>;

/** A reporting round of a jurisdiction; `deadline` is an ISO date (YYYY-MM-DD). */
export const FiscalYear = z.object({
  jurisdictionId: Id,
  year: z.number().int().min(2000).max(2100),
  deadline: z.iso.date().nullable(),
});
export type FiscalYear = z.infer<typeof FiscalYear>;
