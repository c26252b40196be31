/**
 * The storage port: everything the app and server keep, behind one interface with two adapters
 * (embedded PGlite and PostgreSQL) that pass one contract suite (test/support/store-contract/). Every
 * change made through it also appends an audit entry in the same transaction, so the log cannot miss a change.
 * Expected failures come back as `{ ok: false, code }` data; exceptions mean bugs or a broken database.
 */
import type { Attachment, AttachmentMeta, NewAttachment } from './model/attachments.ts';
import type { AuditEntry, AuditQuery, NewAuditEntry } from './model/audit.ts';
import type { ActorId, Duplicate, Failure, NotFound, Result } from './model/common.ts';
import type { Framework, NewFramework } from './model/frameworks.ts';
import type { BatchJob, ChunkInput, ChunkOutput, ChunkRef, NewBatchJob } from './model/jobs.ts';
import type {
  Department,
  DepartmentPatch,
  DepartmentQuery,
  FiscalYear,
  Jurisdiction,
  JurisdictionPatch,
  NewDepartment,
  NewJurisdiction,
} from './model/org.ts';
import type {
  NewReport,
  Publication,
  PublicationQuery,
  PublishedReport,
  Report,
  ReportFigures,
  ReportQuery,
  ReportVersion,
  ReportVersionText,
  SaveVersion,
  StatusChange,
  StepDate,
  VersionMeta,
} from './model/reports.ts';
import type { Comment, NewComment, NewRescore, Rescore } from './model/review.ts';
import type {
  BureauDecision,
  MonitoringRound,
  NewBureauDecision,
  NewMonitoringRound,
  NewTargetReview,
  NewTargetTable,
  PublishedTarget,
  PublishedTargetQuery,
  PutMonitoringEntry,
  ReviewChainSetting,
  SaveTargetVersion,
  StoredMonitoringEntry,
  TargetPublication,
  TargetQuery,
  TargetReview,
  TargetStatusChange,
  TargetTableRow,
  TargetVersion,
  TargetVersionMeta,
} from './model/targets.ts';
import type { NewSession, NewUser, Session, User, UserPatch, UserWithHash } from './model/users.ts';

export type BadParent = Failure<'bad-parent'>;
export type BadScope = Failure<'bad-scope'>;
export type ReportExists = Failure<'report-exists', { existingId: string }>;
export type ProjectNameRequired = Failure<'project-name-required'>;
/** The document's `kind` is not the report's kind. */
export type KindMismatch = Failure<'kind-mismatch'>;
/** The save was based on an older version: `current` is the newer one, so the editor can merge or reload. */
export type VersionConflict = Failure<'version-conflict', { current: ReportVersion }>;
export type StatusConflict = Failure<'status-conflict', { current: Report }>;
/** A save while the report is in a status the save did not allow (`whileStatus`): it was submitted meanwhile. */
export type NotEditable = Failure<'not-editable', { current: Report }>;

export type ReportSaved = { report: Report; version: ReportVersion };

export interface OrgStore {
  createJurisdiction(
    input: NewJurisdiction,
    by: ActorId,
  ): Promise<Result<Jurisdiction, Duplicate | BadParent>>;
  updateJurisdiction(
    patch: JurisdictionPatch,
    by: ActorId,
  ): Promise<Result<Jurisdiction, Duplicate | NotFound>>;
  getJurisdiction(id: string): Promise<Jurisdiction | null>;
  /** Children of `parentId`, or the provinces when it is null. */
  listJurisdictions(parentId: string | null): Promise<Jurisdiction[]>;
  /** The jurisdiction and everything below it, top-down. */
  jurisdictionSubtree(id: string): Promise<Jurisdiction[]>;
  createDepartment(
    input: NewDepartment,
    by: ActorId,
  ): Promise<Result<Department, Duplicate | NotFound | BadParent>>;
  updateDepartment(
    patch: DepartmentPatch,
    by: ActorId,
  ): Promise<Result<Department, Duplicate | NotFound | BadParent>>;
  getDepartment(id: string): Promise<Department | null>;
  /** Sorted by 编码 (those without one last), then name. */
  listDepartments(query: DepartmentQuery): Promise<Department[]>;
  /** Opens (or moves the deadline of) a jurisdiction's reporting year. */
  putFiscalYear(input: FiscalYear, by: ActorId): Promise<Result<FiscalYear, NotFound>>;
  listFiscalYears(jurisdictionId: string): Promise<FiscalYear[]>;
}

