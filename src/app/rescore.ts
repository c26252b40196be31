/**
 * Use case: a bureau reviewer re-scores one indicator (审核得分) with a reason, on a report under bureau
 * review. The newest re-score of each indicator counts in the reviewed total.
 */

import { dec } from '../core/decimal.ts';
import { failure, type Result } from '../core/result.ts';
import { invalid, needRole, seeReport } from './access.ts';
import { evaluateStored, scopeOf } from './framework-choice.ts';
import { versionScore } from './report-scoring.ts';
import type { Rescore, Store, User } from './store.ts';

const UNDER_REVIEW = ['dept-approved', 'bureau-approved'] as const;

export const rescoreIndicator = async (
  store: Store,
  actor: User,
  input: { reportId: string; indicatorPath: string; score: string; reason: string },
): Promise<Result<Rescore>> => {
  const seen = await seeReport(store, actor, input.reportId);
  if (!seen.ok) return seen;
  const refused = needRole(actor, ['bureau-reviewer']);
  if (refused) return refused;
  const { report } = seen.value;
  if (!(UNDER_REVIEW as readonly string[]).includes(report.status))
    return failure(
      'bad-transition',
      '只能在财政审核阶段调整审核得分',
      'only a report under bureau review can be re-scored',
      {
        status: report.status,
      },
    );
  if (input.reason.trim() === '') return invalid('审核得分必须写明理由', 'a re-score needs a reason');
  const version = await store.reports.getVersion(report.id, report.currentVersion);
  if (!version) return invalid('报告没有当前版本', 'the report has no current version');
  const { evaluation } = await evaluateStored(store, version.document, scopeOf(report), { audit: false });
  const tree = versionScore(evaluation, []).indicators;
  const node = findPath(tree, input.indicatorPath);
  if (!node) return invalid(`没有指标 ${input.indicatorPath}`, 'no such indicator path');
  if (dec(input.score).lt(0) || dec(input.score).gt(node.weight))
    return invalid(`审核得分应在 0 到 ${node.weight} 之间`, 'the score must lie between 0 and the weight');
  return store.review.addRescore(
    {
      reportId: report.id,
      version: report.currentVersion,
      indicatorPath: input.indicatorPath,
      score: input.score,
      reason: input.reason.trim(),
    },
    actor.id,
  );
};

const findPath = <N extends { path: string; children: N[] }>(
  nodes: readonly N[],
  path: string,
): N | undefined => {
  const walk = (xs: readonly N[]): N | undefined => {
    for (const x of xs) {
      if (x.path === path) return x;
      const hit = walk(x.children);
      if (hit) return hit;
    }
    return undefined;
  };
  return walk(nodes);
};
