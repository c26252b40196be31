import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Store } from '../app/store.ts';
import { createApp } from './app.ts';

describe('serving the web app', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(dir, 'assets', 'main-abc123.js'), 'console.log(1)');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const app = createApp({ store: {} as Store, webDir: dir });

  it('serves files, and index.html for any other page (SPA fallback)', async () => {
    const asset = await app.request('/assets/main-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    for (const path of ['/', '/reports/123', '/bureau/dashboard?year=2023']) {
      const page = await app.request(path);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('id="root"');
      const csp = page.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp).toContain("frame-ancestors 'none'");
    }
  });

  it('keeps unknown API routes as JSON 404s, not the page', async () => {
    const res = await app.request('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { code: string }).code).toBe('not-found');
  });

  it('without a built app, says how to build it', async () => {
    const bare = createApp({ store: {} as Store, webDir: null });
    const res = await bare.request('/reports/1');
    expect(await res.text()).toContain('npm run build:web');
  });
});
