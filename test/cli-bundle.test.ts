/**
 * bin/jixiao runs a bundle of the sources kept in node_modules/.cache/jixiao (bin/cli-bundle.mjs). On a
 * copy of the project: the first command makes the bundle, the next ones use it, a changed source makes
 * a new one, and a source that does not compile leaves the command to tsx.
 */
import { execFile } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDocx } from '../src/formats/docx/write-docx.ts';
import { composedReport } from './fixtures/docx/composed-report.ts';

const ROOT = new URL('..', import.meta.url).pathname;
// A folder name with a space, # and Chinese, as a user's may have.
const copy = mkdtempSync(join(tmpdir(), 'jixiao bundle #报告-'));
for (const d of ['bin', 'src', 'frameworks', 'drizzle', 'test/fixtures/audit'])
  cpSync(join(ROOT, d), join(copy, d), { recursive: true });
cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
// The project's packages, each linked into the copy's own node_modules (where its cache then goes).
mkdirSync(join(copy, 'node_modules'));
for (const name of readdirSync(join(ROOT, 'node_modules')).filter((n) => n !== '.cache'))
  symlinkSync(join(ROOT, 'node_modules', name), join(copy, 'node_modules', name));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const CURRENT = join(copy, 'node_modules', '.cache', 'jixiao', 'current.json');
const bundleDir = () => (JSON.parse(readFileSync(CURRENT, 'utf8')) as { dir: string }).dir;
/** Runs the copy's bin/jixiao; `how` is what it said it ran (the bundle or tsx). */
const run = async (...args: string[]) => {
  const { stdout, stderr } = await promisify(execFile)(join(copy, 'bin', 'jixiao'), args, {
    env: { ...process.env, JIXIAO_TSX: '', JIXIAO_DEBUG: '1' },
  });
  // The bundle is tried first: said together with tsx, it failed and tsx ran.
  const how = stderr.includes('through tsx') ? 'tsx' : stderr.includes('running the bundle') ? 'bundle' : '?';
  return { stdout, how };
};
const jixiao = async (...args: string[]) => {
  const r = await run(...args);
  expect(r.how).toBe('bundle');
  return r.stdout;
};

describe('bin/jixiao from a bundle', () => {
  it('makes the bundle once, uses it, and makes it again when a source changes', async () => {
    expect(await jixiao('--version')).toContain('0.1.0');
    const first = bundleDir();
    const inputs = Object.keys(
      (JSON.parse(readFileSync(CURRENT, 'utf8')) as { inputs: Record<string, unknown> }).inputs,
    );
    expect(inputs).toContain('src/cli/main.ts');
    expect(inputs).toContain('frameworks/mof-2020-project.json');

    const audit = await jixiao('audit', join(copy, 'test/fixtures/audit/clean-base.txt'), '--format', 'json');
    expect(JSON.parse(audit)).toEqual([
      { file: join(copy, 'test/fixtures/audit/clean-base.txt'), findings: [] },
    ]);
    expect(bundleDir()).toBe(first);
    // A .docx is read in a child process from a bundle of src/formats/isolate/worker.ts (made from the
    // copy's sources beside the CLI bundle): the same report as the text gives.
    const docx = join(copy, 'report.docx');
    writeFileSync(docx, await writeDocx({ report: composedReport() }));
    const fromDocx = JSON.parse(await jixiao('import', docx, '--format', 'json')) as { kind: string };
    expect(fromDocx.kind).toBe('department');
    // …and in a child indeed: with a time limit of 1 ms it is refused as too slow, not read in place.
    process.env.JIXIAO_READ_TIMEOUT_MS = '1';
    const slow = await run('import', docx).catch((e: { code: number; stderr: string }) => e);
    delete process.env.JIXIAO_READ_TIMEOUT_MS;
    expect(slow).toMatchObject({ code: 2, stderr: expect.stringContaining('秒内未能读完') });

    appendFileSync(join(copy, 'src/core/decimal.ts'), '\n// changed\n');
    await jixiao('--version');
    expect(bundleDir()).not.toBe(first);
  }, 60_000);

  it('runs through tsx when a source does not compile', async () => {
    const before = bundleDir();
    appendFileSync(join(copy, 'src/cli/commands/frameworks.ts'), '\nconst broken: = 1;\n');
    // The audit command does not load the broken file: it runs, and the bundle stays as it was.
    const r = await run('audit', '--help');
    expect(r.stdout).toContain('jixiao audit');
    expect(r.how).toBe('tsx');
    expect(bundleDir()).toBe(before);
  }, 60_000);
});
