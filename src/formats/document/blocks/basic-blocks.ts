/** 一、部门基本情况 (duties, organisation, staffing, work) as blocks, in the standard wording. */
import type { DepartmentReport } from '../../../core/model/index.ts';
import type { Block } from './blocks.ts';

const p = (text: string): Block => ({ kind: 'paragraph', text });
const h = (level: 1 | 2 | 3, text: string): Block => ({ kind: 'heading', level, text });

/** 2022-12-31 → 2022年12月31日 (other strings are kept as written). */
export const chineseDate = (iso: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
};

const departmentSentence = (r: DepartmentReport): string | null => {
  const d = r.department;
  if (!d.name) return null;
  const parts = [`${d.name.value}是${d.nature?.value ?? '本级政府工作部门'}`];
  if (d.rank) parts.push(`为${d.rank.value}`);
  if (d.extraNames.length) parts.push(`加挂${d.extraNames.map((n) => n.value).join('、')}牌子`);
  return `${parts.join('，')}。`;
};

const staffingSentence = (r: DepartmentReport): string | null => {
  const s = r.staffing;
  const parts: string[] = [];
  if (s.authorized) parts.push(`本单位人员编制${s.authorized.value}人`);
  if (s.inService) parts.push(`实有在职人员${s.inService.value}人`);
  if (s.contractStaff) parts.push(`政府聘员${s.contractStaff.value}人`);
  if (s.other) parts.push(`其他人员${s.other.value}人`);
  if (s.retired) parts.push(`退休人员${s.retired.value}人`);
  if (!parts.length) return null;
  return `${s.asOf ? `截止${chineseDate(s.asOf.value)}，` : ''}${parts.join('，')}。`;
};

export const basicBlocks = (r: DepartmentReport): Block[] => {
  const out: Block[] = [h(1, '一、部门基本情况'), h(2, '（一）部门概况。')];
  out.push(h(3, '1.主要职责。'));
  const dep = departmentSentence(r);
  if (dep) out.push(p(dep));
  if (r.duties.intro) out.push(p(r.duties.intro));
  for (const item of r.duties.items) out.push(p(`（${item.no}）${item.text}`));
  out.push(h(3, '2.内设机构构成。'));
  const units = r.orgUnits.items.map((u) => u.value);
  const count = r.orgUnits.statedCount?.value ?? (units.length || null);
  if (count !== null)
    out.push(p(`本部门内设机构${count}个${units.length ? `，分别为：${units.join('、')}` : ''}。`));
  out.push(h(3, '3.人员编制构成。'));
  const staff = staffingSentence(r);
  if (staff) out.push(p(staff));
  out.push(h(2, '（二）年度总体工作和重点工作任务。'));
  if (r.work.intro) out.push(p(r.work.intro));
  for (const s of r.work.sections) out.push(p(`${s.no}.${s.title.replace(/[。.]$/, '')}。${s.body}`));
  return out;
};
