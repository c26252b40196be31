/**
 * One write to the server, done the same way on every page: busy while it runs, a success said when the
 * page gives a text for it, and a failure shown in Chinese — as a message, or kept in `error` for a page
 * that shows it in place (`inline`). A page that knows a failure (a version conflict) takes it first with
 * `handle`. `run` answers whether the write went through.
 */
import { App } from 'antd';
import { useCallback, useState } from 'react';
import { errorText } from './chinese-message.ts';

export type WriteOptions<K> = {
  /** Said when the write went through. */
  done?: string;
  /** Runs when the write went through, after the success is said (a reload, closing a dialog). */
  after?: () => void;
  /** Which of a page's writes is running (`busyWith`), where several buttons share one helper. */
  key?: K;
  /** A failure the page handles itself: answer true and nothing more is shown. */
  handle?: (e: unknown) => boolean;
};

type Report<K> = {
  busy: (what: K | true | null) => void;
  succeeded: (text: string) => void;
  failed: (text: string) => void;
};

/** The write and what is said of it, without React (the hook below binds it to state and messages). */
export const attempt = async <K>(
  work: () => Promise<unknown>,
  options: WriteOptions<K>,
  report: Report<K>,
): Promise<boolean> => {
  report.busy(options.key ?? true);
  try {
    await work();
    if (options.done) report.succeeded(options.done);
    options.after?.();
    return true;
  } catch (e) {
    if (!options.handle?.(e)) report.failed(errorText(e));
    return false;
  } finally {
    report.busy(null);
  }
};

export const useWrite = <K extends string = never>({ inline = false }: { inline?: boolean } = {}) => {
  const { message } = App.useApp();
  const [busyWith, setBusyWith] = useState<K | true | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    (work: () => Promise<unknown>, options: WriteOptions<K> = {}): Promise<boolean> => {
      setError(null);
      return attempt(work, options, {
        busy: setBusyWith,
        succeeded: (text) => message.success(text),
        failed: (text) => (inline ? setError(text) : message.error(text)),
      });
    },
    [message, inline],
  );
  return { run, busy: busyWith !== null, busyWith, error, setError };
};
