/**
 * The one result of an operation that may fail as expected: `{ ok: true, value }`, or a `Failure` with a
 * stable code from `FAILURE_CODES`, a one-line message (Chinese first, then English) and, for some codes,
 * data (the newer version of a conflict, the lock's holder). Formats, the store and the use cases return
 * it; the edges map the code to an HTTP status (`server/errors.ts`) or an exit code. Throw only for bugs.
 */

/** Every code a failure can carry. Stable strings: clients and scripts match on them. */
export const FAILURE_CODES = [
  // Input and access
  'invalid',
  'bad-json',
  'unauthenticated',
  'bad-login',
  'forbidden',
  'csrf',
  'password-change-required',
  'bad-password',
  'weak-password',
  'rate-limited',
  'not-found',
  'too-large',
  'batch-too-large',
  'unsupported-media-type',
  'bad-upload',
  // Workflow and storage
  'bad-transition',
  'version-conflict',
  'status-conflict',
  'report-exists',
  'identity-mismatch',
  'target-exists',
  'entry-submitted',
  'incomplete',
  'duplicate',
  'not-editable',
  'attachment-published',
  'attachments-full',
  'unexplained-errors',
  'kind-mismatch',
  'project-name-required',
  'bad-parent',
  'bad-scope',
  'no-framework',
  'backup-unsupported',
  'bad-backup',
  'data-dir-locked',
  'data-dir-not-empty',
  'db-unreachable',
  'server-unreachable',
  // Reading a file
  'read.not-found',
  'read.is-directory',
  'read.no-access',
  'read.io',
  'read.too-large',
  'read.empty',
  'read.binary',
  'read.json-syntax',
  'read.zip',
  'read.not-docx',
  'read.ole',
  'read.no-libreoffice',
  'read.convert-timeout',
  'read.convert-failed',
  'read.html-too-large',
  'read.html-too-deep',
  'read.xlsx-too-large',
  'read.xlsx-invalid',
  'read.pdf-scanned',
  'read.not-a-file',
  'read.not-a-report',
  'read.not-a-sheet',
  'read.not-a-target-table',
  'read.encrypted',
  'read.json-schema',
  'read.mhtml-no-page',
  'read.xml-doctype',
  'read.xml-syntax',
  'read.zip-bomb',
  'read.zip-corrupt',
  'read.zip-entries',
  'read.zip-method',
  'read.zip64',
  'read.pdf-damaged',
  'read.pdf-encrypted',
  'read.pdf-invalid',
  'read.pdf-timeout',
  'read.pdf-too-many-pages',
  'read.internal',
  // The isolated reader: a limit passed, cancelled, crashed, or the queue full
  'read.timeout',
  'read.out-of-memory',
  'read.failed',
  'read.busy',
  'read.cancelled',
  // A framework named on the command line, and what-if settings
  'framework.unknown',
  'framework.not-found',
  'framework.unreadable',
  'framework.bad-json',
  'framework.invalid',
  'setting.invalid',
  // Rendering
  'render.format',
  'render.unknown-format',
  'render.write',
  'render.no-chromium',
  'render.busy',
] as const;
export type FailureCode = (typeof FAILURE_CODES)[number];

/** Success: the value. */
export type Ok<T> = { ok: true; value: T };

/** An expected failure with code `C` and the data `X` that code carries. */
export type Failure<C extends FailureCode = FailureCode, X extends object = object> = {
  ok: false;
  code: C;
  message: string;
} & X;

export type Result<T, F extends Failure = Failure> = Ok<T> | F;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });

/** A failure whose message is `zh (en)`, with the data its code carries. */
export const failure = <C extends FailureCode, X extends object = object>(
  code: C,
  zh: string,
  en: string,
  extra?: X,
): Failure<C, X> => ({ ok: false, code, message: `${zh} (${en})`, ...(extra as X) });
