/**
 * Starting and stopping the HTTP server. `close` stops accepting connections, lets requests in flight
 * finish (bounded), then closes the store: PGlite keeps Node alive and may lose its last writes otherwise.
 */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { runAuditChunk } from '../app/jobs/audit-job.ts';
import { inProcessQueue } from '../app/jobs/in-process-queue.ts';
import { holdPdfBrowser } from '../app/render-version.ts';
import { createApp } from './app.ts';
import type { ServerOptions } from './context.ts';

/** Where `vite build` puts the web app, relative to the project. */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../dist/web', import.meta.url));

const PURGE_EVERY_MS = 60 * 60_000;
/** How long an idle kept-alive connection stays open (see startServer). */
export const KEEP_ALIVE_MS = 65_000;

export type Running = { url: string; port: number; close: () => Promise<void> };

export const startServer = async (
  options: ServerOptions & {
    port?: number;
    host?: string;
    closeStore?: boolean;
    /** Work batch jobs in this process too (default true; `jixiao serve --no-worker` on PostgreSQL). */
    workJobs?: boolean;
  },
): Promise<Running> => {
  const jobs = options.jobs ?? inProcessQueue(options.store);
  if (options.workJobs !== false) await jobs.work(runAuditChunk(options.store));
  const webDir =
    options.webDir === undefined ? (existsSync(DEFAULT_WEB_DIR) ? DEFAULT_WEB_DIR : null) : options.webDir;
  const app = createApp({ ...options, jobs, webDir });
  // Requests in flight, so that shutdown closes the store only after they have answered.
  let inFlight = 0;
  const fetch = async (req: Request, env: unknown): Promise<Response> => {
    inFlight++;
    try {
      return await app.fetch(req, env);
    } finally {
      inFlight--;
    }
  };
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch, port: options.port ?? 0, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  // An idle kept-alive connection stays open longer than a client or load balancer keeps one (60 s is
  // common): with Node's 5 s, a client that sent its next request on a connection as the server closed it
  // got ECONNRESET (seen in the browser tests). Headers must be allowed longer than that (Node's rule).
  const node = server as Server;
  node.keepAliveTimeout = KEEP_ALIVE_MS;
  node.headersTimeout = KEEP_ALIVE_MS + 1_000;
  const port = (server.address() as AddressInfo).port;
  // One Chromium for the server's PDFs, kept open between requests (launching one takes a second).
  const releasePdf = holdPdfBrowser();
  // Expired sessions are never valid (the lookup checks the expiry); this only keeps the table small.
  const purge = setInterval(() => {
    options.store.sessions.purgeExpired().catch(() => {});
  }, PURGE_EVERY_MS);
  purge.unref();
  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      clearInterval(purge);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          if ('closeAllConnections' in server) server.closeAllConnections();
          resolve();
        }, 5_000);
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        if ('closeIdleConnections' in server) server.closeIdleConnections();
      });
      for (let waited = 0; inFlight > 0 && waited < 10_000; waited += 50)
        await new Promise((r) => setTimeout(r, 50));
      await releasePdf();
      await jobs.close();
      if (options.closeStore !== false) await options.store.close();
    })();
    return closing;
  };
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return { url: `http://${shown}:${port}`, port, close };
};
