/**
 * Stated counts against the lists they count (内设机构N个), the numbering of 职责 and work sections (gaps,
 * repeats), and staffing (实有 above 编制).
 */
import { type Finding, finding } from '../findings.ts';
import type { DepartmentReport, Source } from '../model/index.ts';
import { at } from './support.ts';

/** Gaps and repeats in a numbered list that should run 1, 2, 3 …. */
const numbering = (
  rule: 'counts.duties-numbering' | 'counts.work-numbering',
  what: string,
  items: readonly { no: number; src?: Source | undefined }[],
): Finding[] => {
  if (items.length < 2) return [];
  const out: Finding[] = [];
  const seen = new Map<number, Source | undefined>();
  let expected = items[0]!.no === 1 ? 1 : items[0]!.no;
  if (items[0]!.no !== 1) {
    out.push(
      finding(rule, {
        message: `${what}的编号从（${items[0]!.no}）开始，而不是从（1）开始`,
        expected: '1',
        actual: String(items[0]!.no),
        locations: at(items[0]!.src),
      }),
    );
  }
  for (const [i, item] of items.entries()) {
    const next = items[i + 1];
    if (item.no !== expected && !seen.has(item.no) && next?.no === expected + 1) {
      // One item numbered wrongly between two in sequence: one finding, not a gap and a repeat.
      out.push(
        finding(rule, {
          message: `${what}的编号（${item.no}）应为（${expected}）`,
          expected: String(expected),
          actual: String(item.no),
          locations: at(item.src),
        }),
      );
      seen.set(expected, item.src);
      expected++;
      continue;
    }
    if (seen.has(item.no)) {
      out.push(
        finding(rule, {
          message: `${what}的编号（${item.no}）重复出现`,
          expected: String(expected),
          actual: String(item.no),
          locations: at(seen.get(item.no), item.src),
        }),
      );
    } else if (item.no !== expected) {
      const missing =
        item.no > expected
          ? `缺少（${expected}）${item.no - expected > 1 ? `至（${item.no - 1}）` : ''}`
          : '顺序颠倒';
      out.push(
        finding(rule, {
          message: `${what}的编号不连续：（${expected - 1}）之后是（${item.no}），${missing}`,
          expected: String(expected),
          actual: String(item.no),
          locations: at(item.src),
        }),
      );
    }
    seen.set(item.no, item.src);
    expected = Math.max(expected, item.no + 1);
  }
  return out;
};

export const countRules = (report: DepartmentReport): Finding[] => {
  const out: Finding[] = [];
  const org = report.orgUnits;
  if (org.statedCount && org.items.length > 0 && org.statedCount.value !== org.items.length) {
    out.push(
      finding('counts.org-units', {
        message: `内设机构写 ${org.statedCount.value} 个，列出的却有 ${org.items.length} 个（${org.items.map((i) => i.value).join('、')}）`,
        expected: String(org.items.length),
        actual: String(org.statedCount.value),
        locations: at(org.statedCount.src, ...org.items.map((i) => i.src)),
      }),
    );
  }
  out.push(...numbering('counts.duties-numbering', '主要职责', report.duties.items));
  out.push(...numbering('counts.work-numbering', '年度重点工作', report.work.sections));

  const s = report.staffing;
  if (s.authorized && s.inService && s.inService.value > s.authorized.value) {
    out.push(
      finding('staffing.over-authorized', {
        message: `实有在职人员 ${s.inService.value} 人，多于人员编制 ${s.authorized.value} 人`,
        expected: `≤ ${s.authorized.value}`,
        actual: String(s.inService.value),
        locations: at(s.inService.src, s.authorized.src),
      }),
    );
  }
  return out;
};
