/**
 * The real sample report (../shared/seeds): its known contradictions are found by the general rules,
 * each once and at its root. Nothing here names the seed's figures in a rule; the test only checks where
 * the findings point.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { describeSeed, seedPath } from '../../test/seed.ts';
import { auditReport } from '../core/audit/index.ts';
import type { Finding } from '../core/findings.ts';
import { readTextReport } from '../formats/read/read-text.ts';
import { auditFile } from './audit-files.ts';

const onLine = (f: Finding, line: number) => (f.locations ?? []).some((s) => s.line === line);
const inCell = (f: Finding, table: string, row: number) =>
  (f.locations ?? []).some((s) => s.table === table && s.row === row);

describeSeed('audit of the seed report', () => {
  let findings: Finding[] = [];
  const of = (rule: string, severity?: Finding['severity']) =>
    findings.filter((f) => f.rule === rule && (!severity || f.severity === severity));

  beforeAll(async () => {
    const r = await auditFile(seedPath());
    if (!r.ok) throw new Error(r.message);
    findings = r.findings;
  });

  it('finds the income total contradicting its own 财政拨款 part, once', () => {
    const f = of('income.total', 'error');
    expect(f).toHaveLength(1);
    expect(onLine(f[0]!, 57)).toBe(true);
    expect(f[0]!.actual).toBe('7523.81');
    expect(f[0]!.expected).toBe('7532.81');
  });

  it('finds the table unit label 元 against the 万元 of the text', () => {
    const f = of('units.table-label', 'error');
    expect(f).toHaveLength(1);
    expect(onLine(f[0]!, 60)).toBe(true);
  });

  it('calls the one-cent 人员经费 + 公用经费 difference 尾差, and finds no other table error', () => {
    expect(of('finance.basic-split').every((f) => f.severity === 'info')).toBe(true);
    expect(findings.filter((f) => f.rule.startsWith('finance.') && f.severity === 'error')).toEqual([]);
  });

  it('blames the two wrong level-2 subtotals and not the level-1 totals that are right', () => {
    const f = of('score.subtotal', 'error');
    expect(f.map((x) => x.locations?.[0]?.line).sort()).toEqual([262, 277]);
    expect(of('score.total')).toEqual([]);
  });

  it('finds the target value that differs between the two target tables', () => {
    const f = of('target.value-mismatch', 'error');
    expect(f).toHaveLength(1);
    expect(inCell(f[0]!, '2', 11) && inCell(f[0]!, '3', 11)).toBe(true);
  });

  it('finds the stated counts and rate consistent with the achievement table', () => {
    expect(findings.filter((f) => f.rule.startsWith('score.targets'))).toEqual([]);
    expect(of('target.full-marks-missed', 'warning').some((f) => onLine(f, 281))).toBe(true);
  });

  it('finds the narrative figures that differ from the achievement table', () => {
    const lines = of('narrative.target-value', 'warning').flatMap((f) => f.locations?.[0]?.line ?? []);
    expect(lines).toEqual(expect.arrayContaining([50, 51, 52]));
    expect(lines).toHaveLength(3);
  });

  it('finds the figures attributed to the year before the report', () => {
    expect(of('period.input-year', 'warning').some((f) => onLine(f, 265))).toBe(true);
    expect(of('period.staffing-as-of').some((f) => onLine(f, 44))).toBe(true);
  });

  it('notes that 决算支出 is given as 总计 (with the carry-over)', () => {
    expect(of('expenditure.total-includes-carry-over', 'warning').some((f) => onLine(f, 59))).toBe(true);
  });
});

describeSeed('audit of the seed report once corrected', () => {
  // The seed's faults mended in memory (the seed is never copied into the project): what is left must
  // give no error and no narrative warning, or the rules raise false alarms on a real report.
  const MENDS: [string, string][] = [
    ['决算数7523.81万元', '决算数7532.81万元'],
    ['（单位：元）', '（单位：万元）'],
    ['决算支出7542.23万元', '决算支出7540.18万元'],
    ['指标总分20分，自评得分17.6分', '指标总分20分，自评得分18.6分'],
    ['2.效率性。指标总分10分，自评得分10分', '2.效率性。指标总分10分，自评得分9.6分'],
    ['\t6家\n', '\t10家\n'],
    ['总投资526.08亿元', '总投资526.28亿元'],
    ['合计培训249人次', '合计培训246人次'],
    ['进出口总额9.35亿元', '进出口总额9.22亿元'],
  ];

  it('gives no error and no narrative warning', async () => {
    let text = readFileSync(seedPath(), 'utf8');
    for (const [from, to] of MENDS) {
      expect(text.includes(from), from).toBe(true);
      text = text.replace(from, to);
    }
    const r = readTextReport(text, { encoding: 'utf-8' });
    if (!r.ok) throw new Error(r.message);
    const findings = auditReport(r.value);
    expect(findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
    expect(findings.filter((f) => f.rule.startsWith('narrative.'))).toEqual([]);
  });
});
