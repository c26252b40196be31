import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { composedReport } from '../../../test/fixtures/docx/composed-report.ts';
import { modelData } from '../../../test/support/formats/model-data.ts';
import { writeDocx } from '../docx/write-docx.ts';
import { readReport } from '../read-report.ts';
import { convertWithLibreOffice, findSoffice } from './libreoffice.ts';
import { oleKind } from './ole-kind.ts';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const oleWith = (stream: string): Uint8Array => {
  const name = [...stream].flatMap((c) => [c.charCodeAt(0), 0]);
  return new Uint8Array([...OLE_MAGIC, ...new Array(504).fill(0), ...name, ...new Array(64).fill(0)]);
};

/** Converts with the installed LibreOffice (the way a user's old file was made: saved from a newer one). */
const saveAs = (bytes: Uint8Array, from: string, to: string): Uint8Array => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-ole-test-'));
  try {
    writeFileSync(join(dir, `in.${from}`), bytes);
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        to,
        '--outdir',
        dir,
        join(dir, `in.${from}`),
      ],
      { stdio: 'ignore', timeout: 180_000 },
    );
    return new Uint8Array(readFileSync(join(dir, `in.${to.split(':')[0]}`)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
    expect(r.ok ? null : r.error.code).toBe('read.encrypted');
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
    expect(doc.ok ? null : doc.error).toMatchObject({
      code: 'read.no-libreoffice',
      message: expect.stringContaining('libreoffice-writer'),
    });
    const xls = await readReport(oleWith('Workbook'));
    expect(xls.ok ? null : xls.error.message).toContain('libreoffice-calc');
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

describe.skipIf(!findSoffice())('.doc and .xls through LibreOffice', () => {
  it('a .doc saved from the written .docx reads as the .docx does', async () => {
    const docx = await writeDocx({ report: composedReport(), allowErrors: true });
    const fromDocx = await readReport(docx);
    const back = await readReport(saveAs(docx, 'docx', 'doc:MS Word 97'));
    if (!back.ok || !fromDocx.ok) throw new Error(back.ok ? 'docx not readable' : back.error.message);
    expect(back.report.meta.format).toBe('doc');
    expect(modelData(back.report)).toEqual(modelData(fromDocx.report));
  }, 240_000);

  it('a .xls saved from the Sichuan project form reads as the .xlsx does', async () => {
    const xlsx = new Uint8Array(
      readFileSync(new URL('../../../test/fixtures/project/sichuan.xlsx', import.meta.url)),
    );
    const fromXlsx = await readReport(xlsx);
    const back = await readReport(saveAs(xlsx, 'xlsx', 'xls:MS Excel 97'));
    if (!back.ok || !fromXlsx.ok) throw new Error(back.ok ? 'xlsx not readable' : back.error.message);
    expect(back.report.meta.format).toBe('xls');
    expect(modelData(back.report)).toEqual(modelData(fromXlsx.report));
  }, 240_000);
});
