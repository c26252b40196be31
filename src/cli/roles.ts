/**
 * A role as an admin types it on the command line: its id (preparer …) or its Chinese name as the web
 * app shows it (单位填报 …), with the everyday words for the two department roles. Nothing else guesses.
 */
import { ROLE_LABELS, ROLES, type Role } from '../core/workflow.ts';

const SYNONYMS: Record<string, Role> = {
  填报员: 'preparer',
  填报人: 'preparer',
  单位填报人: 'preparer',
  单位审核人: 'dept-reviewer',
  单位负责人: 'dept-reviewer',
  财政局审核人: 'bureau-reviewer',
};

export const parseRole = (input: string): Role | null => {
  const s = input.trim();
  const byId = ROLES.find((r) => r === s);
  if (byId) return byId;
  const byLabel = ROLES.find((r) => ROLE_LABELS[r] === s);
  return byLabel ?? SYNONYMS[s] ?? null;
};

/** The roles in Chinese first, each id after it: 单位填报（preparer）、… */
export const rolesInWords = (): string => ROLES.map((r) => `${ROLE_LABELS[r]}（${r}）`).join('、');
