/** The signed-in user; wired to the server's session route. */
import type { Role } from '../../core/workflow.ts';

export type Me = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  jurisdictionId: string | null;
};

export const fetchMe = async (): Promise<Me | null> => null;
export const logout = async (): Promise<void> => {};
