/** Use case: a stored version rendered as a download (.docx, .pdf, .html, .xlsx), as `jixiao render` does. */
import type { Report as ReportDocument } from '../core/model/index.ts';
import type { AppResult } from './access.ts';
import { type RenderFormat, renderAnyReport } from './render-report.ts';

export const RENDER_CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const satisfies Record<RenderFormat, string>;

/** `allowErrors`: no error page in front (published versions, whose errors were explained on submission). */
export const renderDocument = async (
  document: ReportDocument,
  format: RenderFormat,
  options: { allowErrors?: boolean } = {},
): Promise<AppResult<Uint8Array>> => {
  const result = await renderAnyReport(document, format, { allowErrors: options.allowErrors ?? false });
  return result.ok
    ? { ok: true, value: result.bytes }
    : { ok: false, code: result.code, message: result.message };
};
