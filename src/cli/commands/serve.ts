/**
 * `jixiao serve [--port N] [--data DIR] [--demo]`: the multi-user server. DATABASE_URL selects PostgreSQL,
 * else the embedded database in DIR (default ./jixiao-data). On an empty database an admin account is
 * created (its password printed once) and, with --demo, the demo county loaded (each demo account's
 * password printed once; `npm start` passes --demo).
 */
import type { Command } from 'commander';
import { type FirstStart, firstStart } from '../../app/first-start.ts';
import { openJobQueue } from '../../app/jobs/open-queue.ts';
import { openDatabase } from '../../app/open-database.ts';
import { DEFAULT_DATA_DIR } from '../../app/store.ts';
import { warmIsolation } from '../../formats/isolate/index.ts';
import { parseTrustedProxies } from '../../server/client-address.ts';
import { startServer } from '../../server/start.ts';
import { isClusterWorker, runCluster } from '../serve-cluster.ts';

const printFirstStart = (f: FirstStart): void => {
  if (!f.created) return;
  const lines = [
    '',
    '首次启动：已创建管理员账号，密码只显示这一次，请妥善保存 (first start: admin account created; the password is shown once)',
    `  用户名 username: ${f.admin.username}`,
    `  密码 password:   ${f.admin.password}`,
  ];
  if (f.demo) {
    lines.push(
      '',
      '已载入示范县的演示数据；演示账号及其密码只显示这一次 (demo accounts; passwords shown once):',
    );
    for (const a of f.demo.accounts)
      lines.push(`  ${a.username.padEnd(12)} ${a.password.padEnd(22)} ${a.role.padEnd(16)} ${a.scope}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
};

type ServeOptions = {
  port: string;
  host: string;
  data: string;
  secure?: boolean;
  demo?: boolean;
  trustProxy?: string;
  worker?: boolean;
  processes: string;
};

export const registerServe = (program: Command): void => {
  program
    .command('serve')
    .description('启动多用户服务 (start the multi-user server)')
    .option('--port <n>', '端口 (port)', '8080')
    .option('--host <addr>', '监听地址；对外提供服务用 0.0.0.0 (listen address)', '127.0.0.1')
    .option('--data <dir>', `内置数据库的目录 (embedded database folder)`, DEFAULT_DATA_DIR)
    .option('--secure', 'Cookie 加 Secure 标志（经 HTTPS 反向代理时）(cookies only over https)')
    .option('--demo', '首次启动时载入示范县演示数据 (load the demo county on first start)')
    .option('--no-demo', '首次启动时不载入演示数据（默认）(no demo data; the default)')
    .option(
      '--no-worker',
      '本进程不处理批量任务，只由 jixiao worker 处理（仅 PostgreSQL）(leave batch jobs to jixiao worker processes)',
    )
    .option(
      '--processes <n>',
      '服务进程数，共用一个端口（仅 PostgreSQL）(server processes sharing the port; PostgreSQL only)',
      '1',
    )
    .option(
      '--trust-proxy <list>',
      '相信这些反向代理转发的 X-Forwarded-For，逗号分隔的地址或网段，如 127.0.0.1,10.0.0.0/8 (proxies whose X-Forwarded-For is believed; default JIXIAO_TRUST_PROXY)',
    )
    .action(async (opts: ServeOptions) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        process.stderr.write(`jixiao serve: 端口应为 0–65535 的整数：${opts.port} (bad port)\n`);
        process.exitCode = 2;
        return;
      }
      const trustSpec = opts.trustProxy ?? process.env.JIXIAO_TRUST_PROXY ?? '';
      const trustProxy = trustSpec.trim() === '' ? null : parseTrustedProxies(trustSpec);
      if (trustProxy && !trustProxy.ok) {
        process.stderr.write(`jixiao serve: ${trustProxy.message}\n`);
        process.exitCode = 2;
        return;
      }
      const databaseUrl = process.env.DATABASE_URL || undefined;
      const processes = Number(opts.processes);
      if (!Number.isInteger(processes) || processes < 1 || processes > 64) {
        process.stderr.write(`jixiao serve: 进程数应为 1–64 的整数：${opts.processes} (bad --processes)\n`);
        process.exitCode = 2;
        return;
      }
      if (processes > 1 && !databaseUrl) {
        process.stderr.write(
          'jixiao serve: 多个进程须使用 PostgreSQL（设置 DATABASE_URL）；内置数据库只能由一个进程打开 (several processes need PostgreSQL)\n',
        );
        process.exitCode = 2;
        return;
      }
      const opened = await openDatabase({ databaseUrl, dataDir: opts.data, thread: true });
      if (!opened.ok) {
        process.stderr.write(`jixiao serve: ${opened.message}\n`);
        process.exitCode = 2;
        return;
      }
      const store = opened.value;
      try {
        printFirstStart(await firstStart(store, { demo: opts.demo === true }));
      } catch (e) {
        await store.close();
        throw e;
      }
      if (processes > 1 && !isClusterWorker()) {
        // The primary made the first start (migrations, admin, demo) once; the processes serve.
        await store.close();
        await runCluster(processes, 'PostgreSQL (DATABASE_URL)');
        return;
      }
      let running: Awaited<ReturnType<typeof startServer>>;
      try {
        running = await startServer({
          store,
          jobs: await openJobQueue(store, databaseUrl),
          // The embedded database has no other process to work its jobs.
          workJobs: opts.worker !== false || !databaseUrl,
          port,
          host: opts.host,
          secure: opts.secure === true,
          trustProxy: trustProxy?.value ?? null,
        });
      } catch (e) {
        await store.close();
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE' || code === 'EACCES') {
          process.stderr.write(
            `jixiao serve: 端口 ${port} 已被占用或无权使用 (port ${port} is in use or not allowed)\n`,
          );
          process.exitCode = 2;
          return;
        }
        throw e;
      }
      // The reader of uploads starts now, so that the first .docx does not wait for it.
      void warmIsolation();
      const where = databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `内置数据库 ${opts.data}`;
      if (!isClusterWorker())
        process.stdout.write(`jixiao serve: ${running.url} （${where}；Ctrl+C 停止）\n`);
      // Once, however many signals come: one Ctrl+C reaches this process and bin/jixiao's (which passes
      // it on too, bin/serve-flags.mjs), and a second signal must not end the shutdown half-way.
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        process.stdout.write(`jixiao serve: 收到 ${signal}，正在关闭… (shutting down)\n`);
        running.close().then(
          () => process.exit(0),
          (e: unknown) => {
            process.stderr.write(`jixiao serve: 关闭时出错 (error on shutdown): ${String(e)}\n`);
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', () => stop('SIGINT'));
      process.on('SIGTERM', () => stop('SIGTERM'));
    });
};
