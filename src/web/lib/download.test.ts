import { describe, expect, it } from 'vitest';
import { downloadFailure, fileNameOf } from './download.ts';

describe('downloadFailure', () => {
  it('gives the Chinese of a refusal (the backup on PostgreSQL showed its raw JSON)', () => {
    const body = {
      code: 'backup-unsupported',
      message: '使用 PostgreSQL 时请用 pg_dump 备份数据库 (with PostgreSQL, back up with pg_dump)',
    };
    expect(downloadFailure(422, body, '下载备份')).toBe('使用 PostgreSQL 时请用 pg_dump 备份数据库');
  });

  it('says the status in words when the answer is not the server’s JSON', () => {
    expect(downloadFailure(502, null, '下载备份')).toBe('下载备份失败（502）');
    expect(downloadFailure(500, { message: '' }, '导出')).toBe('导出失败（500）');
  });
});

describe('fileNameOf', () => {
  it('reads the UTF-8 file name, else the fallback', () => {
    const named = {
      headers: new Headers({ 'content-disposition': "attachment; filename*=UTF-8''%E6%8A%A5%E5%91%8A.zip" }),
    };
    expect(fileNameOf(named, 'x.zip')).toBe('报告.zip');
    expect(fileNameOf({ headers: new Headers() }, 'x.zip')).toBe('x.zip');
  });
});
