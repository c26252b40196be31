/**
 * Global setup of the browser tests: the CLI bundle (`jixiao serve`) and the web app made once, and the
 * servers' first starts (with and without the demo county) made once, each test's server starting on a
 * copy (test/e2e/server.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { makeFirstStarts } from '../e2e/serve-process.ts';
import { cliBundle, webApp } from './prebuild.ts';

export default async (project: TestProject): Promise<() => void> => {
  await cliBundle();
  const parent = mkdtempSync(join(tmpdir(), 'jixiao-first-starts-'));
  // The web app builds meanwhile: these servers serve no page.
  const [firstStarts] = await Promise.all([makeFirstStarts(parent, [[], ['--no-demo']]), webApp()]);
  project.provide('firstStarts', firstStarts);
  return () => rmSync(parent, { recursive: true, force: true });
};
