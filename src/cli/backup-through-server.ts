/**
 * `jixiao admin backup` when a running server holds the data folder: the backup is downloaded from that
 * server, its only owner. The result is the local backup's (`backupDataDir`): the bytes written, or a
 * Failure with a stable code — the server's own code when it refused (bad-login, forbidden, rate-limited …).
 */
import { writeFile } from 'node:fs/promises';
import { FAILURE_CODES, type Failure, type FailureCode, failure, ok, type Result } from '../core/result.ts';

export type BackupDone = { bytes: number };

const isFailureCode = (code: unknown): code is FailureCode =>
  typeof code === 'string' && (FAILURE_CODES as readonly string[]).includes(code);

/** A refusal of the server as a Failure: its code and message when it sent them, else `fallback`. */
const refused = async (res: Response, what: string, fallback: FailureCode): Promise<Failure> => {
  const text = await res.text();
  let code: FailureCode = fallback;
  let message = text.slice(0, 200);
  try {
    const body = JSON.parse(text) as { code?: unknown; message?: unknown };
    if (isFailureCode(body.code)) code = body.code;
    if (typeof body.message === 'string') message = body.message;
  } catch {}
  return { ok: false, code, message: `${what}：${message} (HTTP ${res.status})` };
};

/**
 * Signs in to the server at `server` as the admin `username` (password from JIXIAO_ADMIN_PASSWORD, never
 * an argument that other users could see in the process list) and downloads its backup into `file`.
 * `locked` is the local refusal that sent the backup here; without a password it is the answer, saying how.
 */
export const backupThroughServer = async (
  server: string,
  username: string,
  file: string,
  locked: Failure<'data-dir-locked'>,
): Promise<Result<BackupDone>> => {
  const password = process.env.JIXIAO_ADMIN_PASSWORD;
  if (!password)
    return {
      ...locked,
      message:
        '数据目录正被运行中的服务使用；请设置环境变量 JIXIAO_ADMIN_PASSWORD（管理员密码）以经由该服务备份，或在管理页面下载备份 ' +
        '(the folder is held by a running server: set JIXIAO_ADMIN_PASSWORD to back up through it)',
    };
  const base = server.replace(/\/+$/, '');
  const cookies = new Map<string, string>();
  const call = async (method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = {
      cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': cookies.get('jixiao_csrf') ?? '',
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(base + path, {
      method,
      headers,
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq > 0) cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return res;
  };
  try {
    await call('GET', '/api/session');
    const login = await call('POST', '/api/session', { username, password });
    if (!login.ok) return refused(login, `登录 ${base} 失败`, 'bad-login');
    const res = await call('GET', '/api/admin/backup');
    if (!res.ok) return refused(res, '服务拒绝备份', 'forbidden');
    const bytes = new Uint8Array(await res.arrayBuffer());
    await writeFile(file, bytes);
    await call('DELETE', '/api/session');
    return ok({ bytes: bytes.byteLength });
  } catch (e) {
    return failure(
      'server-unreachable',
      `无法连接 ${base}：${e instanceof Error ? e.message : String(e)}（用 --server 指定服务地址）`,
      'cannot reach the server',
    );
  }
};
