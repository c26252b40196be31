/**
 * Use cases of the review chain (目标审核 流程): which chain a unit's tables go through — the one its
 * jurisdiction chose, else the nearest choice above it, else the default of the data — and the bureau's
 * or admin's choice for a jurisdiction in their scope.
 */
import type { Result } from '../../core/result.ts';
import {
  DEFAULT_REVIEW_CHAIN,
  REVIEW_CHAINS,
  type ReviewChain,
  reviewChain,
} from '../../core/targets/review-chain.ts';
import { canSeeJurisdiction, invalid, needRole, notFound } from '../access.ts';
import type { ReviewChainSetting, Store, User } from '../store.ts';

/** The jurisdiction and its ancestors, nearest first. */
const upwards = async (store: Store, jurisdictionId: string): Promise<string[]> => {
  const ids: string[] = [];
  let j = await store.org.getJurisdiction(jurisdictionId);
  while (j && !ids.includes(j.id)) {
    ids.push(j.id);
    j = j.parentId ? await store.org.getJurisdiction(j.parentId) : null;
  }
  return ids;
};

export type ChainInForce = {
  chain: ReviewChain;
  /** Where the choice was made; null: nobody chose, the default applies. */
  chosenBy: string | null;
};

/** The chain in force for tables of departments in `jurisdictionId`. */
export const chainInForce = async (store: Store, jurisdictionId: string): Promise<ChainInForce> => {
  const ids = await upwards(store, jurisdictionId);
  const settings = new Map((await store.targets.reviewChains(ids)).map((s) => [s.jurisdictionId, s]));
  for (const id of ids) {
    const chain = reviewChain(settings.get(id)?.chain ?? '');
    if (chain) return { chain, chosenBy: id };
  }
  return { chain: DEFAULT_REVIEW_CHAIN, chosenBy: null };
};

export type ReviewChainView = {
  chains: readonly ReviewChain[];
  jurisdictionId: string;
  inForce: ChainInForce;
};

const scopeOf = (actor: User, jurisdictionId: string | undefined) => jurisdictionId ?? actor.jurisdictionId;

export const getReviewChain = async (
  store: Store,
  actor: User,
  query: { jurisdictionId?: string | undefined },
): Promise<Result<ReviewChainView>> => {
  const refused = needRole(actor, ['bureau-reviewer', 'admin']);
  if (refused) return refused;
  const id = scopeOf(actor, query.jurisdictionId);
  if (!id || !(await canSeeJurisdiction(store, actor, id))) return notFound('地区', 'jurisdiction');
  return {
    ok: true,
    value: { chains: REVIEW_CHAINS, jurisdictionId: id, inForce: await chainInForce(store, id) },
  };
};

export const setReviewChain = async (
  store: Store,
  actor: User,
  input: { jurisdictionId?: string | undefined; chain: string },
): Promise<Result<ReviewChainSetting>> => {
  const refused = needRole(actor, ['bureau-reviewer', 'admin']);
  if (refused) return refused;
  const id = scopeOf(actor, input.jurisdictionId);
  if (!id || !(await canSeeJurisdiction(store, actor, id))) return notFound('地区', 'jurisdiction');
  if (!reviewChain(input.chain)) return invalid(`没有名为“${input.chain}”的审核流程`, 'unknown review chain');
  return store.targets.setReviewChain({ jurisdictionId: id, chain: input.chain }, actor.id);
};
