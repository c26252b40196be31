/** Response types of the routes the pages share, inferred from the server's routes (never restated). */
import type { InferResponseType as HonoInfer } from 'hono/client';
import type { api } from './client.ts';

type R = typeof api.reports;
/** See client.ts: error bodies are typed into success statuses too. */
type InferResponseType<F, S extends 200 | 201> = Exclude<HonoInfer<F, S>, { code: string; message: string }>;
export type ReportRow = InferResponseType<R['$get'], 200>[number];
export type ReportDetail = InferResponseType<R[':id']['$get'], 200>;
export type VersionView = InferResponseType<R[':id']['versions'][':version']['$get'], 200>;
export type ScoreView = InferResponseType<R[':id']['versions'][':version']['score']['$get'], 200>;
export type AuditView = InferResponseType<R[':id']['versions'][':version']['audit']['$get'], 200>;
export type Created = InferResponseType<R['upload']['$post'], 201>;
export type PublicRow = InferResponseType<typeof api.public.reports.$get, 200>[number];
export type PublicScore = InferResponseType<
  (typeof api.public.reports)[':id']['versions'][':version']['$get'],
  200
>['score'];
export type Dashboard = InferResponseType<typeof api.dashboard.$get, 200>;
export type Department = InferResponseType<typeof api.departments.$get, 200>[number];
export type Jurisdiction = InferResponseType<typeof api.jurisdictions.$get, 200>[number];
export type FrameworkRow = InferResponseType<typeof api.frameworks.$get, 200>[number];
export type JobRow = InferResponseType<typeof api.jobs.$get, 200>[number];
