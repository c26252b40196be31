/** The findings list a user reads: Chinese only, never a rule id (ids stay in JSON and data attributes). */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { findingTitle } from '../lib/finding-title.ts';
import { FindingsPanel } from './FindingsPanel.tsx';
import type { EditorFinding } from './live-check.ts';

const RULE_ID = /[a-z]+\.[a-z-]+/;

const finding = (rule: string, severity: EditorFinding['severity'], message: string): EditorFinding =>
  ({ rule, severity, message, fields: [] }) as unknown as EditorFinding;

const FINDINGS = [
  finding(
    'evaluate.no-framework',
    'warning',
    '未找到适用的指标体系：没有该类报告的指标体系；按报告所填得分核对',
  ),
  finding('target.status', 'error', '第1项“综合指数”：目标值“80”，完成值“90”，应为“未完成”'),
  finding('score.input-missing', 'info', '「产出指标」缺少数据，沿用自评得分'),
  finding('editor.invalid', 'error', '年度应为数字'),
  finding('binding.target-changed', 'warning', '目标值与批复不同'),
  finding('someday.unknown-rule', 'info', '一条新的检查'),
];

/** The text of rendered markup: tags and their attributes dropped. */
const textOf = (html: string): string => html.replace(/<[^>]*>/g, ' ');

describe('the findings panel', () => {
  it('renders titles and messages, and no rule id, in its text', () => {
    const html = renderToStaticMarkup(createElement(FindingsPanel, { findings: FINDINGS, onJump: () => {} }));
    const text = textOf(html);
    expect(text).toContain('未找到适用的指标体系');
    expect(text).toContain('应为“未完成”');
    expect(text.match(RULE_ID)).toBeNull();
    // The ids are still there for tools: in data attributes.
    expect(html).toContain('data-rule="evaluate.no-framework"');
  });

  it('has a Chinese title for every rule, known or not', () => {
    for (const f of FINDINGS) expect(findingTitle(f.rule)).toMatch(/^[\p{Script=Han}（）“”、，≥>=≤<\s]+$/u);
  });
});
