/** 二 to 五: conclusion, the scored indicator narrative, goal tables, problems, other notes. */
import type { DepartmentReport, IndicatorNode } from '../../../core/model/index.ts';
import type { Block, TableBlock } from './blocks.ts';
import type { ScoredNode, Scores } from './render-input.ts';

const p = (text: string): Block => ({ kind: 'paragraph', text });
const h = (level: 1 | 2 | 3, text: string): Block => ({ kind: 'heading', level, text });

const CN_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
/** 1 → 一, 12 → 十二, 20 → 二十 (labels of the form （一）). */
export const chineseNumber = (n: number): string => {
  if (n < 10) return CN_DIGITS[n] ?? String(n);
  if (n < 100) {
    const tens = Math.floor(n / 10);
    return `${tens === 1 ? '' : CN_DIGITS[tens]}十${CN_DIGITS[n % 10]}`;
  }
  return String(n);
};

/** 一、 二、 …: the numbering of the report's chapters. */
const CHAPTER_LABEL = /^[一二三四五六七八九十]+[、.．]/;

const defaultLabel = (level: 1 | 2 | 3, i: number): string =>
  level === 1 ? `（${chineseNumber(i)}）` : level === 2 ? `${i}.` : `（${i}）`;

const targetsTable = (r: DepartmentReport): TableBlock | null => {
  const t = r.targets;
  if (!t?.rows.length) return null;
  return {
    kind: 'table',
    id: 'targets',
    widths: [12, 60, 28],
    header: [['序号', '绩效目标', '目标值'].map((text) => ({ text, strong: true }))],
    rows: t.rows.map((row, i) => [
      { text: String(row.no?.value ?? i + 1) },
      { text: row.name.value },
      { text: row.target.text },
    ]),
  };
};

const achievementsTable = (r: DepartmentReport, scores?: Scores): TableBlock | null => {
  const t = r.achievements;
  if (!t?.rows.length) return null;
  return {
    kind: 'table',
    id: 'achievements',
    widths: [9, 43, 17, 17, 14],
    header: [['序号', '绩效目标', '目标值', '完成值', '完成情况'].map((text) => ({ text, strong: true }))],
    rows: t.rows.map((row, i) => [
      { text: String(row.no?.value ?? i + 1) },
      { text: row.name.value },
      { text: row.target.text },
      { text: row.actual.text },
      { text: scores?.achievementStatuses?.[i] ?? row.status?.value ?? '' },
    ]),
  };
};

const conclusionText = (r: DepartmentReport, scores?: Scores): string | null => {
  const c = r.conclusion;
  if (!scores && c?.text) return c.text;
  const total = scores?.total ?? c?.statedTotal?.value;
  const grade = (scores && (scores.gradeLabel ?? scores.grade)) ?? c?.statedGrade?.value;
  if (!total && !grade) return c?.text || null;
  const notice = c?.notice?.value.replace(/^《?/, '《').replace(/》?$/, '》');
  const basis = notice ? `根据${notice}${c?.noticeNo ? `（${c.noticeNo.value}）` : ''}要求，` : '';
  const year = r.year?.value;
  const score = total ? `自评得分${total}分` : '';
  const level = grade ? `自评等级为“${grade}”` : '';
  return `${basis}本部门对${year ? `${year}年度` : ''}部门整体支出开展了绩效自评，${[score, level].filter(Boolean).join('，')}。`;
};

type Ctx = { out: Block[]; achievements: TableBlock | null; caption: Block[]; placed: boolean };

/** A table's caption as stated; none when the report has none (so a re-read finds none). */
const caption = (title: string | undefined): Block[] => (title ? [{ kind: 'caption', text: title }] : []);

const nodeBlocks = (ctx: Ctx, node: IndicatorNode, i: number, scored?: ScoredNode): void => {
  // A report's own chapter-style label (一、决策) would read as a chapter of the standard layout written
  // here (三、绩效自评分析): the indicator takes the layout's label instead.
  const label = node.label && !CHAPTER_LABEL.test(node.label) ? node.label : defaultLabel(node.level, i);
  const score = scored?.score ?? node.statedScore?.value;
  const facts = [
    node.weight ? `指标总分${node.weight.value}分` : '',
    score ? `自评得分${score}分` : '',
  ].filter(Boolean);
  const text = `${label}${node.name}。${facts.length ? `${facts.join('，')}。` : ''}${node.evidence}`;
  ctx.out.push(node.level === 1 ? h(2, text) : p(text));
  if (ctx.achievements && !ctx.placed && node.evidence.includes('下表')) {
    ctx.out.push(...ctx.caption, ctx.achievements);
    ctx.placed = true;
  }
  node.children.forEach((child, j) => {
    nodeBlocks(ctx, child, j + 1, scored?.children[j]);
  });
};

export const analysisBlocks = (r: DepartmentReport, scores?: Scores): Block[] => {
  const out: Block[] = [h(2, '（四）部门整体支出绩效目标。')];
  const targets = targetsTable(r);
  if (targets) out.push(...caption(r.targets?.title?.value), targets);
  out.push(h(1, '二、绩效自评结论'));
  const conclusion = conclusionText(r, scores);
  if (conclusion) out.push(p(conclusion));
  out.push(h(1, '三、绩效自评分析'));
  const ctx: Ctx = {
    out,
    achievements: achievementsTable(r, scores),
    caption: caption(r.achievements?.title?.value),
    placed: false,
  };
  r.indicators.forEach((node, i) => {
    nodeBlocks(ctx, node, i + 1, scores?.indicators[i]);
  });
  if (ctx.achievements && !ctx.placed) out.push(...ctx.caption, ctx.achievements);
  out.push(h(1, '四、存在的问题、原因分析及改进措施'));
  const items = [
    ['存在问题', r.problems.problems?.value],
    ['原因分析', r.problems.causes?.value],
    ['改进措施', r.problems.measures?.value],
  ].filter((x): x is [string, string] => Boolean(x[1]));
  items.forEach(([name, text], i) => {
    out.push(p(`（${i + 1}）${name}。${text}`));
  });
  out.push(h(1, '五、其他需要说明的情况'));
  if (r.otherNotes?.value) out.push(p(r.otherNotes.value));
  return out;
};
