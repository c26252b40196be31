/**
 * Steps of the target cycle over the API that the target tests share: declare a table, submit it, grade
 * it, and an approved department table whose targets are a report's with one of them raised (so that the
 * report differs from what was approved).
 */
import { expect } from 'vitest';
import type { Report as ReportDocument } from '../../src/core/model/index.ts';
import { sampleDepartmentTable, sampleProjectTable } from '../../src/core/targets/sample-tables.ts';
import type { TargetIndicator } from '../../src/core/targets/table.ts';
import type { Client } from './harness.ts';

export type TableRow = {
  id: string;
  status: string;
  reviewStep: string | null;
  approvedVersion: number | null;
};

/** Declares the sample project table (under `name`) for `year`; its id. */
export const declareTable = async (
  who: Client,
  year: number,
  name = sampleProjectTable().projectName,
): Promise<string> => {
  const r = await who.json<{ table: TableRow }>('POST', '/api/targets', {
    document: { ...sampleProjectTable(), year, projectName: name },
  });
  expect(r.status).toBe(201);
  return r.body.table.id;
};

/** Submits a draft table for review; the table as it is then. */
export const submitTable = async (who: Client, id: string): Promise<TableRow> => {
  const r = await who.json<TableRow>('POST', `/api/targets/${id}/submit`, { from: 'draft' });
  expect(r.status).toBe(200);
  return r.body;
};

/**
 * A department table of `year` approved (优) with the targets of `report`, the first quantitative one
 * raised by 1: the report, as it stands, has changed that target. Which row (`k`) and the approved value.
 */
export const approvedAboveReport = async (
  prep: Client,
  bureau: Client,
  report: ReportDocument,
  year: number,
) => {
  const rows = report.kind === 'department' ? (report.targets?.rows ?? []) : [];
  const indicators: TargetIndicator[] = rows.map((r, i) => ({
    ...sampleDepartmentTable().indicators[0]!,
    id: `r${i}`,
    name: r.name.value,
    nature: r.target.value === null ? '定性' : (r.target.op ?? '≥'),
    value: r.target.value ?? r.target.text,
    unit: r.target.value === null ? '' : (r.target.unit ?? ''),
  }));
  const k = indicators.findIndex((i) => i.nature !== '定性');
  const approvedValue = String(Number(indicators[k]!.value) + 1);
  indicators[k] = { ...indicators[k]!, value: approvedValue };
  const table = await prep.json<{ table: { id: string } }>('POST', '/api/targets', {
    document: { ...sampleDepartmentTable(), year, indicators },
  });
  const tableId = table.body.table.id;
  await submitTable(prep, tableId);
  await bureau.json('POST', `/api/targets/${tableId}/review`, { version: 1, grade: '优' });
  return { rows, k, approvedValue, tableId };
};
