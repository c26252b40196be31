/**
 * Use cases of the public (no login) for target tables: published versions only, beside the reports.
 * A draft, a version under review, or an approved version never published does not exist for them.
 * The public sees the table as approved, not the review's findings or grades.
 */
import type { Result } from '../../core/result.ts';
import type { TargetTable } from '../../core/targets/table.ts';
import { notFound } from '../access.ts';
import type { PublishedTarget, Store } from '../store.ts';

export type PublicTargetRow = PublishedTarget & {
  departmentName: string;
  departmentCode: string | null;
  jurisdictionId: string;
  jurisdictionName: string;
  /** The newest publication of its table. */
  latest: boolean;
};

type Place = { name: string; code: string | null; jurisdictionId: string; jurisdictionName: string };

const placeOf = async (store: Store, departmentId: string, known: Map<string, Place>): Promise<Place> => {
  const hit = known.get(departmentId);
  if (hit) return hit;
  const d = await store.org.getDepartment(departmentId);
  const j = d ? await store.org.getJurisdiction(d.jurisdictionId) : null;
  const place = {
    name: d?.name ?? '',
    code: d?.code ?? null,
    jurisdictionId: d?.jurisdictionId ?? '',
    jurisdictionName: j?.name ?? '',
  };
  known.set(departmentId, place);
  return place;
};

/** Every publication of a target table in the filter (newest first); `latest` marks a table's newest. */
export const listPublishedTargets = async (
  store: Store,
  filter: {
    jurisdictionId?: string | undefined;
    departmentId?: string | undefined;
    year?: number | undefined;
    kind?: PublishedTarget['kind'] | undefined;
  },
): Promise<PublicTargetRow[]> => {
  const rows = await store.targets.listPublished({
    ...(filter.jurisdictionId ? { jurisdictionId: filter.jurisdictionId } : {}),
    ...(filter.departmentId ? { departmentId: filter.departmentId } : {}),
    ...(filter.year !== undefined ? { year: filter.year } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
  });
  const known = new Map<string, Place>();
  const seen = new Set<string>();
  const out: PublicTargetRow[] = [];
  for (const p of rows) {
    const place = await placeOf(store, p.departmentId, known);
    out.push({
      ...p,
      departmentName: place.name,
      departmentCode: place.code,
      jurisdictionId: place.jurisdictionId,
      jurisdictionName: place.jurisdictionName,
      latest: !seen.has(p.tableId),
    });
    seen.add(p.tableId);
  }
  return out;
};

/** Published documents never change: kept per process, the oldest going first. */
const KEPT = 5_000;
const documents = new Map<string, TargetTable>();

export const publishedTargetDocument = async (
  store: Store,
  tableId: string,
  version: number,
): Promise<TargetTable | null> => {
  const key = `${tableId}@${version}`;
  const hit = documents.get(key);
  if (hit) return hit;
  const v = await store.targets.getPublishedVersion(tableId, version);
  if (!v) return null;
  documents.set(key, v.document);
  if (documents.size > KEPT) documents.delete(documents.keys().next().value!);
  return v.document;
};

export type PublicTarget = PublicTargetRow & {
  document: TargetTable;
  /** Every published version of the same table, newest first. */
  versions: { version: number; publishedAt: Date }[];
};

export const getPublishedTarget = async (
  store: Store,
  tableId: string,
  version: number,
): Promise<Result<PublicTarget>> => {
  const document = await publishedTargetDocument(store, tableId, version);
  const table = document ? await store.targets.get(tableId) : null;
  if (!document || !table) return notFound('已公开的绩效目标表', 'published target table');
  const publications = await store.targets.listPublications(tableId);
  const mine = publications.find((p) => p.version === version);
  if (!mine) return notFound('已公开的绩效目标表', 'published target table');
  const place = await placeOf(store, table.departmentId, new Map());
  return {
    ok: true,
    value: {
      ...mine,
      departmentId: table.departmentId,
      year: table.year,
      kind: table.kind,
      projectName: table.projectName,
      departmentName: place.name,
      departmentCode: place.code,
      jurisdictionId: place.jurisdictionId,
      jurisdictionName: place.jurisdictionName,
      latest: publications[0]?.version === version,
      document,
      versions: publications.map((p) => ({ version: p.version, publishedAt: p.publishedAt })),
    },
  };
};
