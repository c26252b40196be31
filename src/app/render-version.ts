/**
 * Use case: a stored version rendered as a download (.docx, .pdf, .html, .xlsx), as `jixiao render` does.
 * Published versions never change: their PDFs (the costly format) are kept per version, and requests for
 * one being printed wait for that print instead of starting another.
 */

import { REPORT_KIND_TERMS } from '../core/glossary.ts';
import type { Report as ReportDocument } from '../core/model/index.ts';
import type { Result } from '../core/result.ts';
import { evaluateStored, type ScoringScope } from './framework-choice.ts';
import { type RenderFormat, renderAnyReport } from './render-report.ts';
import type { Store } from './store.ts';

export { holdPdfBrowser } from '../formats/pdf/write-pdf.ts';

export const RENDER_CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const satisfies Record<RenderFormat, string>;

/**
 * A stored report's version, scored by the framework the report is bound to (else the stored and built-in
 * candidates), so the download states the total the server stores. `allowErrors`: no error page in front
 * (published versions, whose errors were explained on submission).
 */
export const renderDocument = async (
  store: Store,
  document: ReportDocument,
  scope: ScoringScope,
  format: RenderFormat,
  options: { allowErrors?: boolean } = {},
): Promise<Result<Uint8Array>> => {
  const { evaluation } = await evaluateStored(store, document, scope);
  const result = await renderAnyReport(document, format, {
    allowErrors: options.allowErrors ?? false,
    evaluation,
  });
  return result;
};

/** Characters a file name cannot hold on Windows, macOS or Linux, and white space. */
const NOT_IN_FILE_NAMES = /[\\/:*?"<>|\s]/gu;

/**
 * A download's name, as users file them: 单位-年度-报告类型-v3.docx (示范县教育局-2024-部门整体支出绩效自评报告-v3.docx).
 * A report that cannot be found is named by its kind's general term alone.
 */
export const downloadName = async (
  store: Store,
  report: { departmentId: string; year: number; kind: ReportDocument['kind'] } | null,
  version: number,
  format: RenderFormat,
): Promise<string> => {
  const department = report ? await store.org.getDepartment(report.departmentId) : null;
  const parts = report
    ? [department?.name ?? '', String(report.year), REPORT_KIND_TERMS[report.kind]]
    : ['绩效自评报告'];
  const name = parts
    .map((p) => p.replace(NOT_IN_FILE_NAMES, ''))
    .filter((p) => p !== '')
    .join('-');
  return `${name}-v${version}.${format}`;
};

/** Bytes of published PDFs kept; the oldest kept go first. */
const PUBLISHED_PDF_CACHE_BYTES = 64 * 1024 * 1024;
const publishedPdfs = new Map<string, Uint8Array>();
let cachedBytes = 0;
const printing = new Map<string, Promise<Result<Uint8Array>>>();

const keep = (key: string, bytes: Uint8Array): void => {
  if (bytes.byteLength > PUBLISHED_PDF_CACHE_BYTES / 4) return;
  publishedPdfs.set(key, bytes);
  cachedBytes += bytes.byteLength;
  for (const [k, b] of publishedPdfs) {
    if (cachedBytes <= PUBLISHED_PDF_CACHE_BYTES) break;
    publishedPdfs.delete(k);
    cachedBytes -= b.byteLength;
  }
};

/** A published version as a download; its PDF printed once per process (`version` names it: it never changes). */
export const renderPublished = async (
  store: Store,
  published: { reportId: string; version: number; document: ReportDocument },
  scope: ScoringScope,
  format: RenderFormat,
): Promise<Result<Uint8Array>> => {
  if (format !== 'pdf')
    return renderDocument(store, published.document, scope, format, { allowErrors: true });
  const key = `${published.reportId}@${published.version}`;
  const hit = publishedPdfs.get(key);
  if (hit) return { ok: true, value: hit };
  let job = printing.get(key);
  if (!job) {
    job = renderDocument(store, published.document, scope, 'pdf', { allowErrors: true }).finally(() =>
      printing.delete(key),
    );
    printing.set(key, job);
  }
  const r = await job;
  if (r.ok && !publishedPdfs.has(key)) keep(key, r.value);
  return r;
};
