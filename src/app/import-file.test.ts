import { chmodSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile, MAX_INPUT_BYTES } from './import-file.ts';

const CLEAN = new URL('../../test/fixtures/audit/clean-base.txt', import.meta.url).pathname;
const dir = () => mkdtempSync(join(tmpdir(), 'jixiao-import-'));
const code = async (path: string) => {
  const r = await importFile(path);
  return r.ok ? 'ok' : r.code;
};

describe('importFile', () => {
  it('reads a report from disk, whatever its size relative to one read', async () => {
    expect(await code(CLEAN)).toBe('ok');
    // Several copies in one file: one fstat-sized read, then the read that finds the end.
    const big = join(dir(), 'big.txt');
    const text = readFileSync(CLEAN, 'utf8');
    writeFileSync(big, text + '\n'.repeat(200_000));
    const [r, c] = [await importFile(big), await importFile(CLEAN)];
    if (!r.ok || !c.ok) throw new Error('both should read');
    expect(r.value).toMatchObject({ kind: c.value.kind, title: c.value.title });
    expect(r.value.kind).toBe('department');
  });

  it('says what is wrong with a path that is not a readable report file', async () => {
    const d = dir();
    expect(await code(join(d, 'missing.txt'))).toBe('read.not-found');
    expect(await code(d)).toBe('read.is-directory');
    const empty = join(d, 'empty.txt');
    writeFileSync(empty, '');
    expect(await code(empty)).toBe('read.empty');
    const huge = join(d, 'huge.txt');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_INPUT_BYTES + 1); // sparse: no 64 MB written
    expect(await code(huge)).toBe('read.too-large');
  });

  it.skipIf(process.getuid?.() === 0)('says when a file may not be read', async () => {
    const locked = join(dir(), 'locked.txt');
    writeFileSync(locked, '报告');
    chmodSync(locked, 0o000);
    expect(await code(locked)).toBe('read.no-access');
  });
});
