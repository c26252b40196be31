/**
 * The authorization matrix's rows for 附件 (/api/reports/{id}/attachments, the public attachments of a
 * publication), with a helper that puts a file on a report of department A in a given status.
 */
import { createHash } from 'node:crypto';
import type { ReportStatus } from '../../src/core/workflow.ts';
import type { Call, Row } from './authorization-matrix.ts';
import { type ActorName, reportIn, type Served } from './harness.ts';

const must = <T>(r: { ok: true; value: T } | { ok: false; code: string; message: string }): T => {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.value;
};

export const PDF = new TextEncoder().encode('%PDF-1.4\n% 佐证材料\n1 0 obj <<>> endobj\n%%EOF\n');

const ALL: ReportStatus[] = [
  'draft',
  'submitted',
  'dept-approved',
  'returned',
  'bureau-approved',
  'published',
];

/** A report of department A in `status` with one attachment (chosen 公开 and published, when asked). */
export const attachmentIn = async (
  s: Served,
  status: ReportStatus,
  options: { publishChosen?: boolean } = {},
): Promise<{ reportId: string; attachmentId: string }> => {
  const store = s.db.store;
  const r = await reportIn(store, s.org, options.publishChosen ? 'bureau-approved' : status);
  const a = must(
    await store.attachments.add(
      {
        reportId: r.id,
        version: 1,
        category: 'evidence',
        fileName: '佐证材料.pdf',
        fileType: 'pdf',
        content: PDF,
        sha256: createHash('sha256').update(PDF).digest('hex'),
        whileStatus: ALL,
        maxTotalBytes: 1024 * 1024,
      },
      s.org.users.prepA.id,
    ),
  );
  if (options.publishChosen) {
    const input = { reportId: r.id, attachmentId: a.id, public: true, whileStatus: ALL };
    must(await store.attachments.setPublic(input, s.org.users.bureau.id));
    must(
      await store.reports.publish(
        { reportId: r.id, version: 1, from: 'bureau-approved' },
        s.org.users.bureau.id,
      ),
    );
  }
  return { reportId: r.id, attachmentId: a.id };
};

const E = (
  allowed: number,
  who: Partial<Record<ActorName, number>>,
  rest: number,
): Record<ActorName, number> => ({
  public: 401,
  prepA: rest,
  revA: rest,
  prepB: rest,
  bureau: rest,
  bureauOther: rest,
  admin: rest,
  ...Object.fromEntries(Object.entries(who).map(([k, v]) => [k, v === 1 ? allowed : v])),
});
const READ_A = E(200, { prepA: 1, revA: 1, bureau: 1, admin: 1 }, 404);
const roleRefusal = (allowed: number, who: Partial<Record<ActorName, number>>) =>
  E(allowed, { prepA: 403, revA: 403, bureau: 403, admin: 403, ...who }, 404);
const everyone = (status: number) => ({ ...E(status, {}, status), public: status });

const uploadForm = (name = '决算报表（2023年度）.pdf', bytes: Uint8Array = PDF): FormData => {
  const form = new FormData();
  form.set('file', new File([Buffer.from(bytes)], name));
  form.set('category', 'final-accounts');
  return form;
};

const on =
  (status: ReportStatus, suffix: string, body?: unknown, options: { publishChosen?: boolean } = {}) =>
  async (s: Served): Promise<Call> => {
    const { reportId, attachmentId } = await attachmentIn(s, status, options);
    const path = suffix.replace(':r', reportId).replace(':a', attachmentId);
    return body === 'form' ? { path, form: uploadForm() } : { path, json: body };
  };

export const ATTACHMENT_MATRIX: Row[] = [
  {
    method: 'GET',
    route: '/api/reports/{id}/attachments',
    call: on('draft', '/api/reports/:r/attachments'),
    expect: READ_A,
  },
  {
    method: 'POST',
    route: '/api/reports/{id}/attachments',
    on: 'draft',
    call: on('draft', '/api/reports/:r/attachments', 'form'),
    expect: roleRefusal(201, { prepA: 1 }),
  },
  {
    method: 'POST',
    route: '/api/reports/{id}/attachments',
    on: 'submitted',
    call: on('submitted', '/api/reports/:r/attachments', 'form'),
    expect: roleRefusal(201, { prepA: 409 }),
  },
  {
    method: 'GET',
    route: '/api/reports/{id}/attachments/{aid}',
    on: 'draft',
    call: on('draft', '/api/reports/:r/attachments/:a'),
    expect: READ_A,
  },
  {
    method: 'DELETE',
    route: '/api/reports/{id}/attachments/{aid}',
    on: 'draft',
    call: on('draft', '/api/reports/:r/attachments/:a'),
    expect: roleRefusal(200, { prepA: 1 }),
  },
  {
    method: 'DELETE',
    route: '/api/reports/{id}/attachments/{aid}',
    on: 'submitted',
    call: on('submitted', '/api/reports/:r/attachments/:a'),
    expect: roleRefusal(200, { prepA: 409 }),
  },
  {
    method: 'PUT',
    route: '/api/reports/{id}/attachments/{aid}/public',
    on: 'dept-approved',
    call: on('dept-approved', '/api/reports/:r/attachments/:a/public', { public: true }),
    expect: roleRefusal(200, { bureau: 1 }),
  },
  {
    method: 'PUT',
    route: '/api/reports/{id}/attachments/{aid}/public',
    on: 'draft',
    call: on('draft', '/api/reports/:r/attachments/:a/public', { public: true }),
    expect: roleRefusal(200, { bureau: 409 }),
  },
  {
    method: 'GET',
    route: '/api/public/reports/{id}/versions/{version}/attachments',
    on: 'draft',
    call: on('draft', '/api/public/reports/:r/versions/1/attachments'),
    expect: everyone(404),
  },
  {
    method: 'GET',
    route: '/api/public/reports/{id}/versions/{version}/attachments',
    on: 'published',
    call: on('published', '/api/public/reports/:r/versions/1/attachments', undefined, {
      publishChosen: true,
    }),
    expect: everyone(200),
  },
  {
    method: 'GET',
    route: '/api/public/reports/{id}/versions/{version}/attachments/{aid}',
    on: 'published, chosen 公开',
    call: on('published', '/api/public/reports/:r/versions/1/attachments/:a', undefined, {
      publishChosen: true,
    }),
    expect: everyone(200),
  },
  {
    method: 'GET',
    route: '/api/public/reports/{id}/versions/{version}/attachments/{aid}',
    on: 'published, not chosen',
    call: on('published', '/api/public/reports/:r/versions/1/attachments/:a'),
    expect: everyone(404),
  },
];
