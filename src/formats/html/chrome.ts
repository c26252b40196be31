/**
 * A government website's page chrome around the report: site header, menus, breadcrumbs, the
 * "【打印本页】【关闭窗口】" bar, publication details, the footer. Elements are recognised by tag and by
 * their class/id words; lines that survive (sites mark their chrome in many ways) by their text.
 */
import type { DefaultTreeAdapterTypes } from 'parse5';

type Element = DefaultTreeAdapterTypes.Element;

/** Elements that never hold report text. */
export const SKIP_TAGS = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'aside',
  'form',
  'iframe',
  'select',
  'button',
  'input',
  'textarea',
  'object',
  'embed',
  'svg',
  'canvas',
  'audio',
  'video',
  'map',
]);

/** Parts of class and id names that mark chrome (`header`, `nav-main`, `footer_box`, `dqwz` 当前位置). */
const CHROME_WORDS = new Set([
  'header',
  'nav',
  'navbar',
  'menu',
  'breadcrumb',
  'breadcrumbs',
  'crumb',
  'crumbs',
  'footer',
  'foot',
  'copyright',
  'share',
  'bdshare',
  'sidebar',
  'topbar',
  'toolbar',
  'dqwz',
  'weizhi',
  'position',
  'location',
]);

export const attrOf = (el: Element, name: string): string | undefined =>
  el.attrs.find((a) => a.name === name)?.value;

/** True for an element whose class or id names it as chrome, or an office suite's page header/footer. */
export const isChromeElement = (el: Element): boolean => {
  // LibreOffice's and Word's "save as web page" keep the page header and footer as titled blocks.
  const title = attrOf(el, 'title')?.toLowerCase();
  if (title === 'header' || title === 'footer') return true;
  const names = `${attrOf(el, 'class') ?? ''} ${attrOf(el, 'id') ?? ''}`.toLowerCase();
  for (const token of names.split(/\s+/)) {
    if (token?.split(/[-_]/).some((part) => CHROME_WORDS.has(part))) return true;
  }
  return false;
};

/** A bar of page tools only: 【打印本页】【关闭窗口】, 字体：大 中 小, 分享到, 返回顶部 … */
const TOOL =
  /[【[]?\s*(打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|加入收藏|收藏本页|收藏|返回顶部|返回首页|返回|保存本页|分享到|分享|字体|字号|默认|[大中小])\s*[】\]]?[\s|｜/:：]*/gu;
const PLACE = /^(当前位置|您现在的位置|您的位置|所在位置|现在位置)\s*[:：]/u;
const PUBLICATION =
  /^(发布时间|发布日期|来源|信息来源|浏览次数|访问次数|阅读次数|点击数|点击次数|索引号|发布机构|发文机关|主题分类|成文日期|公开方式|公开范围)\s*[:：]/u;
/** A page number left in the page (— 3 —, - 3 -, 第3页 共11页). */
const PAGE_NUMBER = /^[-—–－]\s*\d+\s*[-—–－]$|^第\s*\d+\s*页(\s*[/,，]?\s*共\s*\d+\s*页)?$/u;
const SITE =
  /版权所有|ICP备|网站标识码|公网安备|主办单位|承办单位|技术支持|网站地图|联系我们|扫一扫在手机|^上一篇|^下一篇/u;

/** True for a line of page chrome that an element's class did not give away. */
export const isChromeText = (text: string): boolean => {
  if (text.length > 160) return false;
  if (text.replace(TOOL, '').trim() === '') return true;
  return PLACE.test(text) || PUBLICATION.test(text) || SITE.test(text) || PAGE_NUMBER.test(text);
};
