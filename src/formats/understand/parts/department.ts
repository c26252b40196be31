/** 部门基本情况: the department sentence, 主要职责, 内设机构, 人员编制. */
import type { DepartmentReport, NumberedItem, TextFact } from '../../../core/model/index.ts';
import { type Para, paraHeading, srcOf } from '../blocks.ts';
import { missing, parasOf, type ReadContext, warn } from './context.ts';

type Department = DepartmentReport['department'];
type Duties = DepartmentReport['duties'];
type OrgUnits = DepartmentReport['orgUnits'];
type Staffing = DepartmentReport['staffing'];

const textFact = (p: Para, start: number, end: number): TextFact => ({
  value: p.text.slice(start, end),
  src: srcOf(p, start, end),
});

/** 阳西县工业和信息化局 → 阳西县; 阳江市阳西县… → 阳江市阳西县. */
const JURISDICTION = /^[\u4e00-\u9fa5]{1,7}?(?:自治区|自治州|自治县|特别行政区|省|市|州|盟|县|旗|区|镇|乡)/;
export const jurisdictionOf = (name: string): string | null => {
  let m = JURISDICTION.exec(name);
  if (!m) return null;
  let out = m[0];
  for (let i = 0; i < 2; i++) {
    m = /^[\u4e00-\u9fa5]{1,3}?(?:市|县|区|旗|镇|乡)/.exec(name.slice(out.length));
    if (!m || out.length + m[0].length >= name.length) break;
    out += m[0];
  }
  return out.length < name.length ? out : null;
};

/** "X是县政府工作部门，为正科级，加挂A、B牌子。" */
const DEPT = /^(.{2,40}?)(?:是|为|系)(.{2,30}?)[，,；;。]/;

export const readDepartment = (paras: readonly Para[]): { dept: Department; used: Para | null } => {
  const dept: Department = { name: null, rank: null, extraNames: [], nature: null, jurisdiction: null };
  const p = paras.find((x) => /级|牌子|部门|单位|机构/.test(x.text) && DEPT.test(x.text) && !paraHeading(x));
  if (!p) return { dept, used: null };
  const m = DEPT.exec(p.text)!;
  const name = m[1]!.trim();
  dept.name = textFact(p, 0, name.length);
  if (!/级/.test(m[2]!)) dept.nature = textFact(p, m[0].indexOf(m[2]!, name.length), m[0].length - 1);
  const rank = /(?:正|副)?(?:部|厅|局|处|县处|科|股)级/.exec(p.text);
  if (rank) dept.rank = textFact(p, rank.index, rank.index + rank[0].length);
  const extra = /加挂(.+?)(?:的)?牌子/.exec(p.text);
  if (extra) {
    const at = extra.index + 2;
    let pos = at;
    for (const part of extra[1]!.split(/[、，,和及]/)) {
      const start = p.text.indexOf(part, pos);
      if (part.trim()) dept.extraNames.push(textFact(p, start, start + part.length));
      pos = start + part.length;
    }
  }
  const j = jurisdictionOf(name);
  if (j) dept.jurisdiction = { value: j, src: srcOf(p, 0, j.length) };
  return { dept, used: p };
};

/** A department name from the title or the conclusion when the department sentence is absent. */
export const departmentFromText = (p: Para, dept: Department): void => {
  if (dept.name) return;
  const body = p.text.replace(/《[^》]*》/g, (s) => ' '.repeat(s.length));
  const m =
    /([\u4e00-\u9fa5（）()]{2,30}?(?:局|委员会|委|办公室|办|中心|院|所|站|队|馆|会|部|厅|处|室|社|团|校|医院))\s*\d{4}\s*年/.exec(
      body,
    );
  if (!m) return;
  const name = m[1]!.replace(/^(?:根据|按照|关于|的|，|,)+/, '');
  const start = m.index + m[1]!.length - name.length;
  dept.name = textFact(p, start, start + name.length);
  const j = jurisdictionOf(name);
  if (j) dept.jurisdiction = { value: j, src: srcOf(p, start, start + j.length) };
};

