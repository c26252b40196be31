import { describe, expect, it } from 'vitest';
import { freshMemoryStore } from '../../test/support/pglite-template.ts';
import { dashboard } from './dashboard.ts';
import { DEMO_YEAR, seedDemo } from './demo/seed-demo.ts';
import type { Store } from './store.ts';

/** The demo seeded into `store`, its bureau account, and the store as the dashboard sees it, counting
 * the versions it asks for. */
const seeded = async (store: Store) => {
  const demo = await seedDemo(store, 'demo-password-1');
  const bureau = await store.users.findUserForLogin('caizheng');
  if (!bureau) throw new Error('demo bureau account missing');
  const seen = { asked: 0 };
  const counting: Store = {
    ...store,
    reports: {
      ...store.reports,
      getVersions: (keys) => {
        seen.asked += keys.length;
        return store.reports.getVersions(keys);
      },
    },
  };
  const input = { jurisdictionId: demo.countyId, year: DEMO_YEAR, today: '2024-05-01' };
  return { demo, bureau, counting, seen, input };
};

describe('dashboard', () => {
  it('audits a stored version once: the next overview reads no documents until a version is added', async () => {
    const store = await freshMemoryStore();
    try {
      const { demo, bureau, counting, seen, input } = await seeded(store);
      const first = await dashboard(counting, bureau, input);
      expect(first.ok).toBe(true);
      const reports = first.ok ? first.value.reports : 0;
      expect(reports).toBeGreaterThan(0);
      expect(seen.asked).toBe(reports);
      if (first.ok) expect(first.value.findingsByRule.length).toBeGreaterThan(0);

      seen.asked = 0;
      const again = await dashboard(counting, bureau, input);
      expect(seen.asked).toBe(0);
      expect(again).toEqual(first);

      // A new version of one report: only that one is read and audited.
      const [one] = await store.reports.list({ jurisdictionId: demo.countyId, year: DEMO_YEAR });
      if (!one) throw new Error('no demo report');
      const current = await store.reports.getVersion(one.id, one.currentVersion);
      if (!current) throw new Error('no current version');
      const saved = await store.reports.saveVersion(
        {
          reportId: one.id,
          expectedVersion: one.currentVersion,
          document: current.document,
          figures: { statedTotal: one.statedTotal, computedTotal: one.computedTotal, grade: one.grade },
          summary: '再存一次',
        },
        bureau.id,
      );
      expect(saved.ok).toBe(true);
      seen.asked = 0;
      await dashboard(counting, bureau, input);
      expect(seen.asked).toBe(1);
    } finally {
      await store.close();
    }
  }, 60_000);

  it('overviews asked at once share one audit of each version, and all give the same answer', async () => {
    const store = await freshMemoryStore();
    try {
      const { bureau, counting, seen, input } = await seeded(store);
      const answers = await Promise.all([1, 2, 3].map(() => dashboard(counting, bureau, input)));
      const reports = answers[0]?.ok ? answers[0].value.reports : 0;
      expect(reports).toBeGreaterThan(0);
      // Each version read once, not once per overview.
      expect(seen.asked).toBe(reports);
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
      if (answers[0]?.ok) expect(answers[0].value.findingsByRule.length).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  }, 120_000);
});
