/**
 * The order test files start in: longest first, so that the files running side by side finish together
 * rather than one long file starting last. A file's length is what Vitest measured on this machine's last
 * run (its cache), or else the figure below (seconds, from a fresh clone's run on 2 cores), or else 0;
 * files of equal length keep Vitest's own order (larger files first).
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const SECONDS: Record<string, number> = {
  'src/formats/understand/corpus-formats.test.ts': 86,
  'test/e2e/workflow.test.ts': 84,
  'src/formats/cross-format.test.ts': 76,
  'test/e2e/targets.test.ts': 60,
  'test/e2e/setup-county.test.ts': 58,
  'test/server/pdf-concurrency.test.ts': 56,
  'src/cli/hostile-files.test.ts': 45,
  // Not in that run's list: scaled from a run at load 20–40 by corpus-formats' ratio (366 s there).
  'src/formats/docx/write-docx.test.ts': 64,
  'src/formats/isolate/pool.test.ts': 51,
  'test/e2e/targets-public.test.ts': 51,
  'test/server/api.pglite.test.ts': 51,
  'test/server/two-processes.test.ts': 50,
  'test/e2e/attachments.test.ts': 47,
  'test/e2e/bureau.test.ts': 47,
  'src/cli/commands/import.test.ts': 47,
  'src/app/framework-scope.test.ts': 46,
  'test/e2e/new-version.test.ts': 44,
  'test/server/api.postgres.test.ts': 44,
  'src/formats/pdf/read-pdf.test.ts': 39,
  'src/formats/office/read-ole.test.ts': 33,
  'src/app/workflow-race.db.test.ts': 31,
  'src/store/pglite-thread.db.test.ts': 30,
  'src/app/jobs/jobs.db.test.ts': 29,
};
/** A browser test not listed above: each starts a server and a browser. */
const BROWSER_SECONDS = 30;

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const seconds = (f: TestSpecification): number => {
      const path = relative(root, f.moduleId);
      const cached = this.ctx.cache.getFileTestResults(`${f.project.name}:${path}`)?.duration;
      if (cached !== undefined) return cached / 1000;
      return SECONDS[path] ?? (path.startsWith('test/e2e/') ? BROWSER_SECONDS : 0);
    };
    const base = await super.sort(files);
    return base
      .map((f, i) => ({ f, i, s: seconds(f) }))
      .sort((a, b) => b.s - a.s || a.i - b.i)
      .map((x) => x.f);
  }
}
