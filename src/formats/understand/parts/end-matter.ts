import type { Block } from '../blocks.ts';

/** 附件：… / 附表1 … / 附件 — a label that starts what is appended after the report, not part of it. */
export const APPENDIX_LABEL = /^附\s*[件表]\s*[0-9０-９一二三四五六七八九十]*\s*(?:[:：、.．]|$)/;

/** The date a report is signed on, alone on its line: 2024年3月15日, 二〇二四年三月十五日. */
const DATE_LINE =
  /^(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|[〇零○一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}日)?)$/;

/** The unit that signs, alone on its line above the date (县林业和草原局, …中心（盖章）). */
const SIGNER =
  /^[\u4e00-\u9fa5（）()]{2,30}(?:局|委员会|委|办公室|办|中心|院|所|站|队|馆|会|部|厅|处|室|社|团|校|医院)(?:[（(]盖章[)）])?$/;

/**
 * Where the matter after the report's last part starts (issue 12, item 3): an 附件 label, or the signing
 * unit and the date; `blocks.length` when there is none. Looked for from `from` (the last part's body).
 */
export const endMatterAt = (blocks: readonly Block[], from: number): number => {
  for (let i = from; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind !== 'p') continue;
    if (b.text.length <= 40 && APPENDIX_LABEL.test(b.text)) return i;
    if (DATE_LINE.test(b.text)) {
      let at = i;
      while (
        at > from &&
        blocks[at - 1]!.kind === 'p' &&
        SIGNER.test((blocks[at - 1] as { text: string }).text)
      )
        at--;
      return at;
    }
  }
  return blocks.length;
};

/**
 * The last part's blocks without the end matter: its paragraphs end where the end matter starts; the
 * tables appended after it (附表1 部门整体支出表 …) stay, read by their headers (their titles with them).
 */
export const withoutEndMatter = (part: readonly Block[], at: number, offset: number): Block[] =>
  part.filter((b, i) => offset + i < at || b.kind === 'table');
