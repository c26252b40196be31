import { describe, expect, it } from 'vitest';
import { cleanProject } from '../../../test/fixtures/project/project-test-report.ts';
import { auditReport } from '../audit/index.ts';
import { emptyDepartmentReport } from '../model/empty-report.ts';
import type { ProjectReport } from '../model/index.ts';
import { reportTargets } from './binding.ts';
import { carryMonitoring, causesNamed, monitoringFindings } from './carry.ts';
import { fillFromApproved } from './fill.ts';
import { emptyEntry, type IndicatorEntry, type MonitoringEntry } from './monitoring.ts';
import { sampleDepartmentTable, sampleProjectTable } from './sample-tables.ts';

const approved = sampleProjectTable();

/** The composed project form, its targets filled from the approved table, each with an actual. */
const filled = (actuals: Record<string, string> = {}): ProjectReport => {
  const doc = fillFromApproved(cleanProject(), approved) as ProjectReport;
  return {
    ...doc,
    indicators: doc.indicators.map((i) => {
      const a = actuals[i.name.value] ?? i.target.value ?? i.target.text;
      return {
        ...i,
        actual: {
          text: `${a}${i.target.unit ?? ''}`,
          op: null,
          value: i.target.value === null ? null : a,
          unit: i.target.unit,
        },
      };
    }),
  };
};

const bindingRules = (doc: ProjectReport, monitoring: MonitoringEntry | null = null) =>
  auditReport(doc, { approved: { table: approved, version: 2, monitoring } })
    .filter((f) => f.rule.startsWith('binding.'))
    .map((f) => f.rule);

const entryWith = (id: string, e: Partial<IndicatorEntry>): MonitoringEntry => {
  const base = emptyEntry(approved);
  return { ...base, indicators: base.indicators.map((x) => (x.indicatorId === id ? { ...x, ...e } : x)) };
};

describe('fillFromApproved', () => {
  it('fills the project form with the approved indicators: nothing differs', () => {
    const doc = filled();
    expect(reportTargets(doc).map((r) => r.target.text)).toContain('≥42公里');
    expect(bindingRules(doc)).toEqual([]);
  });
  it('keeps what the report held for an indicator of the same name', () => {
    const before = filled({ 受益人口: '17000' });
    const again = fillFromApproved(before, approved) as ProjectReport;
    expect(again.indicators.find((i) => i.name.value === '受益人口')?.actual.value).toBe('17000');
  });
  it('fills a department report’s target table and its achievement targets', () => {
    const table = sampleDepartmentTable();
    const doc = fillFromApproved(emptyDepartmentReport(), table);
    expect(doc.kind === 'department' && doc.targets?.rows.map((r) => r.target.text)).toEqual([
      '≥24次',
      '≥98%',
      '≤160万元',
      '≥92%',
      '持续改善',
      '≥90%',
    ]);
    expect(
      auditReport(doc, { approved: { table, version: 1 } }).filter((f) => f.rule.startsWith('binding.')),
    ).toEqual([]);
  });
});

describe('the audit against the approved targets', () => {
  it('is silent without approved targets, and names both values of a lowered target with them', () => {
    const doc = filled();
    const lowered: ProjectReport = {
      ...doc,
      indicators: doc.indicators.map((i) =>
        i.name.value === '受益人口'
          ? { ...i, target: { text: '≥15000人', op: '≥', value: '15000', unit: '人' } }
          : i,
      ),
    };
    expect(auditReport(lowered).some((f) => f.rule.startsWith('binding.'))).toBe(false);
    const found = auditReport(lowered, { approved: { table: approved, version: 2 } }).find(
      (f) => f.rule === 'binding.target-changed',
    );
    expect(found).toMatchObject({ severity: 'error', expected: '≥18000人', actual: '≥15000人' });
    expect(found?.message).toContain('第2版');
  });
});

describe('monitoring beside the year-end report', () => {
  it('puts each approved indicator beside its year-end row and its mid-year answer', () => {
    const rows = carryMonitoring(
      approved,
      entryWith('p5', { current: '9000', projected: '17000', likelihood: 'possible' }),
      filled({ 受益人口: '17500' }),
    );
    const p5 = rows.find((r) => r.indicatorId === 'p5');
    expect(p5).toMatchObject({
      name: '受益人口',
      approved: '≥18000人',
      yearEnd: { actual: '17500人', met: false },
      monitoring: { current: '9000', projected: '17000', likelihood: 'possible' },
      contradiction: null,
    });
    expect(carryMonitoring(approved, null, filled()).every((r) => r.monitoring === null)).toBe(true);
  });

  it('judges the year-end actual against the approved target, not a lowered one', () => {
    const doc = filled({ 受益人口: '16000' });
    const lowered: ProjectReport = {
      ...doc,
      indicators: doc.indicators.map((i) =>
        i.name.value === '受益人口'
          ? { ...i, target: { text: '≥15000人', op: '≥', value: '15000', unit: '人' } }
          : i,
      ),
    };
    const p5 = carryMonitoring(approved, null, lowered).find((r) => r.indicatorId === 'p5');
    expect(p5?.yearEnd).toMatchObject({ target: '≥15000人', met: false });
  });

  it('shows a mid-year “impossible” with its causes when the year-end report says the target was met', () => {
    const entry = entryWith('p1', {
      current: '10',
      likelihood: 'impossible',
      causes: [{ cause: 'funding', text: '上级资金未到位' }],
      measures: '申请调剂',
    });
    expect(bindingRules(filled(), entry)).toEqual(['binding.monitoring-contradicted']);
    const [f] = monitoringFindings(carryMonitoring(approved, entry, filled()));
    expect(f?.message).toContain('经费保障：上级资金未到位');
    expect(f?.message).toContain('已达到目标');
  });

  it('shows a year-end 偏差原因 of another category than the mid-year one; the same category is consistent', () => {
    const entry = entryWith('p5', {
      likelihood: 'possible',
      causes: [{ cause: 'staff', text: '入户登记人员不足' }],
      measures: '抽调人员',
    });
    const withDeviation = (text: string): ProjectReport => {
      const doc = filled({ 受益人口: '16000' });
      return {
        ...doc,
        indicators: doc.indicators.map((i) =>
          i.name.value === '受益人口' ? { ...i, deviation: { value: text } } : i,
        ),
      };
    };
    expect(bindingRules(withDeviation('配套资金拨付滞后'), entry)).toEqual([
      'binding.monitoring-contradicted',
    ]);
    expect(bindingRules(withDeviation('登记人员不足，下年增加人手'), entry)).toEqual([]);
    // Certain mid-year, or no causes given: nothing to contradict.
    expect(
      bindingRules(withDeviation('配套资金拨付滞后'), entryWith('p5', { likelihood: 'certain' })),
    ).toEqual([]);
  });

  it('reads the categories a free-text reason names', () => {
    expect(causesNamed('资金拨付滞后，人员不足')).toEqual(['funding', 'staff']);
    expect(causesNamed('天气原因')).toEqual([]);
  });
});
