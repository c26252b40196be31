import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { govPageBytes } from '../../test/fixtures/cross/gov-page.ts';
import { blankPdf } from '../../test/support/formats/pdf-bytes.ts';
import { readUpload } from './create-report.ts';

const text = readFileSync(new URL('../../test/fixtures/audit/clean-base.txt', import.meta.url), 'utf8');

describe('readUpload takes every readable file type', () => {
  it('a page saved from a government website becomes a report', async () => {
    const r = await readUpload('部门整体支出绩效自评报告.htm', govPageBytes(text));
    expect(r.ok && r.value.kind).toBe('department');
  });

  it('a scanned PDF is refused with the reason', async () => {
    const r = await readUpload('扫描件.PDF', blankPdf());
    expect(r.ok ? null : r).toMatchObject({
      code: 'bad-upload',
      message: expect.stringContaining('扫描件，没有文字层'),
    });
  });

  it('an unknown type names the ones taken', async () => {
    const r = await readUpload('报告.odt', new Uint8Array([1]));
    expect(r.ok ? null : r.message).toMatch(/\.pdf.*\.wps/);
  });
});
