/** What every request carries: the store, the signed-in user (or null for the public) and settings. */
import type { Store, User } from '../app/store.ts';

export type ServerOptions = {
  store: Store;
  /** Set the Secure flag on cookies (behind https). Requests arriving over https set it anyway. */
  secure?: boolean;
  /** Folder of the built web app (index.html + assets); absent: a page says how to build it. */
  webDir?: string | null;
  /** Failed logins allowed per IP + username in the window (default 5). */
  loginLimit?: number;
};

export type Env = {
  Variables: {
    store: Store;
    user: User | null;
    sessionToken: string | null;
    secure: boolean;
  };
};
