/**
 * `jixiao admin …`: accounts, departments, backup and restore, on the machine of the database. The
 * embedded database is refused while a server holds it (its lock file): then go through the server.
 */
import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { addDepartment, listDepartments } from '../../app/departments-admin.ts';
import { openDatabase } from '../../app/open-database.ts';
import { randomPassword } from '../../app/passwords.ts';
import { backupDataDir, DEFAULT_DATA_DIR, restoreDataDir, type Store } from '../../app/store.ts';
import { addUser, listUsers, setDisabled, setPassword } from '../../app/users-admin.ts';
import type { Result } from '../../core/result.ts';
import { departmentsText, usersText } from '../admin-text.ts';
import { type BackupDone, backupThroughServer } from '../backup-through-server.ts';
import { printJson } from '../output.ts';
import { parseRole, rolesInWords } from '../roles.ts';

type Opts = { data: string };

/** A list as a Chinese table in a terminal, as JSON (ids kept) when piped. */
const printRows = <R>(rows: R[], text: (rows: R[]) => string): void => {
  if (process.stdout.isTTY) process.stdout.write(text(rows));
  else printJson(rows);
};

const isFile = (file: string): boolean => {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

const say = (line: string): void => {
  process.stderr.write(`jixiao admin: ${line}\n`);
};

/** A backup's outcome, made here or through the server at `via`: one line either way, exit 2 on failure. */
const presentBackup = (file: string, r: Result<BackupDone>, via: string | null): void => {
  if (r.ok) process.stdout.write(`已备份到 ${file}（${r.value.bytes} 字节${via ? `，经由 ${via}` : ''}）\n`);
  else {
    say(r.message);
    process.exitCode = 2;
  }
};

/** Opens the store, runs `fn`, always closes it; a refusal is one line and exit 2. */
const withStore = async (opts: Opts, fn: (store: Store) => Promise<boolean>): Promise<void> => {
  const opened = await openDatabase({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: opts.data,
  });
  if (!opened.ok) {
    say(opened.message);
    process.exitCode = 2;
    return;
  }
  try {
    if (!(await fn(opened.value))) process.exitCode = 2;
  } finally {
    await opened.value.close();
  }
};

const report = (r: { ok: true } | { ok: false; message: string }): boolean => {
  if (!r.ok) say(r.message);
  return r.ok;
};

/** A department or jurisdiction named by id or by exact name. */
const findId = async (
  store: Store,
  kind: 'department' | 'jurisdiction',
  spec: string,
): Promise<string | null> => {
  if (kind === 'department') {
    const all = await store.org.listDepartments({});
    return all.find((d) => d.id === spec || d.name === spec || d.code === spec)?.id ?? null;
  }
  const tops = await store.org.listJurisdictions(null);
  for (const t of tops)
    for (const j of await store.org.jurisdictionSubtree(t.id))
      if (j.id === spec || j.name === spec || j.code === spec) return j.id;
  return null;
};

export const registerAdmin = (program: Command): void => {
  const admin = program
    .command('admin')
    .description('管理：用户、单位、备份与恢复 (administration: users, departments, backup, restore)')
    .option('--data <dir>', '内置数据库的目录 (embedded database folder)', DEFAULT_DATA_DIR);
  const opts = (): Opts => admin.opts<Opts>();

  const users = admin.command('users').description('用户 (users)');
  users
    .command('list')
    .description('列出用户 (list users)')
    .action(() =>
      withStore(opts(), async (store) => {
        const r = await listUsers(store, null);
        if (r.ok) {
          const rows = r.value.map((u) => ({
            username: u.username,
            displayName: u.displayName,
            role: u.role,
            disabled: u.disabled,
            id: u.id,
          }));
          printRows(rows, usersText);
        }
        return report(r);
      }),
    );
  users
    .command('add')
    .description(
      '新增用户；不给密码时生成并显示一次 (add a user; a password is generated when none is given)',
    )
    .requiredOption('--username <name>', '用户名 (username)')
    .requiredOption('--role <role>', `角色：${rolesInWords()} (role)`)
    .option('--name <display>', '姓名 (display name)')
    .option('--department <id|name>', '单位角色的所属单位 (department of a department role)')
    .option('--jurisdiction <id|name>', '财政审核、管理员的所属地区 (jurisdiction)')
    .option('--password <password>', '密码，至少 10 个字符 (password)')
    .action(
      (o: {
        username: string;
        role: string;
        name?: string;
        department?: string;
        jurisdiction?: string;
        password?: string;
      }) =>
        withStore(opts(), async (store) => {
          const role = parseRole(o.role);
          if (!role) {
            say(`角色应为 ${rolesInWords()} 之一：${o.role} (unknown role)`);
            return false;
          }
          const departmentId = o.department ? await findId(store, 'department', o.department) : null;
          const jurisdictionId = o.jurisdiction ? await findId(store, 'jurisdiction', o.jurisdiction) : null;
          if ((o.department && !departmentId) || (o.jurisdiction && !jurisdictionId)) {
            say(`找不到单位或地区 ${o.department ?? o.jurisdiction} (no such department or jurisdiction)`);
            return false;
          }
          const password = o.password ?? randomPassword();
          const r = await addUser(store, null, {
            username: o.username,
            displayName: o.name ?? o.username,
            password,
            role,
            departmentId,
            jurisdictionId,
          });
          if (r.ok)
            process.stdout.write(
              `已创建用户 ${r.value.username}${o.password ? '' : `，密码 ${password}（只显示一次）`}\n`,
            );
          return report(r);
        }),
    );
  const byName = async (store: Store, username: string) => {
    const u = await store.users.findUserForLogin(username);
    if (!u) say(`没有用户 ${username} (no such user)`);
    return u;
  };
  users
    .command('set-password')
    .description('重设密码，并结束其所有会话 (set a password; ends the user’s sessions)')
    .argument('<username>')
    .option('--password <password>', '新密码；不给时生成 (new password; generated when absent)')
    .action((username: string, o: { password?: string }) =>
      withStore(opts(), async (store) => {
        const u = await byName(store, username);
        if (!u) return false;
        const password = o.password ?? randomPassword();
        const r = await setPassword(store, null, { userId: u.id, password });
        if (r.ok)
          process.stdout.write(
            `已重设 ${username} 的密码${o.password ? '' : `：${password}（只显示一次）`}\n`,
          );
        return report(r);
      }),
    );
  users
    .command('disable')
    .description('停用用户 (disable a user)')
    .argument('<username>')
    .action((username: string) =>
      withStore(opts(), async (store) => {
        const u = await byName(store, username);
        if (!u) return false;
        const r = await setDisabled(store, null, { userId: u.id, disabled: true });
        if (r.ok) process.stdout.write(`已停用 ${username}\n`);
        return report(r);
      }),
    );

  const departments = admin.command('departments').description('单位 (departments)');
  departments
    .command('list')
    .description('列出单位 (list departments)')
    .action(() =>
      withStore(opts(), async (store) => {
        const rows = (await listDepartments(store, null)).map((d) => ({
          name: d.name,
          code: d.code,
          id: d.id,
          supervisorId: d.supervisorId,
        }));
        printRows(rows, departmentsText);
        return true;
      }),
    );
  departments
    .command('add')
    .description('新增单位 (add a department)')
    .requiredOption('--name <name>', '单位名称 (name)')
    .requiredOption('--jurisdiction <id|name>', '所属地区 (jurisdiction)')
    .option('--code <code>', '单位编码 (code)')
    .option('--supervisor <id|name>', '主管部门 (supervising department)')
    .action((o: { name: string; jurisdiction: string; code?: string; supervisor?: string }) =>
      withStore(opts(), async (store) => {
        const jurisdictionId = await findId(store, 'jurisdiction', o.jurisdiction);
        const supervisorId = o.supervisor ? await findId(store, 'department', o.supervisor) : null;
        if (!jurisdictionId || (o.supervisor && !supervisorId)) {
          say(`找不到地区或主管部门 (no such jurisdiction or supervisor)`);
          return false;
        }
        const r = await addDepartment(store, null, {
          name: o.name,
          code: o.code ?? null,
          jurisdictionId,
          supervisorId,
        });
        if (r.ok) process.stdout.write(`已创建单位 ${r.value.name} (${r.value.id})\n`);
        return report(r);
      }),
    );

  const embeddedOnly = (): boolean => {
    if (!process.env.DATABASE_URL) return true;
    say(
      'DATABASE_URL 指向 PostgreSQL：请用 pg_dump / pg_restore 备份和恢复 (use pg_dump / pg_restore for PostgreSQL)',
    );
    process.exitCode = 2;
    return false;
  };
  admin
    .command('backup')
    .description(
      '备份内置数据库到文件；服务正在运行时经由该服务备份 (back up the embedded database; through the running server when one holds it)',
    )
    .argument('<file>')
    .option('--server <url>', '正在运行的服务地址 (the running server)', 'http://127.0.0.1:8080')
    .option(
      '--username <name>',
      '管理员用户名；密码取自环境变量 JIXIAO_ADMIN_PASSWORD (admin username)',
      'admin',
    )
    .action(async (file: string, o: { server: string; username: string }) => {
      if (!embeddedOnly()) return;
      const local = await backupDataDir(opts().data, file);
      // A server holds the folder: it is the database's only owner, so the backup goes through it.
      const viaServer = !local.ok && local.code === 'data-dir-locked';
      const r = viaServer ? await backupThroughServer(o.server, o.username, file, local) : local;
      presentBackup(file, r, viaServer ? o.server : null);
    });
  admin
    .command('restore')
    .description('从备份恢复内置数据库；原有数据库另存一旁，不删除 (restore; the old database is kept aside)')
    .argument('<file>')
    .option('--replace', '目录中已有数据库时替换它 (replace an existing database)')
    .action(async (file: string, o: { replace?: boolean }) => {
      if (!embeddedOnly()) return;
      // Said before anything is opened or moved aside, in words rather than the system's ENOENT.
      if (!isFile(file)) {
        say(`找不到备份文件 ${file}，或它不是文件 (no such backup file)`);
        process.exitCode = 2;
        return;
      }
      const r = await restoreDataDir(opts().data, file, { replace: o.replace === true });
      if (r.ok)
        process.stdout.write(
          `已从 ${file} 恢复${r.value.keptAside ? `；原数据库保存在 ${r.value.keptAside}` : ''}\n`,
        );
      else {
        say(r.message);
        process.exitCode = 2;
      }
    });
};
