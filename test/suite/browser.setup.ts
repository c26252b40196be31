/**
 * Global setup of the browser tests: the CLI bundle (`jixiao serve`) and the web app made once, the
 * servers' first starts (with and without the demo county) made once, each test's server starting on a
 * copy (test/e2e/server.ts), and one Chromium that every test file connects to (test/e2e/harness.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { hasChromium, launchShared } from '../e2e/browser.ts';
import { makeFirstStarts } from '../e2e/serve-process.ts';
import { cliBundle, webApp } from './prebuild.ts';

export default async (project: TestProject): Promise<() => Promise<void>> => {
  await cliBundle();
  const parent = mkdtempSync(join(tmpdir(), 'jixiao-first-starts-'));
  // The web app builds and the browser starts meanwhile: these servers serve no page.
  const [firstStarts, , browser] = await Promise.all([
    makeFirstStarts(parent, [[], ['--no-demo']]),
    webApp(),
    hasChromium ? launchShared() : undefined,
  ]);
  project.provide('firstStarts', firstStarts);
  project.provide('browserWs', browser?.wsEndpoint());
  return async () => {
    await browser?.close();
    rmSync(parent, { recursive: true, force: true });
  };
};
