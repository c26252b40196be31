/**
 * The V8 flags `jixiao serve` runs with, and how it gets them: a V8 flag acts only when the process
 * starts, so `bin/jixiao serve` started without them starts the same command again as a child process
 * with them, and stays beside it only to pass signals on and the exit code back.
 *
 * `--max-semi-space-size=64`: a server's requests each allocate a few hundred KB that live for a few
 * milliseconds (the 40 KB document as a string, then as the bytes written), with many requests in flight;
 * V8's default young generation (16 MB semi-spaces at most) fills while they are still alive, so they
 * are promoted and the old generation is collected again and again (GC 17% of the server's busy time,
 * measured on reads; 3.5% with 64 MB). Only `serve`: the other commands' memory goals are different.
 *
 * The child keeps an IPC channel to this process, so that it learns when this one ends however it ends
 * (even by SIGKILL) and shuts down too. Ctrl+C reaches both processes (one process group) and this one
 * passes SIGINT on as well, so the child's shutdown must not mind a second signal (serve.ts's is so).
 */
import { spawn } from 'node:child_process';

/** The flags of `jixiao serve` (and of the benchmark's servers, app and floor alike). */
export const SERVE_NODE_FLAGS = ['--max-semi-space-size=64'];

/** Set in the child that {@link serveWithFlags} starts; read (and removed) by {@link asServeChild}. */
const CHILD = 'JIXIAO_SERVE_CHILD';

/** The flags' names (`--max-semi-space-size`), to tell whether node was started with them already. */
const names = SERVE_NODE_FLAGS.map((f) => f.split('=')[0].replaceAll('_', '-'));

/** True when `jixiao serve` has to start again with the flags: asked for serve, flags not given. */
export const needsServeFlags = (argv = process.argv, execArgv = process.execArgv) => {
  if (argv[2] !== 'serve' || process.env[CHILD] === '1') return false;
  const given = [...execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].map((a) =>
    a.split('=')[0].replaceAll('_', '-'),
  );
  return !names.every((n) => given.includes(n));
};

/**
 * Starts this same command again with the flags and never resolves: this process ends with the child,
 * with its exit code (or by its signal). SIGINT, SIGTERM and SIGHUP are passed on.
 */
export const serveWithFlags = () =>
  new Promise(() => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, ...SERVE_NODE_FLAGS, ...process.argv.slice(1)],
      { stdio: ['inherit', 'inherit', 'inherit', 'ipc'], env: { ...process.env, [CHILD]: '1' } },
    );
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    const pass = (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    for (const s of signals) process.on(s, pass);
    child.once('error', (e) => {
      process.stderr.write(
        `jixiao serve: 无法启动服务进程 (cannot start the server process): ${e.message}\n`,
      );
      process.exit(1);
    });
    child.once('exit', (code, signal) => {
      if (signal) {
        // Ended by a signal: this process ends by the same one, so the shell sees what happened.
        for (const s of signals) process.removeListener(s, pass);
        process.kill(process.pid, signal);
        setTimeout(() => process.exit(1), 1000).unref();
        return;
      }
      process.exit(code ?? 1);
    });
  });

/**
 * In the child: the IPC channel must not keep it alive (a command that ends, such as `serve --help`,
 * ends), and when the parent goes (the channel closes) the child stops as on SIGTERM.
 */
export const asServeChild = () => {
  if (process.env[CHILD] !== '1') return;
  // Not passed on to the processes this one starts (`--processes N`: theirs is the cluster's channel).
  delete process.env[CHILD];
  if (!process.channel) return;
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
};
