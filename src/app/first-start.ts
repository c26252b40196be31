/**
 * Use case: the first start of a server on an empty database — an admin account (its password returned
 * once, to be printed) and, when asked for (`demo: true`, `serve --demo`), the demo county, each demo
 * account with a random password of its own, also returned once. Several processes starting at once on one
 * PostgreSQL: the username is unique, so only one creates the admin; the others see it exists.
 */
import { type DemoAccount, seedDemo } from './demo/seed-demo.ts';
import { hashPassword, randomPassword } from './passwords.ts';
import type { Store } from './store.ts';

export const ADMIN_USERNAME = 'admin';

export type FirstStart =
  | { created: false }
  | {
      created: true;
      admin: { username: string; password: string };
      demo: { accounts: DemoAccount[] } | null;
    };

export const firstStart = async (store: Store, options: { demo?: boolean } = {}): Promise<FirstStart> => {
  if ((await store.users.listUsers({})).length > 0) return { created: false };
  const password = randomPassword();
  // The admin needs a jurisdiction: the demo's province, or a placeholder one to rename later.
  let jurisdictionId: string;
  let demo: { accounts: DemoAccount[] } | null = null;
  if (options.demo === true) {
    let seeded: Awaited<ReturnType<typeof seedDemo>>;
    try {
      seeded = await seedDemo(store, randomPassword);
    } catch (e) {
      // Another process starting at the same moment on the same PostgreSQL got there first.
      if ((await store.org.listJurisdictions(null)).length > 0) return { created: false };
      throw e;
    }
    const county = await store.org.getJurisdiction(seeded.countyId);
    const city = county?.parentId ? await store.org.getJurisdiction(county.parentId) : null;
    jurisdictionId = city?.parentId ?? seeded.countyId;
    demo = { accounts: seeded.accounts };
  } else {
    const top = await store.org.createJurisdiction({ name: '本省', level: 'province' }, null);
    if (!top.ok) return { created: false };
    jurisdictionId = top.value.id;
  }
  const admin = await store.users.createUser(
    {
      username: ADMIN_USERNAME,
      displayName: '系统管理员',
      passwordHash: await hashPassword(password),
      role: 'admin',
      jurisdictionId,
    },
    null,
  );
  if (!admin.ok) return { created: false };
  return { created: true, admin: { username: ADMIN_USERNAME, password }, demo };
};
