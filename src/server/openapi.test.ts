import { describe, expect, it } from 'vitest';
import type { Store } from '../app/store.ts';
import { createApp } from './app.ts';
import { openApiDocument, ROUTES } from './openapi.ts';

describe('OpenAPI document', () => {
  const app = createApp({ store: {} as Store, webDir: null });
  const served = new Set(
    app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && !r.path.endsWith('*'))
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
  );
  const documented = new Set(ROUTES.map((r) => `${r.method} ${r.path}`));

  it('documents exactly the routes the app serves', () => {
    expect([...served].filter((r) => !documented.has(r))).toEqual([]);
    expect([...documented].filter((r) => !served.has(r))).toEqual([]);
  });

  it('is OpenAPI 3.1 with schemas for bodies and the shared components', () => {
    const doc = openApiDocument();
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