/** A numbered list: （1）… or 1.… lines; other lines continue the item before them. */
export const numberedItems = (paras: readonly Para[]): { items: NumberedItem[]; before: Para[] } => {
  const items: NumberedItem[] = [];
  const before: Para[] = [];
  for (const p of paras) {
    const h = paraHeading(p);
    if (h && (h.kind === 'sub' || h.kind === 'item' || h.kind === 'circled')) {
      items.push({ no: h.no, text: p.text.slice(h.length), src: srcOf(p) });
    } else if (items.length) {
      const last = items[items.length - 1]!;
      last.text += `\n${p.text}`;
    } else before.push(p);
  }
  return { items, before };
};

export const readDuties = (ctx: ReadContext): { dept: Department; duties: Duties } => {
  const paras = parasOf(ctx.parts.duties);
  const { dept, used } = readDepartment([...parasOf(ctx.parts.basic), ...paras, ...parasOf(ctx.parts.title)]);
  if (!ctx.parts.duties) {
    missing(ctx, 'duties');
    return { dept, duties: { intro: null, items: [] } };
  }
  const { items, before } = numberedItems(paras.filter((p) => p !== used));
  const intro = before.map((p) => p.text).join('\n') || null;
  if (!items.length)
    warn(ctx, 'read.list-empty', '“主要职责”部分未读到编号的职责条目', [ctx.headings.duties?.src]);
  return { dept, duties: { intro, items } };
};

/** The list separators 、，,；; */
const isSeparator = (c: number): boolean =>
  c === 0x3001 || c === 0xff0c || c === 0x2c || c === 0xff1b || c === 0x3b;

const splitList = (s: string): string[] => {
  // Split on 、，； outside parentheses: 办公室（党务工作办公室）、运行监测股 → two names.
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0xff08 || c === 0x28) depth++;
    else if (c === 0xff09 || c === 0x29) depth = Math.max(0, depth - 1);
    else if (depth === 0 && isSeparator(c)) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
};

export const readOrgUnits = (ctx: ReadContext): OrgUnits => {
  const out: OrgUnits = { statedCount: null, items: [] };
  if (!ctx.parts.orgUnits) {
    missing(ctx, 'orgUnits');
    return out;
  }
  const heading = ctx.headings.orgUnits;
  // Under one heading with the duties (部门职责及机构设置), the numbered lines are the duties.
  const shared = heading !== undefined && heading === ctx.headings.duties;
  // The heading line may hold the sentence itself: "内设机构：无内设机构。"
  const paras = [...(heading ? [heading] : []), ...parasOf(ctx.parts.orgUnits)];
  for (const p of paras) {
    if (/无内设机构|未设(?:置)?内设机构|不设内设机构/.test(p.text) && !out.statedCount) {
      const m = /无内设机构|未设(?:置)?内设机构|不设内设机构/.exec(p.text)!;
      out.statedCount = { value: 0, src: srcOf(p, m.index, m.index + m[0].length) };
    }
    const count =
      /(?:内设|机构|设有|下设)[^0-9，。]{0,6}?(\d+)\s*个|(?<!\d)(\d+)\s*个(?:内设)?(?:机构|股室|科室)/.exec(
        p.text,
      );
    if (count && !out.statedCount) {
      const d = count[1] ?? count[2]!;
      const at = p.text.indexOf(d, count.index);
      out.statedCount = { value: Number(d), src: srcOf(p, at, at + d.length) };
    }
    const h = paraHeading(p);
    const listAt =
      /(?:分别为|分别是|包括|如下|为|有|个)[:：]/.exec(p.text) ?? (count ? /[:：]/.exec(p.text) : null);
    if (listAt) {
      let pos = listAt.index + listAt[0].length;
      // The list ends with its sentence: what follows the 。 is another fact (编制, 人员 …).
      const stop = p.text.indexOf('。', pos);
      const body = p.text.slice(pos, stop < 0 ? undefined : stop).replace(/[。；;]$/, '');
      for (const part of splitList(body)) {
        const name = part.trim().replace(/^(?:和|及|以及)/, '');
        const start = p.text.indexOf(name, pos);
        if (name) out.items.push({ value: name, src: srcOf(p, start, start + name.length) });
        pos = start + name.length;
      }
    } else if (count && /设(?:有|置)?[^，。：:]+?、[^，。：:]+?(?:等|共)\s*\d+\s*个/.test(p.text)) {
      // "设办公室、水资源科、工程建设科共3个科室": the list before its count.
      const m = /设(?:有|置)?([^，。：:]+?)(?:等|共)\s*\d+\s*个/.exec(p.text)!;
      let pos = m.index + m[0].indexOf(m[1]!);
      for (const part of splitList(m[1]!)) {
        const name = part.trim().replace(/^(?:和|及|以及)/, '');
        const start = p.text.indexOf(name, pos);
        if (name) out.items.push({ value: name, src: srcOf(p, start, start + name.length) });
        pos = start + name.length;
      }
    } else if (h && !count && p !== heading && !shared) {
      const name = p.text.slice(h.length).replace(/[。；;，,]$/, '');
      out.items.push({ value: name, src: srcOf(p, h.length, h.length + name.length) });
    }
  }
  if (!out.items.length && out.statedCount?.value !== 0)
    warn(ctx, 'read.list-empty', '“内设机构”部分未读到机构名称', [ctx.headings.orgUnits?.src]);
  return out;
};

