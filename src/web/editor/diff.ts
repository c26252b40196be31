/**
 * What changed between two versions of a document: every leaf value that differs, with its path and a
 * Chinese label of where it is. `src` (where a value was read from) is not a change of content.
 */
import type { Path } from '../lib/paths.ts';

export type Change = { path: Path; label: string; before: string; after: string };

const PART_LABELS: Record<string, string> = {
  title: '标题',
  year: '年度',
  department: '部门',
  duties: '职责',
  orgUnits: '内设机构',
  staffing: '人员编制',
  work: '年度工作',
  income: '收入',
  expenditure: '支出',
  expenditureTable: '支出表',
  threePublic: '三公经费',
  targets: '绩效目标',
  achievements: '完成情况',
  indicators: '指标',
  conclusion: '结论',
  problems: '问题',
  otherNotes: '其他说明',
  funds: '项目资金',
  project: '项目',
  goal: '总体目标',
  formNo: '报表编号',
  moneyUnit: '资金单位',
  overview: '实施概述',
  statedTotal: '自评总分',
  statedGrade: '自评等级',
  measures: '改进措施',
  layout: '表式',
  frameworkId: '指标体系',
  schemaVersion: '格式版本',
};

const show = (v: unknown): string => {
  if (v === null || v === undefined) return '（空）';
  if (typeof v === 'object') {
    const o = v as { value?: unknown; text?: unknown; unit?: unknown };
    if ('value' in o) return `${String(o.value)}${typeof o.unit === 'string' ? o.unit : ''}`;
    if (typeof o.text === 'string') return o.text;
    const name = (v as { name?: unknown; label?: unknown }).name ?? (v as { label?: unknown }).label;
    if (typeof name === 'string') return `（整项）${name}`;
    return '（整项）';
  }
  return String(v);
};

/** A short label: the part's Chinese name, then the names met on the way (an indicator's name). */
const labelOf = (root: unknown, path: Path): string => {
  const names: string[] = [PART_LABELS[String(path[0])] ?? '其他'];
  let cur: unknown = root;
  for (const seg of path) {
    cur = (cur as Record<string | number, unknown> | null)?.[seg];
    const o = cur as { name?: unknown; label?: unknown } | null;
    if (typeof seg === 'number' && o && typeof o === 'object') {
      const n = typeof o.name === 'string' ? o.name : (o.name as { value?: unknown } | undefined)?.value;
      const l = typeof o.label === 'string' ? o.label : undefined;
      names.push(typeof n === 'string' ? n : (l ?? `第${seg + 1}项`));
    }
  }
  const last = path[path.length - 1];
  // A field without a Chinese name is left unnamed rather than shown by its code.
  const field = typeof last === 'string' ? FIELD_LABELS[last] : undefined;
  if (field && field !== names[names.length - 1]) names.push(field);
  return names.join(' · ');
};

const FIELD_LABELS: Record<string, string> = {
  budget: '年初预算',
  adjusted: '调整预算',
  final: '决算',
  actual: '实际',
  statedScore: '自评得分',
  weight: '分值',
  evidence: '说明',
  target: '目标值',
  statedTotal: '自评总分',
  statedGrade: '自评等级',
  text: '内容',
  body: '内容',
  score: '得分',
  name: '名称',
  authorized: '编制数',
  inService: '在职人数',
  contractStaff: '编外人员',
  other: '其他人员',
  retired: '退休人数',
  asOf: '截止日期',
  intro: '概述',
  statedCount: '机构数',
  rank: '级别',
  nature: '性质',
  jurisdiction: '所属行政区',
  unit: '单位',
  title: '标题',
  no: '序号',
  label: '名称',
  level1: '一级指标',
  level2: '二级指标',
  deviation: '偏差原因',
  reason: '原因',
  rate: '执行率',
  expected: '预期目标',
  implementer: '实施单位',
  department: '主管部门',
  problems: '存在问题',
  causes: '原因分析',
  measures: '改进措施',
  carryOverEnd: '年末结转和结余',
  against: '比较对象',
  amount: '金额',
  direction: '增减',
  code: '编码',
  year: '年度',
  key: '类别',
  op: '比较符',
};

/** A value compared as a whole: a primitive, a fact ({value, src}) or a measure ({text, …}). */
const isLeafish = (v: unknown): boolean =>
  v === null || typeof v !== 'object' || (!Array.isArray(v) && ('value' in v || 'text' in v));

const strip = (v: unknown): unknown => {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(strip);
  return Object.fromEntries(
    Object.entries(v)
      .filter(([k]) => k !== 'src')
      .map(([k, x]) => [k, strip(x)]),
  );
};

export const diffDocuments = (before: unknown, after: unknown, limit = 500): Change[] => {
  const out: Change[] = [];
  const walk = (a: unknown, b: unknown, path: (string | number)[]) => {
    if (out.length >= limit) return;
    if (path.length === 1 && path[0] === 'meta') return;
    if (isLeafish(a) || isLeafish(b)) {
      const sa = JSON.stringify(strip(a) ?? null);
      const sb = JSON.stringify(strip(b) ?? null);
      if (sa !== sb)
        out.push({
          path,
          label: labelOf(b === undefined ? before : after, path),
          before: show(a),
          after: show(b),
        });
      return;
    }
    if (Array.isArray(a) || Array.isArray(b)) {
      const xa = Array.isArray(a) ? a : [];
      const xb = Array.isArray(b) ? b : [];
      for (let i = 0; i < Math.max(xa.length, xb.length); i++) walk(xa[i], xb[i], [...path, i]);
      return;
    }
    const oa = (a ?? {}) as Record<string, unknown>;
    const ob = (b ?? {}) as Record<string, unknown>;
    for (const k of new Set([...Object.keys(oa), ...Object.keys(ob)])) {
      if (k !== 'src') walk(oa[k], ob[k], [...path, k]);
    }
  };
  walk(before, after, []);
  return out;
};
