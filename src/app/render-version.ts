/** Use case: a stored version rendered as a download (.docx, .pdf, .html, .xlsx), as `jixiao render` does. */
import type { Report as ReportDocument } from '../core/model/index.ts';
import type { AppResult } from './access.ts';
import { evaluateStored } from './framework-choice.ts';
import { type RenderFormat, renderAnyReport } from './render-report.ts';
import type { Store } from './store.ts';

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
  boundId: string | null,
  format: RenderFormat,
  options: { allowErrors?: boolean } = {},
): Promise<AppResult<Uint8Array>> => {
  const { evaluation } = await evaluateStored(store, document, boundId);
  const result = await renderAnyReport(document, format, {
    allowErrors: options.allowErrors ?? false,
    evaluation,
  });
  return result.ok
    ? { ok: true, value: result.bytes }
    : { ok: false, code: result.code, message: result.message };
};
