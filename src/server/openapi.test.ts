import { describe, expect, it } from 'vitest';
import type { Store } from '../app/store.ts';
import { createApp } from './app.ts';
import { ACCESS } from './route-doc.ts';

describe('OpenAPI document', async () => {
  const app = createApp({ store: {} as Store, webDir: null });
  const doc = (await (await app.request('/api/openapi.json')).json()) as {
    openapi: string;
    paths: Record<string, Record<string, Record<string, unknown>>>;
    components: { schemas: Record<string, unknown> };
  };
  const served = new Set(
    app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && !r.path.endsWith('*'))
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
  );
  const operations = Object.entries(doc.paths).flatMap(([p, ms]) =>
    Object.entries(ms).map(([m, op]) => ({ key: `${m} ${p}`, op })),
  );
  const documented = new Set(operations.map((o) => o.key));

  it('documents exactly the routes the app serves', () => {
    expect([...served].filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((r) => !served.has(r))).toEqual([]);
  });

  it('says of every route what it does and who may call it', () => {
    const bare = operations.filter(
      ({ op }) =>
        typeof op.summary !== 'string' ||
        !Array.isArray(op['x-access']) ||
        !(op['x-access'] as string[]).every((a) => (ACCESS as readonly string[]).includes(a)),
    );
    expect(bare.map((o) => o.key)).toEqual([]);
  });

  it('is OpenAPI 3.1 with schemas for bodies and the shared components', () => {
    expect(doc.openapi).toBe('3.1.0');
    const save = doc.paths['/api/reports/{id}/versions']?.post as {
      requestBody: { content: Record<string, unknown> };
    };
    expect(Object.keys(save.requestBody.content)).toEqual(['application/json']);
    const upload = doc.paths['/api/reports/upload']?.post as {
      requestBody: { content: Record<string, unknown> };
    };
    expect(Object.keys(upload.requestBody.content)).toEqual(['multipart/form-data']);
    for (const name of ['Error', 'Report', 'ReportDocument', 'User'])
      expect(doc.components.schemas).toHaveProperty(name);
    expect(JSON.stringify(doc.components.schemas.Report)).toContain('date-time');
  });
});
