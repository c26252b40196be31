/** Versioned indicator frameworks. */
import { and, asc, desc, eq, getTableColumns, max } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { record } from '../db.ts';
import { notFound, ok } from '../model/common.ts';
import type { Framework } from '../model/frameworks.ts';
import type { FrameworkStore } from '../port.ts';
import { frameworks, jurisdictions } from '../schema/index.ts';

const toFramework = (r: typeof frameworks.$inferSelect): Framework => ({ ...r });

const { document: _document, ...metaColumns } = getTableColumns(frameworks);

export const frameworkQueries = (db: Db): FrameworkStore => ({
  addVersion: (input, by) =>
    db.transaction(async (tx) => {
      if (input.jurisdictionId) {
        const [j] = await tx.select().from(jurisdictions).where(eq(jurisdictions.id, input.jurisdictionId));
        if (!j) return notFound('行政区划 (jurisdiction)');
      }
      // Two admins adding a version at once: the unique (key, version) makes one insert fail, and that
      // admin retries. Rare enough that a retry loop is not worth it here.
      const [m] = await tx
        .select({ v: max(frameworks.version) })
        .from(frameworks)
        .where(eq(frameworks.key, input.key));
      const [row] = await tx
        .insert(frameworks)
        .values({
          key: input.key,
          version: (m?.v ?? 0) + 1,
          name: input.name,
          year: input.year,
          kind: input.kind,
          jurisdictionId: input.jurisdictionId ?? null,
          document: input.document,
          createdBy: by,
        })
        .returning();
      await record(
        tx,
        by,
        'framework.add-version',
        { type: 'framework', id: row!.id },
        {
          key: row!.key,
          version: row!.version,
        },
      );
      return ok(toFramework(row!));
    }),

  get: async (id) => {
    const [r] = await db.select().from(frameworks).where(eq(frameworks.id, id));
    return r ? toFramework(r) : null;
  },

  latest: async (key) => {
    const [r] = await db
      .select()
      .from(frameworks)
      .where(eq(frameworks.key, key))
      .orderBy(desc(frameworks.version))
      .limit(1);
    return r ? toFramework(r) : null;
  },

  list: async (query) =>
    db
      .select(metaColumns)
      .from(frameworks)
      .where(
        and(
          query.year !== undefined ? eq(frameworks.year, query.year) : undefined,
          query.kind ? eq(frameworks.kind, query.kind) : undefined,
        ),
      )
      .orderBy(asc(frameworks.key), asc(frameworks.version)),
});
