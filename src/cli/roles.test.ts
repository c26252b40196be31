import { describe, expect, it } from 'vitest';
import { parseRole, rolesInWords } from './roles.ts';

describe('parseRole', () => {
  it('takes the Chinese names the web app shows, not only the ids', () => {
    // Seen in the walk: `--role 填报员` was refused with a list of English ids only.
    expect(parseRole('单位填报')).toBe('preparer');
    expect(parseRole('填报员')).toBe('preparer');
    expect(parseRole('单位审核')).toBe('dept-reviewer');
    expect(parseRole('财政审核')).toBe('bureau-reviewer');
    expect(parseRole('管理员')).toBe('admin');
    expect(parseRole('preparer')).toBe('preparer');
  });

  it('refuses anything else', () => {
    expect(parseRole('boss')).toBeNull();
    expect(parseRole('审核')).toBeNull();
  });

  it('lists the roles Chinese first', () => {
    expect(rolesInWords()).toBe(
      '单位填报（preparer）、单位审核（dept-reviewer）、财政审核（bureau-reviewer）、管理员（admin）',
    );
  });
});
