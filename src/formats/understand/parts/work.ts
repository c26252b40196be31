/** 年度总体工作和重点工作任务: an intro and numbered sections, each a title (its first clause) and a body. */
import type { DepartmentReport } from '../../../core/model/index.ts';
import { paraHeading, srcOf } from '../blocks.ts';
import { missing, parasOf, type ReadContext } from './context.ts';

type Work = DepartmentReport['work'];

export const readWork = (ctx: ReadContext): Work => {
  const out: Work = { intro: null, sections: [] };
  if (!ctx.parts.work) {
    missing(ctx, 'work');
    return out;
  }
  const intro: string[] = [];
  for (const p of parasOf(ctx.parts.work)) {
    const h = paraHeading(p);
    if (h && (h.kind === 'item' || h.kind === 'sub')) {
      const rest = p.text.slice(h.length);
      // The title is the first clause: "1.全力以赴暖企业增信心。一是…", "3、强化执法监管，全年…".
      const cut = /[。！!；;：:，,]/.exec(rest.slice(0, 41));
      const title = cut ? rest.slice(0, cut.index) : rest.length <= 40 ? rest : '';
      const body = rest.slice(title.length).replace(/^[。！!；;：:，,\s]+/, '');
      out.sections.push({ no: h.no, title, body, src: srcOf(p) });
    } else if (out.sections.length) {
      const last = out.sections[out.sections.length - 1]!;
      last.body = last.body ? `${last.body}\n${p.text}` : p.text;
    } else intro.push(p.text);
  }
  out.intro = intro.join('\n') || null;
  return out;
};