export interface UserStore {
  createUser(input: NewUser, by: ActorId): Promise<Result<User, Duplicate | BadScope | NotFound>>;
  /** A move (departmentId / jurisdictionId) must fit the role, as at creation. */
  updateUser(patch: UserPatch, by: ActorId): Promise<Result<User, NotFound | BadScope>>;
  getUser(id: string): Promise<User | null>;
  /** Case-insensitive; includes the password hash and whether the department is 停用, for the login check only. */
  findUserForLogin(username: string): Promise<UserWithHash | null>;
  listUsers(query: { departmentId?: string; jurisdictionId?: string }): Promise<User[]>;
}

export interface SessionStore {
  create(input: NewSession): Promise<Session>;
  /** The session and its user, when unexpired (database clock) and the user is not disabled. */
  find(tokenHash: string): Promise<{ session: Session; user: User } | null>;
  delete(tokenHash: string): Promise<void>;
  deleteForUser(userId: string): Promise<number>;
  purgeExpired(): Promise<number>;
}

export interface FrameworkStore {
  /** Stores the next version of `key` (1 for a new key). Framework versions are never changed. */
  addVersion(input: NewFramework, by: ActorId): Promise<Result<Framework, NotFound>>;
  get(id: string): Promise<Framework | null>;
  latest(key: string): Promise<Framework | null>;
  list(query: { year?: number; kind?: Framework['kind'] }): Promise<Omit<Framework, 'document'>[]>;
}

export interface ReportStore {
  /** A new report with its version 1 (status 草稿). One report per department × year × kind × project. */
  create(
    input: NewReport,
    by: ActorId,
  ): Promise<Result<ReportSaved, ReportExists | ProjectNameRequired | KindMismatch | NotFound>>;
  /**
   * Appends version expectedVersion + 1; refused with the newer version when expectedVersion is stale,
   * and as not-editable when the status is not one of `whileStatus` (both checked in one UPDATE).
   */
  saveVersion(
    input: SaveVersion,
    by: ActorId,
  ): Promise<Result<ReportSaved, VersionConflict | KindMismatch | NotEditable | NotFound>>;
  get(id: string): Promise<Report | null>;
  /** The report with its department, in one query. */
  getWithDepartment(id: string): Promise<{ report: Report; department: Department } | null>;
  list(query: ReportQuery): Promise<Report[]>;
  getVersion(reportId: string, version: number): Promise<ReportVersion | null>;
  /**
   * The report with its department and one version (the current one when `version` is null) with its
   * document as stored JSON text (not parsed), for answers that pass it on: one statement. Null when the
   * report does not exist; `version` null when that version does not.
   */
  getVersionText(
    reportId: string,
    version: number | null,
  ): Promise<{ report: Report; department: Department; version: ReportVersionText | null } | null>;
  /** Several versions in one query (those that exist), in no particular order. */
  getVersions(keys: readonly { reportId: string; version: number }[]): Promise<ReportVersion[]>;
  /** The history, newest first, without the documents. */
  listVersions(reportId: string): Promise<VersionMeta[]>;
  /**
   * Compare-and-set of the status (and of the current version, when given), in one UPDATE; which
   * transitions are allowed is the app's workflow rule.
   */
  setStatus(change: StatusChange, by: ActorId): Promise<Result<Report, StatusConflict | NotFound>>;
  /**
   * Publishes `version` and sets the status to 已公开, when the status still is `from` and `version` is
   * still the current one (one UPDATE). Re-publishing a correction adds a publication; earlier ones stay.
   */
  publish(
    input: {
      reportId: string;
      version: number;
      from: Report['status'];
      /** The version's score and grade, kept with the publication and never recomputed. */
      figures?: ReportFigures | undefined;
    },
    by: ActorId,
  ): Promise<Result<Publication, StatusConflict | NotFound | Duplicate>>;
  /**
   * Keeps the figures of a publication that has none yet (one made before they were kept) and returns
   * the figures kept for it (the earlier ones when two callers race); null when no such publication.
   */
  keepPublishedFigures(
    reportId: string,
    version: number,
    figures: ReportFigures,
  ): Promise<ReportFigures | null>;
  /**
   * For each of `reportIds`, the newest time it entered each status it has been in (a publication
   * counts as entering 已公开), from the audit log; in no particular order.
   */
  listStepDates(reportIds: readonly string[]): Promise<StepDate[]>;
  /** Every publication, newest first (one report can have several). */
  listPublished(query: PublicationQuery): Promise<PublishedReport[]>;
  /** A published version, or null when that version was never published (drafts stay private). */
  getPublishedVersion(reportId: string, version: number): Promise<ReportVersion | null>;
}

