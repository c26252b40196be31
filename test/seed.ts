/**
 * The real sample report lives outside the project (../shared/seeds/). Tests that need it use
 * `describeSeed`, which skips — and says so — on a clone without that folder.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

export const SEEDS_DIR = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
export const hasSeeds = existsSync(SEEDS_DIR);

/** Paths of the seed reports (.txt), empty when ../shared/seeds/ is absent. */
export const seedPaths = (): string[] =>
  hasSeeds
    ? readdirSync(SEEDS_DIR)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((f) => `${SEEDS_DIR}${f}`)
    : [];

/** The first seed report's path (the main test case). */
export const seedPath = (): string => {
  const p = seedPaths()[0];
  if (!p) throw new Error('no seed report in ../shared/seeds/');
  return p;
};

export const seedBytes = (): Uint8Array => readFileSync(seedPath());

if (!hasSeeds) {
  console.warn(
    `[skip] ../shared/seeds/ not found (${SEEDS_DIR}): tests on the real sample report are skipped`,
  );
}

/** `describe` that runs only when the seed reports exist. */
export const describeSeed = hasSeeds ? describe : describe.skip;
