/**
 * The checks `npm test` runs before the tests — `npm run lint`, `npm run typecheck` and
 * `npm run schema:check` — side by side rather than one after another: each command of those scripts
 * (their parts joined by `&&`) is a process of its own; the two type checks (one thread each) take most of
 * the time, and on two cores the others fit beside them. Each command's output is printed whole when it
 * ends, in the scripts' order; the exit status is 1 when any command failed.
 *
 * With `--prebuild` (what `npm test` passes) the CLI bundle and the web app that the tests' global setups
 * would otherwise make before any test starts (test/suite/prebuild.ts) are made meanwhile, beside the
 * checks: they need nothing the checks make, and the setups then find them up to date.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SCRIPTS = ['lint', 'typecheck', 'schema:check'];

const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};
const commands = SCRIPTS.flatMap((s) => {
  const script = scripts[s];
  if (!script) throw new Error(`package.json has no script ${s}`);
  return script.split(' && ').map((command) => ({ script: s, command: command.trim() }));
});
if (process.argv.includes('--prebuild'))
  commands.push(
    { script: 'prebuild', command: 'node bin/jixiao --version' },
    { script: 'prebuild', command: 'tsx scripts/build-web-if-stale.ts' },
  );
// As `npm run` does: the project's own binaries first.
const PATH = [join(ROOT, 'node_modules/.bin'), process.env.PATH ?? ''].join(delimiter);

const run = (command: string) =>
  new Promise<{ code: number; output: string; seconds: number }>((resolve) => {
    const started = performance.now();
    const child = spawn(command, {
      cwd: ROOT,
      shell: true,
      env: { ...process.env, PATH },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const add = (b: Buffer) => {
      output += b.toString();
    };
    child.stdout.on('data', add);
    child.stderr.on('data', add);
    const done = (code: number) => resolve({ code, output, seconds: (performance.now() - started) / 1000 });
    child.on('error', (e) => {
      output += `${e.message}\n`;
      done(1);
    });
    child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });

const results = await Promise.all(commands.map((c) => run(c.command)));
let failed = 0;
for (const [i, r] of results.entries()) {
  const { script, command } = commands[i]!;
  console.log(`\n> ${script}: ${command}`);
  if (r.output.trim()) console.log(r.output.trimEnd());
  console.log(`${r.code === 0 ? '通过 (ok)' : `失败 (failed, exit ${r.code})`}, ${r.seconds.toFixed(1)} s`);
  if (r.code !== 0) failed++;
}
if (failed) {
  console.error(`\n${failed} 项检查未通过 (${failed} check(s) failed)`);
  process.exit(1);
}