export interface ReviewStore {
  addComment(input: NewComment, by: ActorId): Promise<Result<Comment, NotFound>>;
  listComments(reportId: string): Promise<Comment[]>;
  addRescore(input: NewRescore, by: ActorId): Promise<Result<Rescore, NotFound>>;
  /** Re-scores, oldest first; with `latestOnly` only the newest per indicator (the one that counts). */
  listRescores(reportId: string, options?: { latestOnly?: boolean }): Promise<Rescore[]>;
}

export type AttachmentsFull = Failure<'attachments-full', { usedBytes: number; maxTotalBytes: number }>;
/** The attachment went public with a publication: it stays, like the publication. */
export type AttachmentPublished = Failure<'attachment-published'>;

/** 附件 of reports: bytes kept in the database; which ones went public is fixed per publication. */
export interface AttachmentStore {
  /** Adds a file to `version` (which must exist), under the report's row lock: status and total checked. */
  add(
    input: NewAttachment,
    by: ActorId,
  ): Promise<Result<AttachmentMeta, NotFound | NotEditable | AttachmentsFull>>;
  /** The report's attachments, oldest first, without their bytes. */
  list(reportId: string): Promise<AttachmentMeta[]>;
  /** With its bytes; null when it is not the report's. */
  get(reportId: string, attachmentId: string): Promise<Attachment | null>;
  /** Deletes it while the report is in one of `whileStatus`, unless a publication holds it. */
  remove(
    input: { reportId: string; attachmentId: string; whileStatus: Report['status'][] },
    by: ActorId,
  ): Promise<Result<AttachmentMeta, NotFound | NotEditable | AttachmentPublished>>;
  /** The bureau's 公开 choice, taken at the report's next publication; only while in `whileStatus`. */
  setPublic(
    input: { reportId: string; attachmentId: string; public: boolean; whileStatus: Report['status'][] },
    by: ActorId,
  ): Promise<Result<AttachmentMeta, NotFound | NotEditable>>;
  /** What went public with the publication of `version` (empty when none, or no such publication). */
  listPublished(reportId: string, version: number): Promise<AttachmentMeta[]>;
  /** One of those, with its bytes; null when it was not published with that version. */
  getPublished(reportId: string, version: number, attachmentId: string): Promise<Attachment | null>;
}

export interface AuditStore {
  /** For events that change nothing else in the store (login, logout, export, sampling draws). */
  append(entry: NewAuditEntry): Promise<AuditEntry>;
  /** Newest first. */
  list(query: AuditQuery): Promise<AuditEntry[]>;
}

/** Batch jobs: their files, chunks and results (the queue that hands chunks out is src/app/jobs). */
export interface JobStore {
  /**
   * Stores the job and its chunks, then its files a few chunks at a time (a transaction each), calling
   * `stored` with each slice's chunks once their files are in (to queue them: workers start while the
   * rest is stored); returns the job with its chunk list. When storing fails the job is deleted again.
   */
  create(
    job: NewBatchJob,
    by: ActorId,
    stored?: (chunks: ChunkRef[]) => Promise<void>,
  ): Promise<{ job: BatchJob; chunks: ChunkRef[] }>;
  get(id: string): Promise<BatchJob | null>;
  /** Newest first: a jurisdiction's jobs, or (null) those submitted without one. */
  list(query: { jurisdictionIds?: string[]; limit?: number }): Promise<BatchJob[]>;
  /**
   * The chunk's files; null when the chunk is done already (or does not exist). Throws when its files
   * are not all there (its submission died before they were stored).
   */
  chunkInput(ref: ChunkRef): Promise<ChunkInput | null>;
  /**
   * Stores the chunk's results and marks it done, once: false when it was done already (run twice after
   * a lease ran out), and then nothing changes. Its files are dropped; the last chunk finishes the job.
   */
  finishChunk(ref: ChunkRef, output: ChunkOutput): Promise<boolean>;
  /** Chunks not yet done, oldest job first: what an in-process queue picks up again after a restart. */
  openChunks(limit?: number): Promise<ChunkRef[]>;
  /** Done chunks' results from chunk `from` on, in order, stopping at the first chunk not yet done. */
  results(jobId: string, from: number, limit?: number): Promise<{ chunk: number; results: string }[]>;
}