const STAFF: readonly [keyof Omit<Staffing, 'asOf'>, RegExp][] = [
  ['authorized', /(?:人员|行政|事业|核定)?编制(?:数|人数)?(?:为|共|合计)?(\d+)\s*[人名个]/],
  ['inService', /(?:实有(?:在职|在编)?|在职|在编)(?:人员|人数)?(?:为|共)?(\d+)\s*[人名]/],
  ['contractStaff', /(?:政府)?(?:聘员|聘用人员|雇员|编外人员)(?:为|共)?(\d+)\s*[人名]/],
  ['other', /其他(?:人员)?(?:为|共)?(\d+)\s*[人名]/],
  ['retired', /(?:离)?退休(?:人员)?(?:为|共)?(\d+)\s*[人名]/],
];

export const readStaffing = (ctx: ReadContext): Staffing => {
  const out: Staffing = {
    asOf: null,
    authorized: null,
    inService: null,
    contractStaff: null,
    other: null,
    retired: null,
  };
  const heading = ctx.headings.staffing;
  const paras = [...(heading ? [heading] : []), ...parasOf(ctx.parts.staffing)];
  if (!ctx.parts.staffing) {
    missing(ctx, 'staffing');
    return out;
  }
  for (const p of paras) {
    // 行政编制8名、事业编制15名 (and no total stated): the authorized staff is their sum.
    const admin = /行政编制(?:数)?(?:为)?(\d+)\s*[人名个]/.exec(p.text);
    const inst = /事业编制(?:数)?(?:为)?(\d+)\s*[人名个]/.exec(p.text);
    if (
      admin &&
      inst &&
      !out.authorized &&
      !/(?:核定|人员|总)编制(?:数|人数)?(?:为|共|合计)?\d|编制(?:共|合计)\d/.test(p.text)
    ) {
      const [a, b] = admin.index < inst.index ? [admin, inst] : [inst, admin];
      const start = a.index + a[0].indexOf(a[1]!);
      const end = b.index + b[0].indexOf(b[1]!) + b[1]!.length;
      out.authorized = { value: Number(admin[1]) + Number(inst[1]), src: srcOf(p, start, end) };
    }
    const d = /截[止至](\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(p.text);
    if (d && !out.asOf) {
      const iso = `${d[1]}-${d[2]!.padStart(2, '0')}-${d[3]!.padStart(2, '0')}`;
      out.asOf = { value: iso, src: srcOf(p, d.index + 2, d.index + d[0].length) };
    }
    for (const [key, re] of STAFF) {
      const m = re.exec(p.text);
      if (!m || out[key]) continue;
      const at = m.index + m[0].lastIndexOf(m[1]!);
      out[key] = { value: Number(m[1]), src: srcOf(p, at, at + m[1]!.length) };
    }
  }
  if (!out.authorized && !out.inService)
    warn(ctx, 'read.value-missing', '“人员编制”部分未读到编制数和实有人数', [ctx.headings.staffing?.src]);
  return out;
};
