import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findSoffice } from './libreoffice.ts';

/** Command lines of running LibreOffice processes that use a folder under `dir`. */
const officesUnder = (dir: string): string[] =>
  execFileSync('ps', ['-eo', 'stat=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l.includes('soffice.bin') && l.includes(dir) && !l.trim().startsWith('Z'));

const until = async (what: () => boolean, ms: number): Promise<boolean> => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (what()) return true;
    await new Promise((ok) => setTimeout(ok, 200));
  }
  return what();
};

describe.skipIf(!findSoffice())('the office started ahead', () => {
  it('is up after a conversion, and ends when the process that started it is killed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-ahead-'));
    const script = `
      const { convertWithLibreOffice } = await import(${JSON.stringify(new URL('./libreoffice.ts', import.meta.url).href)});
      const bytes = new TextEncoder().encode('{\\\\rtf1 hello}');
      const r = await convertWithLibreOffice(bytes, 'rtf', 'docx');
      console.log(r.ok ? 'converted' : r.code);
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, TMPDIR: dir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    try {
      expect(await until(() => out.includes('converted'), 120_000)).toBe(true);
      expect(await until(() => officesUnder(dir).length > 0, 60_000)).toBe(true);
      child.kill('SIGKILL');
      expect(await until(() => officesUnder(dir).length === 0, 30_000)).toBe(true);
    } finally {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
