/** Calls around one report that several pages make. */
import type { ReportStatus } from '../../core/workflow.ts';
import { api, ok } from './client.ts';

export const RENDER_FORMATS = [
  { format: 'docx', label: 'Word (.docx)' },
  { format: 'pdf', label: 'PDF' },
  { format: 'xlsx', label: 'Excel (.xlsx)' },
] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number]['format'];

export const renderUrl = (id: string, version: number, format: RenderFormat): string =>
  api.reports[':id'].versions[':version'].render[':format'].$url({
    param: { id, version: String(version), format },
  }).pathname;

export const publicRenderUrl = (id: string, version: number, format: RenderFormat): string =>
  api.public.reports[':id'].versions[':version'].render[':format'].$url({
    param: { id, version: String(version), format },
  }).pathname;

export const loadDetail = (id: string) => ok(api.reports[':id'].$get({ param: { id } }));

export const loadVersion = (id: string, version: number) =>
  ok(api.reports[':id'].versions[':version'].$get({ param: { id, version: String(version) } }));

export const loadAudit = (id: string, version: number) =>
  ok(api.reports[':id'].versions[':version'].audit.$get({ param: { id, version: String(version) } }));

/** The frameworks the server scores this report against: the editor's live score uses the same. */
export const loadFrameworks = (id: string) => ok(api.reports[':id'].frameworks.$get({ param: { id } }));

export const loadScore = (id: string, version: number) =>
  ok(api.reports[':id'].versions[':version'].score.$get({ param: { id, version: String(version) } }));

export const WORKFLOW_CALLS = {
  submit: (id: string, from: ReportStatus) =>
    ok(api.reports[':id'].submit.$post({ param: { id }, json: { from } })),
  'dept-approve': (id: string, from: ReportStatus, opinion?: string) =>
    ok(api.reports[':id'].approve.$post({ param: { id }, json: { from, ...(opinion ? { opinion } : {}) } })),
  'bureau-approve': (id: string, from: ReportStatus, opinion?: string) =>
    ok(api.reports[':id'].approve.$post({ param: { id }, json: { from, ...(opinion ? { opinion } : {}) } })),
  reopen: (id: string, from: ReportStatus) =>
    ok(api.reports[':id'].reopen.$post({ param: { id }, json: { from } })),
  publish: (id: string, from: ReportStatus) =>
    ok(api.reports[':id'].publish.$post({ param: { id }, json: { from } })),
} as const;

export const returnReport = (id: string, from: ReportStatus, reason: string) =>
  ok(api.reports[':id'].return.$post({ param: { id }, json: { from, reason } }));
