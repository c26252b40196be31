/**
 * The storage the use cases run on, as the server and CLI see it: the server may import app and core only
 * (DESIGN.md), so what it needs of the store passes through here.
 */

export type {
  AuditEntry,
  Comment,
  Department,
  FiscalYear,
  Jurisdiction,
  Publication,
  PublishedReport,
  Report,
  ReportFigures,
  ReportVersion,
  ReportVersionText,
  Rescore,
  Store,
  User,
  VersionMeta,
} from '../store/index.ts';
export {
  backupDataDir,
  Comment as CommentSchema,
  DEFAULT_DATA_DIR,
  Department as DepartmentSchema,
  type EmbeddedStore,
  FiscalYear as FiscalYearSchema,
  JURISDICTION_LEVEL_LABELS,
  JURISDICTION_LEVELS,
  Jurisdiction as JurisdictionSchema,
  NewDepartment as NewDepartmentSchema,
  NewJurisdiction as NewJurisdictionSchema,
  openEmbeddedStore,
  openStore,
  Publication as PublicationSchema,
  PublishedReport as PublishedReportSchema,
  REPORT_KIND_LABELS,
  REPORT_KINDS,
  Report as ReportSchema,
  ReportFigures as ReportFiguresSchema,
  ReportVersion as ReportVersionSchema,
  Rescore as RescoreSchema,
  restoreDataDir,
  User as UserSchema,
  VersionMeta as VersionMetaSchema,
} from '../store/index.ts';
export type {
  BureauDecision,
  MonitoringRound,
  StoredMonitoringEntry,
  TargetReview,
  TargetTableRow,
  TargetVersion,
  TargetVersionMeta,
} from '../store/model/targets.ts';
