/** Use case: a stored version rendered as a download (.docx, .pdf, .html, .xlsx), as `jixiao render` does. */
import type { Report as ReportDocument } from '../core/model/index.ts';
import { type AppResult, fail } from './access.ts';
import { type RenderFormat, renderInput, renderReport } from './render-report.ts';

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
  if (document.kind !== 'department')
    return fail(
      'render.kind-unsupported',
      '目前只能生成部门整体支出绩效自评报告，项目支出绩效自评表暂不支持',
      'only department reports can be rendered for now',
    );
  const result = await renderReport(
    renderInput(document, { allowErrors: options.allowErrors ?? false }),
    format,
  );
  return result.ok
    ? { ok: true, value: result.bytes }
    : { ok: false, code: result.code, message: result.message };
};
