import { chineseOnly } from './chinese-message.ts';

/** Saves a blob under a file name (the browser's download). */
export const downloadBlob = (blob: Blob, name: string): void => {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};

/** The file name a download response gives (`filename*=UTF-8''…`), else `fallback`. */
export const fileNameOf = (res: Pick<Response, 'headers'>, fallback: string): string => {
  const m = /filename\*=UTF-8''([^;]+)/u.exec(res.headers.get('content-disposition') ?? '');
  return m?.[1] ? decodeURIComponent(m[1]) : fallback;
};

/**
 * What a refused download says to the user: the Chinese of the server's message, else the status in
 * words. A plain link to such a route would show the browser the raw JSON of the refusal instead.
 */
export const downloadFailure = (status: number, body: unknown, what: string): string => {
  const message = (body as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message !== '' ? chineseOnly(message) : `${what}失败（${status}）`;
};

/** Fetches a download and saves it; a refusal throws an Error with the Chinese of its message. */
export const fetchDownload = async (url: string, fallbackName: string, what: string): Promise<void> => {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(downloadFailure(res.status, await res.json().catch(() => null), what));
  downloadBlob(await res.blob(), fileNameOf(res, fallbackName));
};
