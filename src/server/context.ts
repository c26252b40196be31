/** What every request carries: the store, the signed-in user (or null for the public) and settings. */
import type { JobQueue } from '../app/jobs/queue.ts';
import type { Store, User } from '../app/store.ts';
import type { TrustedProxies } from './client-address.ts';

export type ServerOptions = {
  store: Store;
  /** Where batch jobs go (default: run in this process, the embedded database's way). */
  jobs?: JobQueue;
  /** Set the Secure flag on cookies (behind https). Requests arriving over https set it anyway. */
  secure?: boolean;
  /** Folder of the built web app (index.html + assets); absent: a page says how to build it. */
  webDir?: string | null;
  /** Failed logins allowed per client + username in the window (default 5); per client, ten times that. */
  loginLimit?: number;
  /** Proxies whose X-Forwarded-For is believed (`--trust-proxy`); none by default. */
  trustProxy?: TrustedProxies | null;
  /** Requests per client and minute on the public routes (default 600). */
  publicLimit?: number;
};

export type Env = {
  Variables: {
    store: Store;
    jobs: JobQueue;
    user: User | null;
    sessionToken: string | null;
    secure: boolean;
    /** The client's address (see client-address.ts). */
    client: string;
  };
};
