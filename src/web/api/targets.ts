/** Calls of the target cycle (绩效目标申报, 目标审核, 运行监控) the pages share. */
import type { Grade } from '../../core/model/department-report.ts';
import type { MonitoringEntry } from '../../core/targets/monitoring.ts';
import type { SupervisorOutcome } from '../../core/targets/review-chain.ts';
import type { TargetTable } from '../../core/targets/table.ts';
import type { Decision, TargetKind, TargetStatus } from '../../core/targets/vocab.ts';
import { api, ok } from './client.ts';

export const listTargets = (year?: number) => ok(api.targets.$get({ query: year ? { year } : {} }));
export const createTarget = (document: TargetTable) => ok(api.targets.$post({ json: { document } }));
export const loadTarget = (id: string) => ok(api.targets[':id'].$get({ param: { id } }));
export const loadTargetVersion = (id: string, version: number) =>
  ok(api.targets[':id'].versions[':version'].$get({ param: { id, version: String(version) } }));
export const saveTarget = (id: string, expectedVersion: number, document: TargetTable) =>
  ok(api.targets[':id'].versions.$post({ param: { id }, json: { expectedVersion, document } }));
export const submitTarget = (id: string, from: TargetStatus) =>
  ok(api.targets[':id'].submit.$post({ param: { id }, json: { from } }));
export const reviewTarget = (id: string, version: number, grade: Grade, reasons: string) =>
  ok(api.targets[':id'].review.$post({ param: { id }, json: { version, grade, reasons } }));

export const supervisorReview = (id: string, version: number, outcome: SupervisorOutcome, reasons: string) =>
  ok(api.targets[':id']['supervisor-review'].$post({ param: { id }, json: { version, outcome, reasons } }));
export const publishTarget = (id: string, version: number) =>
  ok(api.targets[':id'].publish.$post({ param: { id }, json: { version } }));
export const loadReviewChain = () => ok(api.targets['review-chain'].$get({ query: {} }));
export const chooseReviewChain = (chain: string) => ok(api.targets['review-chain'].$put({ json: { chain } }));

/** The public's target tables: the published versions only. */
export const listPublicTargets = (query: { jurisdictionId?: string; year?: number; kind?: TargetKind }) =>
  ok(api.public.targets.$get({ query }));
export const loadPublicTarget = (id: string, version: number) =>
  ok(api.public.targets[':id'].versions[':version'].$get({ param: { id, version: String(version) } }));

/** The report's approved targets, each beside the year-end row and the mid-year monitoring answer. */
export const loadBinding = (reportId: string) =>
  ok(api.targets['for-report'][':id'].$get({ param: { id: reportId } }));

export const listRounds = () => ok(api.monitoring.rounds.$get({ query: {} }));
export const openRound = (json: { year: number; month: number; title: string; deadline: string }) =>
  ok(api.monitoring.rounds.$post({ json }));
export const loadRound = (id: string) => ok(api.monitoring.rounds[':id'].$get({ param: { id } }));
export const putEntry = (id: string, tableId: string, document: MonitoringEntry, submit: boolean) =>
  ok(
    api.monitoring.rounds[':id'].entries[':tableId'].$put({
      param: { id, tableId },
      json: { document, submit },
    }),
  );
export const decide = (id: string, tableId: string, decision: Decision, reason: string) =>
  ok(api.monitoring.rounds[':id'].decisions.$post({ param: { id }, json: { tableId, decision, reason } }));
