/**
 * Use cases of indicator frameworks: the built-in ones (files under frameworks/) and versions an admin or
 * a bureau adds — typed in, copied from another year, or read from the score sheet of its notice — checked
 * by the core's validator before they are kept. An added framework belongs to the adder's jurisdiction
 * (see framework-choice.ts); its id may be neither a built-in id nor the id of another jurisdiction's
 * framework.
 */

import { extname } from 'node:path';
import { BUILTIN_FRAMEWORKS, validateFramework } from '../core/framework/index.ts';
import type { SheetImport, SheetMeta } from '../core/framework/score-sheet.ts';
import { failure, type Result } from '../core/result.ts';
import { needRole } from './access.ts';
import { isBuiltinFrameworkId } from './framework-choice.ts';
import { importScoreSheetFile } from './score-sheet-import.ts';
import type { Store, User } from './store.ts';

export type FrameworkRow = {
  id: string;
  key: string;
  name: string;
  year: number;
  kind: 'department' | 'project';
  version: number | null;
  builtin: boolean;
};

/** Who may add a framework version: the admin, and a bureau for its own jurisdiction. */
const FRAMEWORK_EDITORS = ['admin', 'bureau-reviewer'] as const;

const SHEET_EXTENSIONS = ['.xlsx', '.docx'];

/**
 * An uploaded score sheet read into a framework draft with every problem; nothing is stored (the bureau
 * corrects the draft and adds it with `addFramework`).
 */
export const importScoreSheetUpload = async (
  actor: User,
  input: { filename: string; bytes: Uint8Array; meta: SheetMeta },
  signal?: AbortSignal,
): Promise<Result<SheetImport>> => {
  const refused = needRole(actor, FRAMEWORK_EDITORS);
  if (refused) return refused;
  const ext = extname(input.filename).toLowerCase();
  if (!SHEET_EXTENSIONS.includes(ext))
    return failure(
      'bad-upload',
      `不支持的文件类型 ${ext || '（无扩展名）'}，评分表请上传 .xlsx 或 .docx 文件`,
      'upload the score sheet as .xlsx or .docx',
    );
  const read = await importScoreSheetFile(input.bytes, input.meta, signal);
  if (!read.ok) {
    const code = read.tooLarge ? 'too-large' : read.code === 'read.busy' ? 'rate-limited' : 'bad-upload';
    const [zh, en] = splitMessage(read.message);
    return failure(code, zh, en, { reason: read.code });
  }
  return { ok: true, value: read.value };
};

/** A reader's one-line message "中文 (English)" as its two halves. */
const splitMessage = (m: string): [string, string] => {
  const at = m.lastIndexOf(' (');
  return at > 0 && m.endsWith(')') ? [m.slice(0, at), m.slice(at + 2, -1)] : [m, m];
};

export const listFrameworks = async (store: Store): Promise<FrameworkRow[]> => [
  ...BUILTIN_FRAMEWORKS.map((f) => ({
    id: f.id,
    key: f.id,
    name: f.name,
    year: f.year,
    kind: f.kind,
    version: null,
    builtin: true,
  })),
  ...(await store.frameworks.list({})).map((f) => ({
    id: f.id,
    key: f.key,
    name: f.name,
    year: f.year,
    kind: f.kind,
    version: f.version,
    builtin: false,
  })),
];

export const addFramework = async (
  store: Store,
  actor: User,
  document: unknown,
): Promise<Result<FrameworkRow>> => {
  const refused = needRole(actor, FRAMEWORK_EDITORS);
  if (refused) return refused;
  const checked = validateFramework(document);
  if (!checked.ok)
    return failure(
      'invalid',
      `框架有 ${checked.problems.length} 处问题：${checked.problems.map((p) => p.message).join('；')}`,
      'invalid framework',
      { problems: checked.problems },
    );
  const f = checked.framework;
  if (isBuiltinFrameworkId(f.id))
    return failure(
      'duplicate',
      `框架标识「${f.id}」是内置框架的标识，不能覆盖内置框架；请换一个标识`,
      'a built-in framework has this id; choose another id',
    );
  const owner = await store.frameworks.latest(f.id);
  if (owner && owner.jurisdictionId !== (actor.jurisdictionId ?? null))
    return failure(
      'duplicate',
      `框架标识「${f.id}」已被其他地区的框架使用；请换一个标识`,
      "another jurisdiction's framework has this id; choose another id",
    );
  const added = await store.frameworks.addVersion(
    {
      key: f.id,
      name: f.name,
      year: f.year,
      kind: f.kind,
      jurisdictionId: actor.jurisdictionId,
      document: f,
    },
    actor.id,
  );
  if (!added.ok) return added;
  const a = added.value;
  return {
    ok: true,
    value: {
      id: a.id,
      key: a.key,
      name: a.name,
      year: a.year,
      kind: a.kind,
      version: a.version,
      builtin: false,
    },
  };
};
