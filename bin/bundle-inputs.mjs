/**
 * What a kept bundle was made from — each source file's size and modification time, by its path from the
 * project's root — and whether all of them are still so. Shared by bin/cli-bundle.mjs (the CLI's bundle)
 * and src/app/pool/bundle.ts (the workers'); plain JavaScript, as bin/ runs before anything is built.
 * `root` is a parameter, not this file's URL: the module is also bundled into the CLI.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @param {string} root
 * @param {Iterable<string>} paths
 * @returns {Record<string, [number, number]>}
 */
export const inputsOf = (root, paths) => {
  /** @type {Record<string, [number, number]>} */
  const inputs = {};
  for (const path of paths) {
    const s = statSync(join(root, path));
    inputs[path] = [s.size, s.mtimeMs];
  }
  return inputs;
};

/**
 * @param {string} root
 * @param {Record<string, [number, number]>} inputs
 * @returns {boolean}
 */
export const unchanged = (root, inputs) =>
  Object.entries(inputs).every(([path, [size, mtime]]) => {
    try {
      const s = statSync(join(root, path));
      return s.size === size && s.mtimeMs === mtime;
    } catch {
      return false;
    }
  });
