/**
 * Storage: the port (port.ts), its two adapters (embedded PGlite, PostgreSQL), backup and restore of the
 * embedded folder, and the vocabulary of closed sets. See docs/database.md.
 */
export * from './backup.ts';
export * from './lock-file.ts';
export * from './model/index.ts';
export * from './open-store.ts';
export * from './pglite.ts';
export * from './port.ts';
export * from './postgres.ts';
export {
  ATTACHMENT_CATEGORIES,
  ATTACHMENT_CATEGORY_LABELS,
  type AttachmentCategory,
  COMMENT_KINDS,
  DEPARTMENT_ROLES,
  JOB_STATUSES,
  JURISDICTION_LEVEL_LABELS,
  JURISDICTION_LEVELS,
  REPORT_KIND_LABELS,
  REPORT_KINDS,
  REPORT_STATUS_LABELS,
  REPORT_STATUSES,
  ROLE_LABELS,
  ROLES,
} from './vocab.ts';
