/**
 * What the built-in frameworks show users (the 指标框架 page, the editor's score summary): their name,
 * region, version, basis, grade words and indicators' names, aliases, notes, definitions and criteria read as a user's text,
 * with no word of our own docs or tooling (the 阳西 framework showed “2024.1-seed” and “（DOMAIN.md §1.1）”).
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_FRAMEWORKS } from './registry.ts';
import type { FrameworkNode } from './schema.ts';

const nodeTexts = (nodes: readonly FrameworkNode[]): string[] =>
  nodes.flatMap((n) => [
    n.name,
    ...(n.aliases ?? []),
    ...[n.note, n.definition, n.criteria].flatMap((t) => (t ? [t] : [])),
    ...nodeTexts(n.children ?? []),
  ]);

/** Our documents, issue numbers, tooling words and the English version tags the files once had. */
const DEVELOPER_WORDS = /DOMAIN|DESIGN|\.md\b|seed|issue|unconfirmed|本项目|\[未确认]|\[佐证]|\[已确认]/i;

describe('built-in frameworks as users see them', () => {
  for (const f of BUILTIN_FRAMEWORKS) {
    it(`${f.id}: no developer words in what is shown`, () => {
      const shown = [
        f.name,
        f.region,
        f.version,
        f.source ?? '',
        ...(f.grades ?? []).flatMap((g) => (g.label ? [g.label] : [])),
        ...nodeTexts(f.indicators),
      ];
      expect(shown.filter((t) => DEVELOPER_WORDS.test(t))).toEqual([]);
      // A version reads as a year's edition (2024 年版), not a tag.
      expect(f.version).toMatch(/^\d{4} 年版(（[^A-Za-z]+）)?$/);
    });
  }
});
