import { describe, expect, it } from 'vitest';
import { departmentsText, usersText } from './admin-text.ts';

describe('admin lists in a terminal', () => {
  it('names roles and states in Chinese, not role ids and true/false', () => {
    const text = usersText([
      { username: 'caizheng', displayName: '示范县财政局 审核员', role: 'bureau-reviewer', disabled: false },
      { username: 'wang', displayName: '王会计', role: 'preparer', disabled: true },
    ]);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^用户名\s+姓名\s+角色\s+状态$/);
    expect(lines[1]).toMatch(/^caizheng\s+示范县财政局 审核员\s+财政审核\s+启用$/);
    expect(lines[2]).toMatch(/^wang\s+王会计\s+单位填报\s+已停用$/);
    expect(lines[3]).toBe('共 2 个用户');
    expect(text).not.toMatch(/bureau-reviewer|preparer|true|false/);
  });

  it('aligns the columns by display width (a Chinese character is two columns)', () => {
    const lines = usersText([
      { username: 'a', displayName: '王会计', role: 'admin', disabled: false },
      { username: 'b', displayName: 'abcdef', role: 'admin', disabled: false },
    ]).split('\n');
    expect(lines[1]!.indexOf('管理员') - lines[1]!.indexOf('王会计')).toBe(
      lines[2]!.indexOf('管理员') - lines[2]!.indexOf('abcdef') - 3,
    );
  });

  it('lists departments by code and name', () => {
    const lines = departmentsText([
      { name: '示范县教育局', code: '990121104' },
      { name: '新单位', code: null },
    ]).split('\n');
    expect(lines[0]).toMatch(/^单位编码\s+单位名称$/);
    expect(lines[1]).toMatch(/^990121104\s+示范县教育局$/);
    expect(lines[2]).toMatch(/^—\s+新单位$/);
    expect(lines[1]!.indexOf('示范县')).toBe(lines[2]!.indexOf('新单位') + 0);
    expect(lines[3]).toBe('共 2 个单位');
  });
});
