/**
 * `admin users list` and `admin departments list` in a terminal: one line each, in Chinese (the README's
 * rule: text in a terminal, JSON when piped). The JSON keeps the ids and role ids.
 */
import { ROLE_LABELS, type Role } from '../core/workflow.ts';

type UserRow = { username: string; displayName: string; role: Role; disabled: boolean };
type DepartmentRow = { name: string; code: string | null };

/** Pads to a width counted in columns (a CJK or full-width character takes two; — takes one). */
const WIDE = /[\u1100-\u115F\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;
const pad = (s: string, width: number): string => {
  const cols = [...s].reduce((n, ch) => n + (WIDE.test(ch) ? 2 : 1), 0);
  return s + ' '.repeat(Math.max(1, width - cols));
};

export const usersText = (users: readonly UserRow[]): string =>
  `${[
    `${pad('用户名', 16)}${pad('姓名', 32)}${pad('角色', 10)}状态`,
    ...users.map(
      (u) =>
        `${pad(u.username, 16)}${pad(u.displayName, 32)}${pad(ROLE_LABELS[u.role], 10)}${u.disabled ? '已停用' : '启用'}`,
    ),
    `共 ${users.length} 个用户`,
  ].join('\n')}\n`;

export const departmentsText = (departments: readonly DepartmentRow[]): string =>
  `${[
    `${pad('单位编码', 14)}单位名称`,
    ...departments.map((d) => `${pad(d.code ?? '—', 14)}${d.name}`),
    `共 ${departments.length} 个单位`,
  ].join('\n')}\n`;
