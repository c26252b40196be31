/**
 * The bureau's views through the API, part of api-suite.ts: the progress table and its .xlsx, the report
 * list's search and filters, batch export, the opinion on approval and the report's history.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { figuresOf } from '../../src/app/report-scoring.ts';
import { cleanDocument, documentWithError, freshYear, reportIn, type Served } from './harness.ts';

const sheetRows = async (bytes: ArrayBuffer): Promise<unknown[][]> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const out: unknown[][] = [];
  wb.worksheets[0]!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
};

export const bureauTests = (S: () => Served): void => {
  describe("the bureau's views", () => {
    it('the progress table puts every department at its step, with the date of each step, and exports it', async () => {
      const { bureau, revA } = S().clients;
      const r = await reportIn(S().db.store, S().org, 'submitted', undefined, freshYear());
      expect((await revA.json('POST', `/api/reports/${r.id}/approve`, {})).status).toBe(200);
      type Row = {
        departmentId: string;
        reportId: string | null;
        step: string;
        dates: Record<string, string>;
        jurisdictionName: string;
      };
      const got = await bureau.json<{ counts: Record<string, number>; rows: Row[] }>(
        'GET',
        `/api/progress?year=${r.year}`,
      );
      expect(got.status).toBe(200);
      const a = got.body.rows.find((x) => x.reportId === r.id)!;
      expect(a).toMatchObject({
        departmentId: S().org.deptA,
        step: 'dept-approved',
        jurisdictionName: '测试县',
      });
      expect(Object.keys(a.dates).sort()).toEqual(['dept-approved', 'draft', 'submitted']);
      expect(Date.parse(a.dates['dept-approved']!)).toBeGreaterThanOrEqual(Date.parse(a.dates.submitted!));
      const b = got.body.rows.find((x) => x.departmentId === S().org.deptB)!;
      expect(b).toMatchObject({ reportId: null, step: 'none', dates: {} });
      expect(got.body.counts.none).toBeGreaterThanOrEqual(1);
      const none = await bureau.json<{ rows: Row[] }>('GET', `/api/progress?year=${r.year}&step=none`);
      expect(none.body.rows.every((x) => x.step === 'none')).toBe(true);
      expect(none.body.rows.some((x) => x.departmentId === S().org.deptA)).toBe(false);
      const projects = await bureau.json<{ rows: Row[] }>('GET', `/api/progress?year=${r.year}&kind=project`);
      expect(projects.body.rows).toEqual([]);
      const bad = await bureau.json('GET', `/api/progress?year=${r.year}&step=finished`);
      expect(bad.status).toBe(400);

      const file = await bureau.fetch('GET', `/api/progress/export?year=${r.year}`);
      expect(file.status).toBe(200);
      expect(decodeURIComponent(file.headers.get('content-disposition') ?? '')).toContain(
        `填报进度-${r.year}年度.xlsx`,
      );
      const rows = await sheetRows(await file.arrayBuffer());
      expect(rows[0]).toContain('单位');
      expect(rows[0]).toContain('单位已审核时间（北京时间）');
      const line = rows.find((x) => x.includes('测试县农业农村局'))!;
      expect(line).toContain('单位已审核');
      expect(line.some((v) => typeof v === 'string' && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(v))).toBe(
        true,
      );
      expect(rows.find((x) => x.includes('测试县教育局'))).toContain('未建');
    });

    it('the report list searches by department or project and filters by kind, status and error count', async () => {
      const { bureau } = S().clients;
      const year = freshYear();
      const clean = await reportIn(S().db.store, S().org, 'submitted', undefined, year);
      const doc = await documentWithError(year);
      const withError = await S().db.store.reports.create(
        { departmentId: S().org.deptB, year, kind: 'department', document: doc, figures: figuresOf(doc) },
        S().org.users.prepB.id,
      );
      if (!withError.ok) throw new Error(withError.message);
      type Row = { id: string; findings: { errors: number; warnings: number; infos: number } };
      const ids = async (q: string) =>
        (await bureau.json<Row[]>('GET', `/api/reports?year=${year}${q}`)).body.map((x) => x.id).sort();
      const all = (await bureau.json<Row[]>('GET', `/api/reports?year=${year}`)).body;
      expect(all.find((x) => x.id === withError.value.report.id)!.findings.errors).toBeGreaterThan(0);
      expect(all.find((x) => x.id === clean.id)!.findings.errors).toBe(0);
      expect(await ids('&q=教育')).toEqual([withError.value.report.id]);
      expect(await ids(`&q=${encodeURIComponent('测试县 农业')}`)).toEqual([clean.id]);
      expect(await ids('&q=没有这个单位')).toEqual([]);
      expect(await ids('&minErrors=1')).toEqual([withError.value.report.id]);
      expect(await ids('&maxErrors=0')).toEqual([clean.id]);
      expect(await ids('&status=submitted')).toEqual([clean.id]);
      expect(await ids('&kind=project')).toEqual([]);
      expect((await bureau.json('GET', `/api/reports?minErrors=-1`)).status).toBe(400);
    });

    it('batch export: a zip of Word files named as single downloads, and an .xlsx summary of the filtered list', async () => {
      const { bureau } = S().clients;
      const year = freshYear();
      const a = await reportIn(S().db.store, S().org, 'dept-approved', undefined, year);
      const doc = await cleanDocument(year);
      const b = await S().db.store.reports.create(
        { departmentId: S().org.deptB, year, kind: 'department', document: doc, figures: figuresOf(doc) },
        S().org.users.prepB.id,
      );
      if (!b.ok) throw new Error(b.message);
      const zipped = await bureau.fetch('POST', '/api/reports/export', {
        json: { format: 'docx', filter: { year } },
      });
      expect(zipped.status).toBe(200);
      expect(zipped.headers.get('content-type')).toBe('application/zip');
      const zip = await JSZip.loadAsync(await zipped.arrayBuffer());
      expect(Object.keys(zip.files).sort()).toEqual([
        `测试县农业农村局-${year}-部门整体支出绩效自评报告-v1.docx`,
        `测试县教育局-${year}-部门整体支出绩效自评报告-v1.docx`,
      ]);
      const word = await zip
        .file(`测试县教育局-${year}-部门整体支出绩效自评报告-v1.docx`)!
        .async('uint8array');
      expect(new TextDecoder().decode(word.slice(0, 2))).toBe('PK');

      const picked = await bureau.fetch('POST', '/api/reports/export', {
        json: { format: 'summary', ids: [a.id], filter: { year } },
      });
      expect(picked.status).toBe(200);
      const rows = await sheetRows(await picked.arrayBuffer());
      expect(rows[0]).toEqual([
        '单位',
        '地区',
        '年度',
        '报告类型',
        '项目',
        '状态',
        '自评得分',
        '重算得分',
        '等级',
        '审核得分',
        '审核等级',
        '错误',
        '警告',
        '提示',
        '版本',
      ]);
      expect(rows).toHaveLength(2);
      expect(rows[1]!.slice(0, 6)).toEqual([
        '测试县农业农村局',
        '测试县',
        year,
        '部门整体支出绩效自评报告',
        undefined,
        '单位已审核',
      ]);
      expect(rows[1]![11]).toBe(0);

      const nothing = await bureau.fetch('POST', '/api/reports/export', {
        json: { format: 'summary', filter: { year, q: '没有这个单位' } },
      });
      expect(nothing.status).toBe(400);
      const log = await S().db.store.audit.list({ actorId: S().org.users.bureau.id, limit: 5 });
      expect(log.some((e) => e.action === 'report.batch-export')).toBe(true);
    });

    it('an opinion written on approval, names beside every note, and the history says who did what', async () => {
      const { revA, bureau } = S().clients;
      const r = await reportIn(S().db.store, S().org, 'submitted');
      const approved = await revA.json('POST', `/api/reports/${r.id}/approve`, {
        opinion: '数据已核对，同意报送',
      });
      expect(approved.status).toBe(200);
      expect(
        (await bureau.json('POST', `/api/reports/${r.id}/comments`, { body: '请补充佐证材料' })).status,
      ).toBe(201);
      const detail = (
        await bureau.json<{
          comments: { kind: string; body: string; authorId: string }[];
          versions: { createdBy: string }[];
          people: Record<string, string>;
        }>('GET', `/api/reports/${r.id}`)
      ).body;
      const opinion = detail.comments.find((c) => c.kind === 'approval-opinion')!;
      expect(opinion.body).toBe('数据已核对，同意报送');
      expect(detail.people[opinion.authorId]).toBe(S().org.users.revA.username);
      expect(detail.people[detail.versions[0]!.createdBy]).toBe(S().org.users.prepA.username);
      const history = (
        await bureau.json<{ kind: string; title: string; text: string | null; actorName: string | null }[]>(
          'GET',
          `/api/reports/${r.id}/history`,
        )
      ).body;
      expect(history.map((h) => h.title)).toEqual([
        '意见',
        '审核意见',
        '单位审核通过（已提交 → 单位已审核）',
        '提交（草稿 → 已提交）',
        '创建报告（第 1 版）',
      ]);
      expect(history[1]).toMatchObject({ kind: 'comment', text: '数据已核对，同意报送', actorName: 'rev-a' });
      expect(history.at(-1)?.actorName).toBe('prep-a');
    });
  });
};
