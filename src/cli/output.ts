/** Shared output helpers of the CLI commands. */

export const OUTPUT_FORMATS = ['json', 'text'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** `--format` default: text in a terminal, JSON when piped. */
export const defaultFormat = (): OutputFormat => (process.stdout.isTTY ? 'text' : 'json');

export const parseFormat = (value: string | undefined): OutputFormat | undefined => {
  if (value === undefined) return undefined;
  if ((OUTPUT_FORMATS as readonly string[]).includes(value)) return value as OutputFormat;
  return undefined;
};

export const printJson = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};

/** Exit codes of every command: documented in the README. */
export const EXIT = { clean: 0, findings: 1, unreadableInput: 2, outputFailed: 3 } as const;

/** Why writing failed, in words, for the codes a user can meet. */
const OUTPUT_REASON: Record<string, string> = {
  ENOSPC: '磁盘已满',
  EDQUOT: '磁盘配额已用完',
  EIO: '输入输出错误',
  EBADF: '输出已关闭',
  EACCES: '无权写入',
  EROFS: '只读文件系统',
};

/**
 * Output that cannot be written ends the command in one line, never a stack trace: a reader that went
 * away (`jixiao import x | head`: EPIPE) quietly with exit 0, anything else (a full disk) with one line on
 * stderr and exit 3. A file as stdout is written synchronously, so its error is thrown by the write itself
 * and reaches `outputFailed` through main.ts.
 */
export const guardOutput = (): void => {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => outputFailed(e));
  // A broken stderr has nobody left to tell: end quietly.
  process.stderr.on('error', () => process.exit(EXIT.outputFailed));
};

/** True for an error of writing the output (as opposed to a bug). */
export const isOutputError = (e: unknown): e is NodeJS.ErrnoException => {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && (code === 'EPIPE' || code in OUTPUT_REASON || code === 'EAGAIN');
};

export const outputFailed = (e: NodeJS.ErrnoException): never => {
  if (e.code === 'EPIPE') process.exit(EXIT.clean);
  const reason = OUTPUT_REASON[e.code ?? ''] ?? '写入失败';
  try {
    process.stderr.write(
      `jixiao: 无法写出结果：${reason} (cannot write the output: ${e.code ?? e.message})\n`,
    );
  } catch {
    // Nothing more to do: the exit code says it.
  }
  process.exit(EXIT.outputFailed);
};

/**
 * One line on stderr: what went wrong with which input. In a terminal the line a progress bar is
 * drawing (`\r审核中 […] 3/500`) is cleared first, or the message would be glued after the bar.
 */
export const complain = (
  file: string,
  message: string,
  stream: Pick<NodeJS.WriteStream, 'write' | 'isTTY'> = process.stderr,
): void => {
  stream.write(`${stream.isTTY ? '\r\x1b[K' : ''}jixiao: ${file}: ${message}\n`);
};
