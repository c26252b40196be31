/** The signed-in user, from the server's session route (which also hands out the CSRF cookie). */
import { api, ok } from './client.ts';

export type Me = NonNullable<Awaited<ReturnType<typeof fetchSession>>['user']>;

const fetchSession = () => ok(api.session.$get());

export const fetchMe = async (): Promise<Me | null> => (await fetchSession()).user;

export const login = async (username: string, password: string): Promise<Me> => {
  // The CSRF cookie must exist before the first POST.
  await fetchSession();
  return (await ok(api.session.$post({ json: { username, password } }))).user;
};

export const logout = async (): Promise<void> => {
  await ok(api.session.$delete());
};
