/**
 * Which files may be attached: the name's extension must be one of ATTACHMENT_TYPES and the bytes must
 * be what that extension says (a renamed .exe is refused even when it is called 决算.pdf). Pure.
 */

import { type ATTACHMENT_EXTENSIONS, ATTACHMENT_LIMITS, ATTACHMENT_TYPES_ZH } from '../core/attachments.ts';
import { type Failure, failure, ok, type Result } from '../core/result.ts';

export { ATTACHMENT_LIMITS };

const MB = 1024 * 1024;

type Sniff = 'pdf' | 'zip' | 'ole' | 'jpg' | 'png';

/** Extension → what its bytes must be, the content type to serve, and how users call it. */
export const ATTACHMENT_TYPES = {
  pdf: { sniff: 'pdf', zipEntry: null, contentType: 'application/pdf', label: 'PDF' },
  docx: {
    sniff: 'zip',
    zipEntry: 'word/',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word',
  },
  xlsx: {
    sniff: 'zip',
    zipEntry: 'xl/',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel',
  },
  doc: { sniff: 'ole', zipEntry: null, contentType: 'application/msword', label: 'Word' },
  xls: { sniff: 'ole', zipEntry: null, contentType: 'application/vnd.ms-excel', label: 'Excel' },
  wps: { sniff: 'ole', zipEntry: null, contentType: 'application/vnd.ms-works', label: 'WPS' },
  jpg: { sniff: 'jpg', zipEntry: null, contentType: 'image/jpeg', label: 'JPG 图片' },
  jpeg: { sniff: 'jpg', zipEntry: null, contentType: 'image/jpeg', label: 'JPG 图片' },
  png: { sniff: 'png', zipEntry: null, contentType: 'image/png', label: 'PNG 图片' },
  zip: { sniff: 'zip', zipEntry: null, contentType: 'application/zip', label: 'ZIP 压缩包' },
  ofd: { sniff: 'zip', zipEntry: 'OFD.xml', contentType: 'application/ofd', label: 'OFD' },
} as const satisfies Record<
  (typeof ATTACHMENT_EXTENSIONS)[number],
  { sniff: Sniff; zipEntry: string | null; contentType: string; label: string }
>;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;

const ACCEPTED_ZH = ATTACHMENT_TYPES_ZH;

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((x, i) => b[at + i] === x);

const contains = (b: Uint8Array, text: string, within = b.length): boolean => {
  const needle = new TextEncoder().encode(text);
  const end = Math.min(b.length, within) - needle.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < needle.length; j++) if (b[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
};

const sniff = (b: Uint8Array): Sniff | null => {
  // A PDF may carry a few bytes before its header; readers look within the first 1 KB.
  if (contains(b, '%PDF-', 1024)) return 'pdf';
  if (
    startsWith(b, [0x50, 0x4b, 0x03, 0x04]) ||
    startsWith(b, [0x50, 0x4b, 0x05, 0x06]) ||
    startsWith(b, [0x50, 0x4b, 0x07, 0x08])
  )
    return 'zip';
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  return null;
};

const SNIFF_ZH: Record<Sniff, string> = {
  pdf: 'PDF 文件',
  zip: 'ZIP 压缩格式（如 .docx/.xlsx/.zip）',
  ole: '旧版 Office 文件（.doc/.xls/.wps）',
  jpg: 'JPG 图片',
  png: 'PNG 图片',
};

export type FileProblem = Failure<'bad-upload' | 'too-large'>;

const mb = (n: number) => `${(n / MB).toFixed(1)} MB`;

/** A name fit to keep and to send back: the last path part, no control characters, at most 200 characters. */
export const cleanFileName = (name: string): string => {
  const base = name.split(/[/\\]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  if (clean.length <= 200) return clean;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 ? clean.slice(dot) : '';
  return clean.slice(0, 200 - ext.length) + ext;
};

export const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
};

const isType = (ext: string): ext is AttachmentType => Object.hasOwn(ATTACHMENT_TYPES, ext);

/** The file's type when its name and bytes agree and it fits the per-file limit; the problem otherwise. */
export const checkAttachment = (name: string, bytes: Uint8Array): Result<AttachmentType, FileProblem> => {
  const ext = extensionOf(name);
  if (!isType(ext))
    return failure(
      'bad-upload',
      `不支持的附件类型${ext ? ` .${ext}` : '（文件名没有扩展名）'}：只接受 ${ACCEPTED_ZH}`,
      'unsupported attachment type',
    );
  if (bytes.byteLength === 0) return failure('bad-upload', '文件是空的，请重新选择', 'the file is empty');
  if (bytes.byteLength > ATTACHMENT_LIMITS.maxFileBytes)
    return failure(
      'too-large',
      `单个附件不能超过 ${ATTACHMENT_LIMITS.maxFileBytes / MB} MB，此文件 ${mb(bytes.byteLength)}`,
      'file too large',
    );
  const want = ATTACHMENT_TYPES[ext];
  const got = sniff(bytes);
  const fits = got === want.sniff && (want.zipEntry === null || contains(bytes, want.zipEntry));
  if (!fits)
    return failure(
      'bad-upload',
      `文件内容与扩展名 .${ext} 不符：${got ? `内容是${SNIFF_ZH[got]}` : '无法识别文件内容'}，不是 ${want.label} 文件。请确认文件没有损坏或被改名`,
      'the content does not match the extension',
    );
  return ok(ext);
};
