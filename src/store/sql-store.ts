/**
 * Both adapters are this one Store over a drizzle database (behind short in-process caches,
 * cached-store.ts): only opening and closing differ.
 */
import { withCaches } from './cached-store.ts';
import type { Db } from './db.ts';
import type { Store, StoreKind } from './port.ts';
import { attachmentQueries } from './queries/attachments.ts';
import { auditQueries } from './queries/audit.ts';
import { frameworkQueries } from './queries/frameworks.ts';
import { jobQueries } from './queries/jobs.ts';
import { orgQueries } from './queries/org.ts';
import { reportQueries } from './queries/reports.ts';
import { reviewQueries } from './queries/review.ts';
import { targetQueries } from './queries/targets.ts';
import { sessionQueries, userQueries } from './queries/users.ts';

export const sqlStore = (kind: StoreKind, db: Db, close: () => Promise<void>): Store => {
  let closed: Promise<void> | null = null;
  return withCaches({
    kind,
    org: orgQueries(db),
    users: userQueries(db),
    sessions: sessionQueries(db),
    frameworks: frameworkQueries(db),
    reports: reportQueries(db),
    review: reviewQueries(db),
    audit: auditQueries(db),
    attachments: attachmentQueries(db),
    jobs: jobQueries(db),
    targets: targetQueries(db),
    // Closing twice (a test's afterAll and a shutdown hook) is harmless.
    close: () => {
      closed ??= close();
      return closed;
    },
  });
};
