import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { composedReport } from '../../test/fixtures/docx/composed-report.ts';
import { describeSeed, seedPath } from '../../test/seed.ts';
import { readDocxLines } from '../formats/docx/read-docx-lines.ts';
import { importFile } from './import-file.ts';
import { computeScores, renderFile, renderFormatOf } from './render-report.ts';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-render-'));
const composedJson = join(dir, 'composed.json');
writeFileSync(composedJson, JSON.stringify(composedReport()));

const docText = (path: string): string => {
  const r = readDocxLines(new Uint8Array(readFileSync(path)));
  if (!r.ok) throw new Error(r.problem.en);
  return r.lines.map((l) => l.text).join('\n');
};

describe('render use case', () => {
  it('knows the output format by extension', () => {
    expect(renderFormatOf('a/b.DOCX')).toBe('docx');
    expect(renderFormatOf('x.pdf')).toBe('pdf');
    expect(renderFormatOf('x.odt')).toBeUndefined();
  });

  it('renders a JSON model to .docx, .html and .xlsx', async () => {
    for (const ext of ['docx', 'html', 'xlsx']) {
      const out = join(dir, `composed.${ext}`);
      const r = await renderFile(composedJson, out);
      expect(r.ok).toBe(true);
      expect(readFileSync(out).length).toBeGreaterThan(1000);
    }
    expect(docText(join(dir, 'composed.docx'))).toContain('临江县水务局2024年度部门整体支出绩效自评报告');
  });

  it('refuses an unknown extension and an unreadable input with one bilingual line', async () => {
    const r = await renderFile(composedJson, join(dir, 'x.odt'));
    expect(r).toMatchObject({ ok: false, code: 'render.unknown-format' });
    expect(r.ok || r.message).toMatch(/^无法识别输出格式 \.odt.*\(output must end in/);
    const bad = join(dir, 'bad.docx');
    writeFileSync(bad, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect(await renderFile(bad, join(dir, 'y.docx'))).toMatchObject({ ok: false, code: 'read.ole' });
  });
});

describeSeed('render of the real sample report', () => {
  it('writes computed subtotals, so the document is consistent', async () => {
    const read = await importFile(seedPath());
    if (!read.ok || read.value.kind !== 'department') throw new Error('seed not readable');
    const scores = computeScores(read.value);
    expect(scores?.total).toBe('98.2');
    const out = join(dir, 'seed.docx');
    expect((await renderFile(seedPath(), out, { allowErrors: true })).ok).toBe(true);
    const text = docText(out);
    // The seed states 17.6 for 资金管理, whose items add up to 18.6.
    expect(text).toContain('2.资金管理。指标总分20分，自评得分18.6分。');
    expect(text).not.toContain('审核发现错误');
    const stated = join(dir, 'seed-stated.docx');
    expect((await renderFile(seedPath(), stated, { computed: false })).ok).toBe(true);
    expect(docText(stated)).toContain('2.资金管理。指标总分20分，自评得分17.6分。');
    // The error page is there (the seed contradicts itself) but is not read back as report text.
    const xml = await (await JSZip.loadAsync(readFileSync(stated)))
      .file('word/document.xml')
      ?.async('string');
    expect(xml).toContain('审核发现错误');
    expect(docText(stated)).not.toContain('审核发现错误');
  });
});

describe('bin/jixiao render', () => {
  it('exits 2 with one bilingual line for a bad extension', () => {
    const bin = new URL('../../bin/jixiao', import.meta.url).pathname;
    const r = spawnSync(bin, ['render', composedJson, '--out', join(dir, 'x.txt')], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('无法识别输出格式');
  }, 30_000);
});
