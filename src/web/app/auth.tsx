/**
 * Who is signed in. The session is an HttpOnly cookie the page cannot read; the server says who it
 * belongs to. Null: the public (portal pages only).
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { logout as apiLogout, fetchMe, type Me } from '../api/session.ts';

type Auth = { me: Me | null; ready: boolean; refresh: () => Promise<void>; logout: () => Promise<void> };

const AuthContext = createContext<Auth>({
  me: null,
  ready: false,
  refresh: async () => {},
  logout: async () => {},
});

export const AuthProvider = ({ children }: { children: ReactNode }) => {
  const [me, setMe] = useState<Me | null>(null);
  const [ready, setReady] = useState(false);
  const refresh = useCallback(async () => {
    setMe(await fetchMe().catch(() => null));
    setReady(true);
  }, []);
  const logout = useCallback(async () => {
    await apiLogout().catch(() => {});
    setMe(null);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return <AuthContext.Provider value={{ me, ready, refresh, logout }}>{children}</AuthContext.Provider>;
};

export const useAuth = () => useContext(AuthContext);
