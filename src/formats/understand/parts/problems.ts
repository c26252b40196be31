/** 存在的问题、原因分析及改进措施, and 其他需要说明的情况. */
import type { DepartmentReport, TextFact } from '../../../core/model/index.ts';
import { type Para, paraHeading, srcOf } from '../blocks.ts';
import { missing, parasOf, type ReadContext } from './context.ts';
import { APPENDIX_LABEL } from './end-matter.ts';

type Problems = DepartmentReport['problems'];
type Slot = keyof Problems;

const LABELS: readonly [Slot, RegExp][] = [
  ['causes', /^(?:主要)?(?:原因分析|原因|问题原因|产生(?:问题的)?原因)/],
  ['measures', /^(?:改进措施|改进意见|改进建议|整改措施|整改意见|下一步(?:工作)?(?:措施|计划|打算)?|措施)/],
  ['problems', /^(?:存在(?:的)?(?:主要)?问题|主要问题|问题)/],
];

const join = (a: TextFact | null, p: Para, from: number): TextFact => {
  const t = p.text.slice(from);
  if (!a) return { value: t, src: srcOf(p, from) };
  return { value: a.value ? `${a.value}\n${t}` : t, src: a.src };
};

export const readProblems = (ctx: ReadContext): Problems => {
  const out: Problems = { problems: null, causes: null, measures: null };
  if (!ctx.parts.problems) {
    missing(ctx, 'problems');
    return out;
  }
  let slot: Slot = 'problems';
  for (const p of parasOf(ctx.parts.problems)) {
    const h = paraHeading(p);
    let from = h ? h.length : 0;
    const found = LABELS.find(([, re]) => re.test(p.text.slice(from)));
    if (found) {
      slot = found[0];
      from += found[1].exec(p.text.slice(from))![0].length;
      from += /^[\s。，,；;：:、]*/.exec(p.text.slice(from))![0].length;
      if (from >= p.text.length) {
        out[slot] ??= null;
        continue;
      }
    } else from = 0;
    out[slot] = join(out[slot], p, from);
  }
  return out;
};

export const readOtherNotes = (ctx: ReadContext): TextFact | null => {
  if (!ctx.parts.other) {
    missing(ctx, 'other');
    return null;
  }
  let out: TextFact | null = null;
  for (const p of parasOf(ctx.parts.other)) {
    if (p.text.length <= 40 && APPENDIX_LABEL.test(p.text)) break;
    out = join(out, p, 0);
  }
  return out;
};
