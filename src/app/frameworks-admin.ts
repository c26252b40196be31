/**
 * Use cases of indicator frameworks: the built-in ones (files under frameworks/) and versions an admin
 * adds, checked by the core's validator before they are kept. An added framework belongs to the admin's
 * jurisdiction (see framework-choice.ts); its id may be neither a built-in id nor the id of another
 * jurisdiction's framework.
 */
import { BUILTIN_FRAMEWORKS, validateFramework } from '../core/framework/index.ts';
import { type AppResult, fail, needRole } from './access.ts';
import { isBuiltinFrameworkId } from './framework-choice.ts';
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
): Promise<AppResult<FrameworkRow>> => {
  const refused = needRole(actor, ['admin']);
  if (refused) return refused;
  const checked = validateFramework(document);
  if (!checked.ok)
    return fail(
      'invalid',
      `框架有 ${checked.problems.length} 处问题：${checked.problems.map((p) => p.message).join('；')}`,
      'invalid framework',
      { problems: checked.problems },
    );
  const f = checked.framework;
  if (isBuiltinFrameworkId(f.id))
    return fail(
      'duplicate',
      `框架标识「${f.id}」是内置框架的标识，不能覆盖内置框架；请换一个标识`,
      'a built-in framework has this id; choose another id',
    );
  const owner = await store.frameworks.latest(f.id);
  if (owner && owner.jurisdictionId !== (actor.jurisdictionId ?? null))
    return fail(
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
