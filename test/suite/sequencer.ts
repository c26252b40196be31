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
