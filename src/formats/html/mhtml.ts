/**
 * A web page saved as one file (.mhtml/.mht, "网页，单个文件"): a MIME multipart message whose first
 * text/html part is the page. Gives that part's bytes (quoted-printable or base64 decoded) and the charset
 * its header names; the page is then read as any HTML page.
 */

export type MhtmlPage = { html: Uint8Array; charset: string | null };

const latin1 = new TextDecoder('latin1');

/** True when the bytes start like a MIME message that holds parts (what browsers write for .mhtml). */
export const looksLikeMhtml = (bytes: Uint8Array): boolean => {
  const head = latin1.decode(bytes.subarray(0, 2048)).toLowerCase();
  return head.includes('mime-version:') && head.includes('multipart/related');
};

type Headers = Map<string, string>;

/** Header lines (folded lines joined) up to the first blank line; returns them and where the body starts. */
const readHeaders = (text: string, from: number): { headers: Headers; body: number } => {
  const end = text.indexOf('\n\n', from) >= 0 ? text.indexOf('\n\n', from) : text.length;
  const headers: Headers = new Map();
  const raw = text.slice(from, end).replace(/\n[ \t]+/g, ' ');
  for (const line of raw.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: Math.min(text.length, end + 2) };
};

/** A parameter of a header value: `boundary="----=_Part"` in `multipart/related; boundary=…`. */
const param = (value: string, name: string): string | null => {
  for (const part of value.split(';').slice(1)) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim().toLowerCase() === name) {
      return part
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1');
    }
  }
  return null;
};

const quotedPrintable = (s: string): Uint8Array => {
  const joined = s.replace(/=\n/g, '');
  const out = new Uint8Array(joined.length);
  let k = 0;
  for (let i = 0; i < joined.length; i++) {
    const c = joined.charCodeAt(i);
    const hex = c === 0x3d ? joined.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      out[k++] = Number.parseInt(hex, 16);
      i += 2;
    } else out[k++] = c & 0xff;
  }
  return out.subarray(0, k);
};

/** The page in the message, or null when it holds no text/html part. */
export const mhtmlPage = (bytes: Uint8Array): MhtmlPage | null => {
  // latin1 keeps one character per byte, so 8-bit parts come back byte for byte.
  const text = latin1.decode(bytes).replace(/\r\n/g, '\n');
  const top = readHeaders(text, 0);
  const boundary = param(top.headers.get('content-type') ?? '', 'boundary');
  if (!boundary) return null;
  const parts = text.slice(top.body).split(`--${boundary}`);
  for (const part of parts.slice(1)) {
    if (part.startsWith('--')) break;
    const { headers, body } = readHeaders(part.replace(/^\n/, ''), 0);
    const type = headers.get('content-type') ?? '';
    if (!type.toLowerCase().startsWith('text/html')) continue;
    const content = part.replace(/^\n/, '').slice(body).replace(/\n$/, '');
    const encoding = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
    const html =
      encoding === 'base64'
        ? new Uint8Array(Buffer.from(content.replace(/\s+/g, ''), 'base64'))
        : encoding === 'quoted-printable'
          ? quotedPrintable(content)
          : Uint8Array.from(content, (ch) => ch.charCodeAt(0) & 0xff);
    return { html, charset: param(type, 'charset')?.toLowerCase() ?? null };
  }
  return null;
};
