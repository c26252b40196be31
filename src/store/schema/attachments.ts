/**
 * 附件: evidence files attached to a report version, kept in the database (bytea) so a backup of the
 * database holds them too. Which of them went public with a publication is recorded per publication.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { ATTACHMENT_CATEGORIES, type AttachmentCategory, sqlList } from '../vocab.ts';
import { createdAt, id } from './columns.ts';
import { publications, reports, reportVersions } from './reports.ts';
import { users } from './users.ts';

/** bytea: node-postgres gives a Buffer, PGlite a Uint8Array; both become a plain Uint8Array here. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (v) => Buffer.from(v.buffer, v.byteOffset, v.byteLength),
  fromDriver: (v) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength),
});

export const reportAttachments = pgTable(
  'report_attachments',
  {
    id: id(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => reports.id),
    /** The version that was current when the file was attached. */
    version: integer('version').notNull(),
    category: text('category').$type<AttachmentCategory>().notNull(),
    fileName: text('file_name').notNull(),
    /** What the bytes were recognised as (pdf, docx, …), never only the name. */
    fileType: text('file_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    /** The bureau's 公开 choice: published with the report at its next publication. */
    public: boolean('public').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: 'report_attachments_version_fk',
      columns: [t.reportId, t.version],
      foreignColumns: [reportVersions.reportId, reportVersions.version],
    }),
    index('report_attachments_report_idx').on(t.reportId, t.createdAt),
    check('report_attachments_category_check', sql.raw(`category in (${sqlList(ATTACHMENT_CATEGORIES)})`)),
    check('report_attachments_size_check', sql.raw('size = octet_length(content)')),
  ],
);

/** The attachments published with a publication: fixed when it is made, like the publication itself. */
export const publicationAttachments = pgTable(
  'publication_attachments',
  {
    reportId: uuid('report_id').notNull(),
    version: integer('version').notNull(),
    attachmentId: uuid('attachment_id')
      .notNull()
      .references(() => reportAttachments.id),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.version, t.attachmentId] }),
    foreignKey({
      name: 'publication_attachments_publication_fk',
      columns: [t.reportId, t.version],
      foreignColumns: [publications.reportId, publications.version],
    }),
  ],
);
