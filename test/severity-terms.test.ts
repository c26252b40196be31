/**
 * A finding's severity has one Chinese name, SEVERITY_TERMS in src/core/glossary.ts, and only the glossary
 * writes it: every tag, column, count and message takes the word from there. This test reads the string
 * literals, template parts and JSX text of src/ (TypeScript's parser, so comments do not count) and
 * names each place outside the glossary that writes a severity's name itself:
 * - a word of its own that is a severity's name (`'警告'`, `错误 ${n}`, a column 提示);
 * - a count of them (`${n} 处错误`, `${n} 条提示`) or the reader's warnings (读取提示);
 * - any Chinese given to a severity key (`{ error: …, warning: …, info: … }`);
 * - any Chinese chosen by a severity (`f.severity === 'error' ? … : …`).
 * Sentences that merely contain the word (没有错误, 服务器内部错误) are not names of a severity.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { globSync } from 'tinyglobby';
import ts from 'typescript';
import { expect, it } from 'vitest';
import { SEVERITY_TERMS } from '../src/core/glossary.ts';
import { SEVERITIES } from '../src/core/severity.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const GLOSSARY = 'src/core/glossary.ts';

/** A severity's name, alone, counted or as the reader's warnings. */
const NAME = new RegExp(`^(?:[处条项个]|读取)?(?:${Object.values(SEVERITY_TERMS).join('|')})$`);
const HAN = /\p{Script=Han}/u;
/** Words that look like a severity's name but name something else, by file. */
const NOT_SEVERITIES: Record<string, string> = {
  'src/cli/commander-zh.ts': '错误', // a mistyped command line (错误：…), not a finding
  'src/server/route-doc.ts': '错误', // an HTTP error response in the OpenAPI document
};

type Hit = { at: string; text: string };

const textPieces = (node: ts.Node): { node: ts.Node; text: string }[] => {
  const out: { node: ts.Node; text: string }[] = [];
  const visit = (n: ts.Node) => {
    if (
      ts.isStringLiteral(n) ||
      ts.isNoSubstitutionTemplateLiteral(n) ||
      ts.isTemplateHead(n) ||
      ts.isTemplateMiddle(n) ||
      ts.isTemplateTail(n) ||
      ts.isJsxText(n)
    )
      out.push({ node: n, text: n.text });
    ts.forEachChild(n, visit);
  };
  visit(node);
  return out;
};

const severityKeyOf = (n: ts.ObjectLiteralElementLike): string | undefined =>
  ts.isPropertyAssignment(n) &&
  (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name)) &&
  (SEVERITIES as readonly string[]).includes(n.name.text)
    ? n.name.text
    : undefined;

/** The values of an object keyed by severities (two keys or more: zod's `{ error: '…' }` is a message). */
const bySeverity = (n: ts.Node): ts.Node[] => {
  if (!ts.isObjectLiteralExpression(n)) return [];
  const keyed = n.properties.filter((p): p is ts.PropertyAssignment => severityKeyOf(p) !== undefined);
  return keyed.length >= 2 ? keyed.map((p) => p.initializer) : [];
};

/** The branches of `… severity … ? a : b` when both are words (the choice of a name). */
const chosenBySeverity = (n: ts.Node, sf: ts.SourceFile): ts.Node[] =>
  ts.isConditionalExpression(n) &&
  /severity/.test(n.condition.getText(sf)) &&
  [n.whenTrue, n.whenFalse].every((b) => textPieces(b).some((p) => HAN.test(p.text)))
    ? [n.whenTrue, n.whenFalse]
    : [];

/** The places in one source text that name a severity in their own words. */
const severityNames = (name: string, source: string): Hit[] => {
  const sf = ts.createSourceFile(
    name,
    source,
    ts.ScriptTarget.Latest,
    true,
    name.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const hits: Hit[] = [];
  const hit = (n: ts.Node, text: string) =>
    hits.push({ at: `${name}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`, text });
  for (const { node, text } of textPieces(sf))
    for (const word of text.split(/[^\p{Script=Han}]+/u))
      if (NAME.test(word) && NOT_SEVERITIES[name] !== word) hit(node, word);
  const visit = (n: ts.Node) => {
    for (const part of [...bySeverity(n), ...chosenBySeverity(n, sf)])
      for (const { node, text } of textPieces(part))
        if (HAN.test(text) && !NAME.test(text.trim())) hit(node, text.trim());
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return hits;
};

it('finds a severity named outside the glossary, and not a sentence that contains the word', () => {
  const found = (src: string) => severityNames('x.tsx', src).map((h) => h.text);
  expect(found(`const A = { error: '错误', warning: '提示', info: { label: '说明' } };`)).toEqual([
    '错误',
    '提示',
    '说明',
  ]);
  expect(found(`const s = \`错误 \${n}，\${m} 处警告，读取提示\`;`)).toEqual(['错误', '处警告', '读取提示']);
  expect(found(`const t = <Tag>{f.severity === 'error' ? '严重' : '一般'}</Tag>;`)).toEqual(['严重', '一般']);
  expect(
    found(`const z = { error: '请选择文件' }; const u = f.severity === 'error' ? <i>未说明</i> : null;`),
  ).toEqual([]);
  expect(found(`const m = \`用户名或密码错误，\${n} 个文件没有错误\`;`)).toEqual([]);
});

it('names a severity only through SEVERITY_TERMS of the glossary', () => {
  const files = globSync(['src/**/*.{ts,tsx}'], { cwd: ROOT, ignore: ['**/*.test.ts', '**/*.test.tsx'] });
  expect(files.length).toBeGreaterThan(100);
  const hits = files
    .filter((f) => f !== GLOSSARY)
    .flatMap((f) => severityNames(relative(ROOT, join(ROOT, f)), readFileSync(join(ROOT, f), 'utf8')));
  expect(
    hits.map((h) => `${h.at} ${h.text}`),
    'use SEVERITY_TERMS from src/core/glossary.ts',
  ).toEqual([]);
});
