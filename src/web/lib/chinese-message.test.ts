import { describe, expect, it } from 'vitest';
import { chineseOnly } from './chinese-message.ts';

describe('chineseOnly', () => {
  it('drops the English in brackets at the end and keeps Chinese brackets', () => {
    expect(chineseOnly('文件内容与扩展名 .pdf 不符 (the content does not match the extension)')).toBe(
      '文件内容与扩展名 .pdf 不符',
    );
    expect(chineseOnly('单个附件不能超过 20 MB，此文件 23.0 MB (file too large)')).toBe(
      '单个附件不能超过 20 MB，此文件 23.0 MB',
    );
    expect(chineseOnly('决算报表（2023年度）已上传')).toBe('决算报表（2023年度）已上传');
  });
});
