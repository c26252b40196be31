/**
 * Serving the built web app (dist/web) with an SPA fallback: any GET outside /api that is not a file
 * gets index.html. When the app is not built, a plain page says how to build it; the API works anyway.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { Env } from './context.ts';

const NOT_BUILT = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>jixiao 绩效自评</title>
<body style="font-family:sans-serif;max-width:40em;margin:3em auto;line-height:1.6">
<h1>jixiao 绩效自评服务已启动</h1>
<p>网页界面尚未构建。请在项目目录运行 <code>npm start</code>（会先构建网页），或 <code>npm run build:web</code> 后重启服务。</p>
<p>The web app is not built yet: run <code>npm start</code> (it builds the web app first) or <code>npm run build:web</code>, then restart.</p>
<p>API 可以直接使用：<a href="/api/openapi.json">/api/openapi.json</a>，已公开的报告：<a href="/api/public/reports">/api/public/reports</a>。</p>
</body></html>`;

/**
 * The web app's Content-Security-Policy: scripts only from this server (the bundle has no inline script),
 * styles from it and inline (Ant Design writes its CSS-in-JS into <style> elements at run time), images
 * and fonts from it or data:/blob: URLs (ECharts, downloads), requests only to this server, no plugins,
 * no framing, no foreign form targets or <base>.
 */
export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const webApp = (webDir: string | null | undefined): Hono<Env> => {
  const app = new Hono<Env>();
  app.use('*', async (c, next) => {
    await next();
    c.header('content-security-policy', WEB_CSP);
  });
  const index = webDir ? join(webDir, 'index.html') : null;
  if (!webDir || !index || !existsSync(index)) {
    app.get('*', (c) => c.html(NOT_BUILT, 200));
    return app;
  }
  const html = readFileSync(index, 'utf8');
  app.use(
    '/assets/*',
    async (c, next) => {
      await next();
      // Vite names assets by content hash: they can be cached for good.
      if (c.res.status === 200) c.header('cache-control', 'public, max-age=31536000, immutable');
    },
    serveStatic({ root: webDir }),
  );
  app.use('*', serveStatic({ root: webDir }));
  app.get('*', (c) => {
    c.header('cache-control', 'no-cache');
    return c.html(html, 200);
  });
  return app;
};
