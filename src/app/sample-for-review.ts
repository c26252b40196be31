/**
 * Use case: the bureau draws a random sample of a year's handed-in reports for 抽查复核. The draw is
 * uniform (crypto.randomInt, a partial Fisher–Yates shuffle) and recorded in the audit log with the
 * reports drawn, so the sample can be shown to have been drawn and not chosen.
 */

import { randomInt } from 'node:crypto';
import type { Result } from '../core/result.ts';
import { HANDED_IN_STATUSES } from '../core/workflow.ts';
import { canSeeJurisdiction, invalid, needRole, notFound } from './access.ts';
import type { Report, Store, User } from './store.ts';

export type Sample = { drawn: Report[]; population: number; auditId: number };

export const sampleForReview = async (
  store: Store,
  actor: User,
  input: { jurisdictionId: string; year: number; size?: number | undefined; percent?: number | undefined },
): Promise<Result<Sample>> => {
  const refused = needRole(actor, ['bureau-reviewer']);
  if (refused) return refused;
  if (!(await canSeeJurisdiction(store, actor, input.jurisdictionId)))
    return notFound('地区', 'jurisdiction');
  const population = await store.reports.list({
    jurisdictionId: input.jurisdictionId,
    year: input.year,
    statuses: [...HANDED_IN_STATUSES],
  });
  const size =
    input.size ??
    (input.percent
      ? Math.ceil((population.length * input.percent) / 100)
      : Math.ceil(population.length * 0.2));
  if (size < 1) return invalid('抽查数量至少为 1', 'the sample needs at least one report');
  const pool = [...population];
  const n = Math.min(size, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + randomInt(pool.length - i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  const drawn = pool.slice(0, n);
  const entry = await store.audit.append({
    actorId: actor.id,
    action: 'review.sample-drawn',
    targetType: 'jurisdiction',
    targetId: input.jurisdictionId,
    detail: { year: input.year, population: population.length, size: n, reportIds: drawn.map((r) => r.id) },
  });
  return { ok: true, value: { drawn, population: population.length, auditId: entry.id } };
};
