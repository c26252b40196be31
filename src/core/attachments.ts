/**
 * 附件 vocabulary shared by the store, the use cases and the browser: the categories users file evidence
 * under, the extensions accepted, and the size limits.
 */

/** 决算报表, 佐证材料, 调整文件 (budget adjustment documents). */
export const ATTACHMENT_CATEGORIES = ['final-accounts', 'evidence', 'adjustment'] as const;
export type AttachmentCategory = (typeof ATTACHMENT_CATEGORIES)[number];
export const ATTACHMENT_CATEGORY_LABELS = {
  'final-accounts': '决算报表',
  evidence: '佐证材料',
  adjustment: '调整文件',
} as const satisfies Record<AttachmentCategory, string>;

export const ATTACHMENT_EXTENSIONS = [
  'pdf',
  'docx',
  'xlsx',
  'doc',
  'xls',
  'wps',
  'jpg',
  'jpeg',
  'png',
  'zip',
  'ofd',
] as const;
/** What the file picker offers. */
export const ATTACHMENT_ACCEPT = ATTACHMENT_EXTENSIONS.map((e) => `.${e}`).join(',');
export const ATTACHMENT_TYPES_ZH = 'PDF、Word（.doc/.docx）、Excel（.xls/.xlsx）、WPS、JPG、PNG、ZIP、OFD';

const MB = 1024 * 1024;
/** 20 MB a file, 100 MB for all the attachments of one report. */
export const ATTACHMENT_LIMITS = { maxFileBytes: 20 * MB, maxTotalBytes: 100 * MB } as const;
