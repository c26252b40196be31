import { describe, expect, it } from 'vitest';
import { encodeGbk, govPageBytes } from '../../../test/fixtures/cross/gov-page.ts';
import type { DocTable } from '../document/document.ts';
import { readReport } from '../read-report.ts';
import { decodeHtml } from './decode-html.ts';
import { htmlDocument, MAX_DEPTH } from './html-document.ts';
import { mhtmlPage } from './mhtml.ts';

const doc = (html: string) => {
  const d = htmlDocument(html, 'utf-8');
  if (!d.ok) throw new Error(d.problem.en);
  return d.doc;
};

const tableOf = (html: string): DocTable => {
  const t = doc(html).blocks.find((b) => b.kind === 'table');
  if (t?.kind !== 'table') throw new Error('no table');
  return t;
};

describe('HTML → Document', () => {
  it('places cells with row and column spans in the grid', () => {
    const t = tableOf(`<table>
      <thead><tr><th rowspan="2">项目</th><th colspan="2">金额</th></tr><tr><th>预算</th><th>决算</th></tr></thead>
      <tbody><tr><td rowspan="2">基本支出</td><td>10</td><td>9</td></tr><tr><td>1</td><td>2</td></tr></tbody></table>`);
    expect(t.headerRows).toBe(2);
    const at = t.rows.map((r) => r.cells.map((c) => [c.src.row, c.src.column, c.text, c.rowSpan, c.colSpan]));
    expect(at).toEqual([
      [
        [0, 0, '项目', 2, 1],
        [0, 1, '金额', 1, 2],
      ],
      [
        [1, 1, '预算', 1, 1],
        [1, 2, '决算', 1, 1],
      ],
      [
        [2, 0, '基本支出', 2, 1],
        [2, 1, '10', 1, 1],
        [2, 2, '9', 1, 1],
      ],
      [
        [3, 1, '1', 1, 1],
        [3, 2, '2', 1, 1],
      ],
    ]);
  });

  it('keeps a cell’s lines, headings’ levels, centring, and the caption lines above a table', () => {
    const d = doc(`<h2>一、基本情况</h2><p align="center">标题</p><p>单位：万元</p>
      <table><tr><td>a<br>b</td><td><p>c</p><p>d</p></td></tr><tr><td>1</td><td>2</td></tr></table>`);
    expect(d.blocks[0]).toMatchObject({ text: '一、基本情况', styleLevel: 2 });
    expect(d.blocks[1]).toMatchObject({ text: '标题', centered: true });
    const t = d.blocks[2] as DocTable;
    expect(t.caption.map((c) => c.text)).toEqual(['单位：万元']);
    expect(t.rows[0]?.cells.map((c) => c.text)).toEqual(['a\nb', 'c\nd']);
  });

  it('leaves out page chrome and reads a layout table as text', () => {
    const d = doc(`<div class="header">网站</div><div class="breadcrumb">首页 &gt; 公开</div>
      <table><tr><td><div class="nav-left">菜单</div></td><td><h1>报告标题</h1><p>正文一段。</p></td></tr></table>
      <p>【打印本页】【关闭窗口】</p><p>发布时间：2024-01-02</p><footer>版权所有</footer>
      <div title="footer"><p>— 3 —</p></div><p>第 4 页 共 9 页</p>`);
    expect(d.blocks.map((b) => (b.kind === 'paragraph' ? b.text : 'table'))).toEqual([
      '报告标题',
      '正文一段。',
    ]);
  });

  it('refuses HTML nested too deeply, with a reason', () => {
    const deep = `${'<div>'.repeat(MAX_DEPTH + 10)}x${'</div>'.repeat(MAX_DEPTH + 10)}`;
    const d = htmlDocument(deep, 'utf-8');
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.problem.zh).toContain('嵌套');
  });

  it('refuses a page over 16 MB before parsing it', async () => {
    const page = `<!DOCTYPE html><html><body>${'<p>正文一段。</p>'.repeat(1_000_000)}</body></html>`;
    const r = await readReport(new TextEncoder().encode(page));
    expect(r.ok ? null : r.code).toBe('read.html-too-large');
  });

  it('refuses a hostile page through readReport with exit-2 reason, not a crash', async () => {
    const deep = `<html><body>${'<span>'.repeat(200_000)}</body></html>`;
    const r = await readReport(new TextEncoder().encode(deep));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/网页.*\(.*HTML/);
  });
});

describe('HTML charset', () => {
  it('follows the meta tag (GB2312 read as GB18030), and UTF-8 without one', () => {
    const gbk = encodeGbk('<html><head><meta charset="gbk"></head><body><p>部门整体</p></body></html>');
    expect(decodeHtml(gbk)).toMatchObject({ encoding: 'gb18030', text: expect.stringContaining('部门整体') });
    const page = decodeHtml(govPageBytes('标题\n正文'));
    expect(page.encoding).toBe('gb18030');
    expect(page.text).toContain('当前位置');
    const plain = decodeHtml(new TextEncoder().encode('<p>部门整体</p>'));
    expect(plain).toMatchObject({ encoding: 'utf-8', text: '<p>部门整体</p>' });
  });

  it('guesses GB18030 for undeclared bytes that are not UTF-8', () => {
    expect(decodeHtml(encodeGbk('<p>部门整体</p>'))).toMatchObject({
      encoding: 'gb18030',
      text: '<p>部门整体</p>',
    });
  });
});

describe('.mhtml', () => {
  it('gives the quoted-printable page and its charset', () => {
    const mht = [
      'From: <Saved by Blink>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/related;',
      '\ttype="text/html";',
      '\tboundary="----MultipartBoundary--abc"',
      '',
      '------MultipartBoundary--abc',
      'Content-Type: text/html; charset="utf-8"',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      '<p class=3D"x">=E9=83=A8=E9=97=A8=',
      '=E6=95=B4=E4=BD=93</p>',
      '------MultipartBoundary--abc--',
      '',
    ].join('\r\n');
    const page = mhtmlPage(new TextEncoder().encode(mht));
    expect(page?.charset).toBe('utf-8');
    expect(new TextDecoder().decode(page?.html)).toBe('<p class="x">部门整体</p>');
  });
});
