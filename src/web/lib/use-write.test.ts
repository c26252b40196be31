import { describe, expect, it } from 'vitest';
import { attempt, type WriteOptions } from './use-write.ts';

const record = async (work: () => Promise<unknown>, options: WriteOptions<'docx'> = {}) => {
  const said: string[] = [];
  const ok = await attempt(work, options, {
    busy: (what) => said.push(`busy:${String(what)}`),
    succeeded: (text) => said.push(`done:${text}`),
    failed: (text) => said.push(`failed:${text}`),
  });
  return { ok, said };
};

/** A failure with a code, as the API client's ApiError carries one (that module needs a browser). */
class Coded extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

describe('attempt: one write, said the same way everywhere', () => {
  it('is busy while the write runs and says its success', async () => {
    let during: string[] = [];
    const r = await record(
      async () => {
        during = ['running'];
      },
      { done: '已保存', key: 'docx', after: () => during.push('after') },
    );
    expect(during).toEqual(['running', 'after']);
    expect(r).toEqual({ ok: true, said: ['busy:docx', 'done:已保存', 'busy:null'] });
  });

  it('says nothing on success without a text, and is busy with `true` without a key', async () => {
    expect(await record(async () => 1)).toEqual({ ok: true, said: ['busy:true', 'busy:null'] });
  });

  it('shows the Chinese of a failure, never its English', async () => {
    const r = await record(async () => {
      throw new Error('单个附件不能超过 20 MB (file too large)');
    });
    expect(r).toEqual({ ok: false, said: ['busy:true', 'failed:单个附件不能超过 20 MB', 'busy:null'] });
    const thrown = await record(() => Promise.reject('网络中断'));
    expect(thrown.said[1]).toBe('failed:网络中断');
  });

  it('lets the page take a failure it knows first', async () => {
    const conflict = new Coded('版本冲突', 'version-conflict');
    const handle = (e: unknown) => e instanceof Coded && e.code === 'version-conflict';
    const known = await record(() => Promise.reject(conflict), { handle, after: () => expect.fail() });
    expect(known).toEqual({ ok: false, said: ['busy:true', 'busy:null'] });
    const other = await record(() => Promise.reject(new Coded('无权操作', 'forbidden')), {
      handle,
    });
    expect(other.said).toContain('failed:无权操作');
  });
});
