import { describe, expect, it } from 'vitest';
import { canTransition, findingKey, nextStatuses, REPORT_STATUSES, ROLES, TRANSITIONS } from './workflow.ts';

describe('workflow', () => {
  it('follows 草稿 → 已提交 → 单位已审核 → 财政已审核 → 已公开 with the right role at each step', () => {
    expect(canTransition('preparer', 'draft', 'submitted')).toBe(true);
    expect(canTransition('dept-reviewer', 'submitted', 'dept-approved')).toBe(true);
    expect(canTransition('bureau-reviewer', 'dept-approved', 'bureau-approved')).toBe(true);
    expect(canTransition('bureau-reviewer', 'bureau-approved', 'published')).toBe(true);
  });

  it('refuses skipped steps and wrong roles', () => {
    expect(canTransition('preparer', 'draft', 'published')).toBe(false);
    expect(canTransition('preparer', 'submitted', 'dept-approved')).toBe(false);
    expect(canTransition('dept-reviewer', 'dept-approved', 'bureau-approved')).toBe(false);
    expect(canTransition('admin', 'bureau-approved', 'published')).toBe(false);
  });

  it('returns go back to 草稿 through 已退回', () => {
    expect(nextStatuses('dept-reviewer', 'submitted').sort()).toEqual(['dept-approved', 'returned']);
    expect(nextStatuses('preparer', 'returned')).toEqual(['draft']);
    expect(nextStatuses('bureau-reviewer', 'published')).toEqual(['returned']);
  });

  it('admin moves nothing; no status moves to itself', () => {
    for (const from of REPORT_STATUSES) expect(nextStatuses('admin', from)).toEqual([]);
    for (const role of ROLES) for (const s of REPORT_STATUSES) expect(canTransition(role, s, s)).toBe(false);
    expect(new Set(TRANSITIONS.map((t) => `${t.from}>${t.to}`)).size).toBe(TRANSITIONS.length);
  });

  it('finding keys are stable and tell two messages of one rule apart', () => {
    const a = findingKey({ rule: 'finance.sum', message: '合计 10 与 9 不符' });
    expect(a).toBe(findingKey({ rule: 'finance.sum', message: '合计 10 与 9 不符' }));
    expect(a).not.toBe(findingKey({ rule: 'finance.sum', message: '合计 11 与 9 不符' }));
    expect(a.startsWith('finance.sum#')).toBe(true);
  });
});