export type TargetExists = Failure<'target-exists', { existingId: string }>;
export type TargetVersionConflict = Failure<'version-conflict', { current: TargetVersion }>;
export type TargetStatusConflict = Failure<'status-conflict', { current: TargetTableRow }>;
export type EntrySubmitted = Failure<'entry-submitted'>;
export type TargetSaved = { table: TargetTableRow; version: TargetVersion };

/** 绩效目标申报表 with every version kept, 目标审核, and 运行监控 rounds, entries and decisions. */
export interface TargetStore {
  /** A new table with its version 1 (草稿). One per department × year × kind × project. */
  create(
    input: NewTargetTable,
    by: ActorId,
  ): Promise<Result<TargetSaved, TargetExists | ProjectNameRequired | KindMismatch | NotFound>>;
  /** Appends version expectedVersion + 1 and makes the table a draft again (an adjustment after approval). */
  saveVersion(
    input: SaveTargetVersion,
    by: ActorId,
  ): Promise<Result<TargetSaved, TargetVersionConflict | KindMismatch | NotFound>>;
  get(id: string): Promise<TargetTableRow | null>;
  list(query: TargetQuery): Promise<TargetTableRow[]>;
  getVersion(tableId: string, version: number): Promise<TargetVersion | null>;
  /** Newest first, without the documents. */
  listVersions(tableId: string): Promise<TargetVersionMeta[]>;
  setStatus(
    change: TargetStatusChange,
    by: ActorId,
  ): Promise<Result<TargetTableRow, TargetStatusConflict | NotFound>>;
  /**
   * Records a grade for the current version and moves the status `from` → `to` in one transaction;
   * `to` = approved freezes that version as the approved one.
   */
  review(
    input: NewTargetReview,
    by: ActorId,
  ): Promise<Result<{ table: TargetTableRow; review: TargetReview }, TargetStatusConflict | NotFound>>;
  /** Oldest first. */
  listReviews(tableId: string): Promise<TargetReview[]>;
  /** Makes an approved version public (once per version; it stays public). */
  publish(
    input: { tableId: string; version: number },
    by: ActorId,
  ): Promise<Result<TargetPublication, Duplicate | NotFound>>;
  /** Every publication in the query's scope, newest first. */
  listPublished(query: PublishedTargetQuery): Promise<PublishedTarget[]>;
  /** The version when it was published, else null. */
  getPublishedVersion(tableId: string, version: number): Promise<TargetVersion | null>;
  /** A table's publications, newest first. */
  listPublications(tableId: string): Promise<TargetPublication[]>;
  /** The review chains chosen by these jurisdictions (those that chose one). */
  reviewChains(jurisdictionIds: readonly string[]): Promise<ReviewChainSetting[]>;
  setReviewChain(
    input: { jurisdictionId: string; chain: string },
    by: ActorId,
  ): Promise<Result<ReviewChainSetting, NotFound>>;
  createRound(input: NewMonitoringRound, by: ActorId): Promise<Result<MonitoringRound, Duplicate | NotFound>>;
  getRound(id: string): Promise<MonitoringRound | null>;
  /** Newest first; `jurisdictionIds` limits to rounds opened by those jurisdictions. */
  listRounds(query: { year?: number; jurisdictionIds?: string[] }): Promise<MonitoringRound[]>;
  /** Saves (or submits) a unit's entry; a submitted entry is final. */
  putEntry(
    input: PutMonitoringEntry,
    by: ActorId,
  ): Promise<Result<StoredMonitoringEntry, EntrySubmitted | NotFound>>;
  getEntry(roundId: string, tableId: string): Promise<StoredMonitoringEntry | null>;
  listEntries(roundId: string): Promise<StoredMonitoringEntry[]>;
  addDecision(input: NewBureauDecision, by: ActorId): Promise<Result<BureauDecision, NotFound>>;
  /** Oldest first; the newest per table is the one in force. */
  listDecisions(roundId: string): Promise<BureauDecision[]>;
}

export const STORE_KINDS = ['pglite', 'postgres'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

export interface Store {
  readonly kind: StoreKind;
  readonly org: OrgStore;
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly frameworks: FrameworkStore;
  readonly reports: ReportStore;
  readonly review: ReviewStore;
  readonly audit: AuditStore;
  readonly attachments: AttachmentStore;
  readonly jobs: JobStore;
  readonly targets: TargetStore;
  /** Always await it: PGlite keeps Node alive and may lose its last writes otherwise. */
  close(): Promise<void>;
}
