import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { composedReport } from '../../../test/fixtures/docx/composed-report.ts';
import { modelData } from '../../../test/support/formats/model-data.ts';
import { saveAllAs } from '../../../test/support/formats/save-as.ts';
import { writeDocx } from '../docx/write-docx.ts';
import { readReport } from '../read-report.ts';
import { convertWithLibreOffice, findSoffice } from './libreoffice.ts';
import { oleKind } from './ole-kind.ts';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const oleWith = (stream: string): Uint8Array => {
  const name = [...stream].flatMap((c) => [c.charCodeAt(0), 0]);
  return new Uint8Array([...OLE_MAGIC, ...new Array(504).fill(0), ...name, ...new Array(64).fill(0)]);
};

describe('old Office files by their streams', () => {
  it('tells Word, WPS, Excel and encrypted files apart', () => {
    expect(oleKind(oleWith('WordDocument'))).toBe('doc');
    expect(oleKind(oleWith('WpsContent'))).toBe('wps');
    expect(oleKind(oleWith('Workbook'))).toBe('xls');
    expect(oleKind(oleWith('EncryptedPackage'))).toBe('encrypted');
    expect(oleKind(oleWith('PowerPoint Document'))).toBe('other');
  });

  it('an encrypted Office file asks for the password to be removed', async () => {
    const r = await readReport(oleWith('EncryptedPackage'));
    expect(r.ok ? null : r.code).toBe('read.encrypted');
  });
});

describe('without LibreOffice, or when it hangs', () => {
  const saved = process.env.JIXIAO_SOFFICE;
  afterEach(() => {
    if (saved === undefined) delete process.env.JIXIAO_SOFFICE;
    else process.env.JIXIAO_SOFFICE = saved;
  });

  it('names the package to install', async () => {
    process.env.JIXIAO_SOFFICE = '/nonexistent/soffice';
    const doc = await readReport(oleWith('WordDocument'));
    expect(doc.ok ? null : doc).toMatchObject({
      code: 'read.no-libreoffice',
      message: expect.stringContaining('libreoffice-writer'),
    });
    const xls = await readReport(oleWith('Workbook'));
    expect(xls.ok ? null : xls.message).toContain('libreoffice-calc');
  });

  it('ends a conversion that takes too long, with its children', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-hang-'));
    const script = join(dir, 'soffice');
    // A launcher that starts a child and waits, as soffice starts soffice.bin.
    writeFileSync(script, `#!/bin/sh\nsleep 60 &\necho $! > ${dir}/child\nwait\n`);
    chmodSync(script, 0o755);
    process.env.JIXIAO_SOFFICE = script;
    const started = Date.now();
    const r = await convertWithLibreOffice(oleWith('WordDocument'), 'doc', 'docx', 800);
    expect(r).toMatchObject({ ok: false, code: 'read.convert-timeout' });
    expect(Date.now() - started).toBeLessThan(5000);
    const child = Number(readFileSync(join(dir, 'child'), 'utf8'));
    await new Promise((ok) => setTimeout(ok, 200));
    // Gone, or a zombie waiting for a parent to reap it (no init does that in some containers): not running.
    const state = existsSync(`/proc/${child}/stat`)
      ? readFileSync(`/proc/${child}/stat`, 'utf8').split(' ')[2]
      : 'gone';
    expect(['gone', 'Z', 'X']).toContain(state);
    rmSync(dir, { recursive: true, force: true });
  });
});

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../../test/fixtures/project/${name}`, import.meta.url)));

describe.skipIf(!findSoffice())('.doc read from its own streams, .xls through LibreOffice', () => {
  const saved = process.env.JIXIAO_SOFFICE;
  const docx: Record<string, Uint8Array> = {};
  const doc: Record<string, Uint8Array> = {};
  const xlsx = fixture('sichuan.xlsx');
  let xls: Uint8Array = new Uint8Array();
  beforeAll(async () => {
    docx.department = await writeDocx({ report: composedReport(), allowErrors: true });
    // A project form whose rows have merged cells: Word keeps those rows' properties in the Data stream.
    docx['project-merged'] = fixture('standard-merged.docx');
    const names = Object.keys(docx);
    const saved = await saveAllAs([
      ...names.map((n) => ({ bytes: docx[n]!, from: 'docx' as const, to: 'doc:MS Word 97' })),
      { bytes: xlsx, from: 'xlsx', to: 'xls:MS Excel 97' },
    ]);
    names.forEach((n, i) => {
      doc[n] = saved[i]!;
    });
    xls = saved[names.length]!;
  }, 600_000);
  afterEach(() => {
    if (saved === undefined) delete process.env.JIXIAO_SOFFICE;
    else process.env.JIXIAO_SOFFICE = saved;
  });

  it.each(['department', 'project-merged'])(
    'a .doc saved from the %s .docx reads as the .docx does, without LibreOffice',
    async (name) => {
      const fromDocx = await readReport(docx[name]!);
      process.env.JIXIAO_SOFFICE = '/nonexistent/soffice';
      const back = await readReport(doc[name]!);
      if (!back.ok || !fromDocx.ok) throw new Error(back.ok ? 'docx not readable' : back.message);
      expect(back.value.meta.format).toBe('doc');
      // The same warnings at the same text; line numbers are each file's own (a .docx counts its cells).
      const said = (r: typeof back.value) =>
        r.meta.warnings.map((w) => ({ ...w, locations: w.locations?.map((l) => l.raw) }));
      expect(said(back.value)).toEqual(said(fromDocx.value));
      expect(modelData(back.value)).toEqual(modelData(fromDocx.value));
    },
  );

  it('a .xls saved from the Sichuan project form reads as the .xlsx does', async () => {
    const fromXlsx = await readReport(xlsx);
    const back = await readReport(xls);
    if (!back.ok || !fromXlsx.ok) throw new Error(back.ok ? 'xlsx not readable' : back.message);
    expect(back.value.meta.format).toBe('xls');
    expect(modelData(back.value)).toEqual(modelData(fromXlsx.value));
  }, 240_000);
});
