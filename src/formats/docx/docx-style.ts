/**
 * GB/T 9704-2012 layout habits for the generated .docx: A4, margins 37/35/28/26 mm, a 小标宋 title in
 * 二号, 仿宋_GB2312 body in 三号 with a fixed 28.95 pt line (22 lines of 28 characters), 黑体 / 楷体 headings.
 * Word picks a font by name; the fallbacks go into the font table (w:altName) and the HTML font stacks.
 */

export const FONTS = {
  title: { name: '方正小标宋简体', fallbacks: ['华文中宋', 'SimSun', 'Noto Serif CJK SC'] },
  body: { name: '仿宋_GB2312', fallbacks: ['仿宋', 'FangSong', 'Noto Serif CJK SC'] },
  heading1: { name: '黑体', fallbacks: ['SimHei', 'Noto Sans CJK SC'] },
  heading2: { name: '楷体_GB2312', fallbacks: ['楷体', 'KaiTi', 'Noto Serif CJK SC'] },
  latin: { name: 'Times New Roman', fallbacks: ['Liberation Serif'] },
} as const;

/** Half-points, as OOXML counts font sizes: 二号 22 pt, 三号 16 pt, 小四 12 pt, 四号 14 pt. */
export const SIZE = { title: 44, body: 32, table: 24, pageNumber: 28 } as const;

/** Millimetres to twips, rounded (the docx package floors, which makes A4 11905 × 16837). */
const mm = (x: number) => Math.round((x * 1440) / 25.4);

export const PAGE = {
  width: mm(210),
  height: mm(297),
  top: mm(37),
  bottom: mm(35),
  left: mm(28),
  right: mm(26),
  /** The page number sits 7 mm below the type area. */
  footer: mm(28),
} as const;

/** Exact line pitch of the body: 28.95 pt in twips. */
export const BODY_LINE = 579;

/** A run font for Chinese text with a Latin companion. */
export const runFont = (east: string) => ({
  ascii: FONTS.latin.name,
  hAnsi: FONTS.latin.name,
  eastAsia: east,
  cs: FONTS.latin.name,
});

/** Paragraph style of jixiao's error page: the .docx reader skips what carries it. */
export const AUDIT_STYLE = 'JixiaoAuditErrors';
/** Paragraph style of the derived 附表 (scored indicator table), skipped by the reader too. */
export const APPENDIX_STYLE = 'JixiaoAppendix';
