/**
 * `jixiao serve --processes N` on PostgreSQL: N server processes behind one port (node:cluster; the
 * primary hands each new connection to the next process). The server keeps no state of its own, so
 * any process may answer any request. The primary only starts, replaces a process that dies, and stops
 * them all on SIGINT/SIGTERM.
 */
import cluster from 'node:cluster';

/** True in a process the primary started (it serves, and leaves the URL line to the primary). */
export const isClusterWorker = (): boolean => cluster.isWorker;

/** Starts `count` processes running this same command and waits until they stop. */
export const runCluster = async (count: number, where: string): Promise<void> => {
  let stopping = false;
  let printed = false;
  let listening = 0;
  const fork = () => cluster.fork({ JIXIAO_SERVE_PROCESS: '1' });
  cluster.on('listening', (_worker, address) => {
    listening++;
    // The others start once the first listens: opening the store at once in several processes (its
    // start-up writes) can deadlock in PostgreSQL on a new database.
    if (listening === 1) for (let i = 1; i < count; i++) fork();
    if (printed || listening < count) return;
    printed = true;
    const host = address.address && address.address !== '::' ? address.address : '127.0.0.1';
    process.stdout.write(
      `jixiao serve: http://${host}:${address.port} （${where}；${count} 个进程 processes；Ctrl+C 停止）\n`,
    );
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    process.stderr.write(
      `jixiao serve: 进程 ${worker.process.pid} 退出 (${signal ?? code})，另起一个 (a process exited; starting another)\n`,
    );
    fork();
  });
  fork();
  await new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      process.stdout.write(`jixiao serve: 收到 ${signal}，正在关闭… (shutting down)\n`);
      const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
      let left = workers.length;
      if (left === 0) resolve();
      for (const w of workers) {
        w.once('exit', () => {
          if (--left === 0) resolve();
        });
        w.process.kill('SIGTERM');
      }
    };
    // `on`, not `once`: a second signal (Ctrl+C reaches bin/jixiao's process too, which passes it on)
    // must find the shutdown under way rather than end the process half-way.
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  });
};
