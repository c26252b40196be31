import { availableParallelism } from 'node:os';
import { globSync } from 'tinyglobby';
import { defineConfig } from 'vitest/config';
import LongestFirst from './test/suite/sequencer.ts';

/**
 * Test files that share one module graph per worker (no re-import per file): code without process-wide
 * state of its own. Files that start browsers, LibreOffice or databases, or that read or set process-wide
 * settings (PDF statistics, worker-pool limits, environment variables), are isolated: each file in a
 * fresh module graph. The browser tests (their own project) share one again: their state is in processes.
 */
const SHARED = [
  'src/core/**/*.test.ts',
  'src/formats/**/*.test.ts',
  'src/web/**/*.test.ts',
  'src/app/**/*.test.ts',
];
const OWN_STATE = [
  'src/app/jobs/**',
  'src/app/*.db.test.ts',
  'src/app/audit-files-workers.test.ts',
  'src/app/dashboard.test.ts',
  'src/app/framework-scope.test.ts',
  'src/app/progress.test.ts',
  'src/app/render-project.test.ts',
  'src/formats/cross-format.test.ts',
  'src/formats/docx/write-docx.test.ts',
  'src/formats/isolate/pool.test.ts',
  'src/formats/office/read-ole.test.ts',
  'src/formats/office/resident-office.test.ts',
  'src/formats/pdf/read-pdf.test.ts',
  'src/formats/pdf/write-pdf.test.ts',
  'src/formats/project/libreoffice.test.ts',
  'src/formats/understand/corpus-formats.test.ts',
];
const SHARED_FILES = globSync(SHARED, { ignore: OWN_STATE, cwd: import.meta.dirname });
const BROWSER = ['test/e2e/**/*.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // Vitest's default on 2 cores is one file at a time; most files wait on a database, a browser or a
    // child process much of the time, so two run side by side (more on larger machines).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        extends: true,
        test: { name: 'shared', include: SHARED_FILES, isolate: false },
      },
      {
        extends: true,
        test: {
          name: 'isolated',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...SHARED_FILES, ...BROWSER],
          globalSetup: ['test/suite/cli-bundle.setup.ts', 'test/suite/pglite-template.setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: BROWSER,
          // One module graph per worker: a file's state is in its server, its browser contexts and its
          // `describe` block, and importing the harness and the sources again per file cost ~1 s of CPU.
          isolate: false,
          globalSetup: ['test/suite/browser.setup.ts'],
          // What a page shows after a server round trip: as long as a locator waits (page default), not 1 s.
          expect: { poll: { timeout: 20_000 } },
          // Closing a browser and stopping a server (up to 10 s before SIGKILL) on a loaded machine.
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
