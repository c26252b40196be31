import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { auditEach, auditFiles, auditWorkers } from './audit-files.ts';

const FIXTURES = new URL('../../test/fixtures/audit/', import.meta.url).pathname;
const CLEAN = join(FIXTURES, 'clean-base.txt');
const BIN = new URL('../../bin/jixiao', import.meta.url).pathname;

/** A copy of the clean report with one edit: a fault the audit must report as an error. */
const faulty = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-audit-'));
  const path = join(dir, 'faulty.txt');
  const text = readFileSync(CLEAN, 'utf8').replace('内设机构9个', '内设机构10个');
  writeFileSync(path, text);
  return path;
};

describe('auditFiles', () => {
  it('keeps the input order and audits the others when one cannot be read', async () => {
    const bad = faulty();
    const results = await auditFiles([bad, '/nonexistent/x.txt', CLEAN], { batch: 2 });
    expect(results.map((r) => r.file)).toEqual([bad, '/nonexistent/x.txt', CLEAN]);
    expect(results[0]!.ok && results[0]!.findings.map((f) => f.rule)).toEqual(['counts.org-units']);
    expect(results[1]!.ok).toBe(false);
    expect(results[2]!.ok && results[2]!.findings).toEqual([]);
    expect(results[1]).toMatchObject({ ok: false, code: 'read.not-found' });
  });

  it('shares a large batch with a worker thread and keeps the input order', async () => {
    const bad = faulty();
    const files = Array.from({ length: 60 }, (_, i) => (i % 20 === 7 ? bad : CLEAN));
    let ticks = 0;
    const results = await auditFiles(files, { threads: 2, facts: true, onProgress: () => ticks++ });
    expect(ticks).toBe(files.length);
    // The CSV facts come back from the worker too.
    expect(results.every((r) => r.ok && r.facts?.unit === '青禾县文化广电旅游体育局')).toBe(true);
    expect(results.map((r) => r.file)).toEqual(files);
    expect(results.filter((r) => r.ok && r.findings.length > 0).map((r) => r.file)).toEqual(
      files.filter((f) => f === bad),
    );
  }, 60_000);

  it('hands each result on as soon as it and those before it are done, not at the end', async () => {
    let audited = 0;
    const when: number[] = [];
    await auditEach(
      [CLEAN, CLEAN, CLEAN, CLEAN],
      () => {
        when.push(audited);
      },
      { batch: 1, onProgress: (done) => (audited = done) },
    );
    // onResult runs before the progress tick of the same file: file k goes out when k files were done.
    expect(when).toEqual([0, 1, 2, 3]);
  });

  it('waits for the output to have room before taking more files', async () => {
    let pauses = 0;
    const results = await auditFiles([CLEAN, CLEAN, CLEAN], {
      batch: 1,
      ready: () => {
        pauses++;
        return new Promise((r) => setTimeout(r, 5));
      },
    });
    expect(results).toHaveLength(3);
    expect(pauses).toBeGreaterThanOrEqual(3);
  });

  it('gives the same results when worker threads do all the auditing', async () => {
    const bad = faulty();
    const files = Array.from({ length: 40 }, (_, i) =>
      i % 9 === 4 ? bad : i === 13 ? '/nonexistent/y.txt' : CLEAN,
    );
    const here = await auditFiles(files);
    const there = await auditFiles(files, { threads: 1, workersOnly: true });
    expect(there).toEqual(here);
  }, 60_000);

  it('reports progress once per file', async () => {
    const seen: number[] = [];
    await auditFiles([CLEAN, CLEAN, CLEAN], { onProgress: (done) => seen.push(done) });
    expect(seen).toEqual([1, 2, 3]);
  });
});

describe('bin/jixiao audit', () => {
  const run = async (args: string[]) => {
    try {
      const { stdout, stderr } = await promisify(execFile)(BIN, ['audit', ...args]);
      return { code: 0, stdout, stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  };

  it('prints the JSON contract and exits 1 on an error finding, 2 when an input cannot be read', async () => {
    const bad = faulty();
    const one = await run([CLEAN, bad, '--format', 'json']);
    expect(one.code).toBe(1);
    const json = JSON.parse(one.stdout) as { file: string; findings: { rule: string; severity: string }[] }[];
    expect(json.map((x) => x.file)).toEqual([CLEAN, bad]);
    expect(json[0]!.findings).toEqual([]);
    expect(json[1]!.findings[0]).toMatchObject({ rule: 'counts.org-units', severity: 'error' });
    expect(Object.keys(json[1]!.findings[0]!).sort()).toEqual([
      'actual',
      'expected',
      'locations',
      'message',
      'rule',
      'severity',
    ]);

    const two = await run([bad, '/nonexistent/x.txt']);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('/nonexistent/x.txt');
    expect(JSON.parse(two.stdout)).toHaveLength(2);
  }, 30_000);

  it('audits the report files of a folder, one entry each', async () => {
    const out = await run([FIXTURES, '--format', 'json']);
    // The three composed reports; the .ts files beside them are not reports.
    expect((JSON.parse(out.stdout) as { file: string }[]).map((x) => x.file)).toEqual(
      ['clean-base.txt', 'clean-small.txt', 'clean-yuan.txt'].map((f) => join(FIXTURES, f)),
    );
    expect(out.code).toBe(0);
  }, 30_000);

  it('streams NDJSON and CSV (one line per file, in order; CSV with a byte order mark)', async () => {
    const bad = faulty();
    const nd = await run([CLEAN, '/nonexistent/x.txt', bad, '--format', 'ndjson']);
    expect(nd.code).toBe(2);
    const lines = nd.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string });
    expect(lines.map((l) => l.file)).toEqual([CLEAN, '/nonexistent/x.txt', bad]);

    const csv = await run([CLEAN, '/nonexistent/x.txt', bad, '--format', 'csv']);
    expect(csv.code).toBe(2);
    const rows = csv.stdout.split('\r\n');
    expect(rows[0]).toBe('\uFEFF文件,单位,年度,类型,自评总分,复核总分,自评等级,复核等级,错误,警告,提示,说明');
    expect(rows[1]).toBe(`${CLEAN},青禾县文化广电旅游体育局,2023,部门整体,92.7,92.7,优,优,0,0,0,`);
    expect(rows[2]).toBe('/nonexistent/x.txt,,,,,,,,1,0,0,找不到文件 /nonexistent/x.txt (file not found)');
    expect(rows[3]).toMatch(
      new RegExp(`^${bad},青禾县文化广电旅游体育局,2023,部门整体,92\\.7,92\\.7,优,优,1,0,0,$`),
    );
    expect(rows.slice(4)).toEqual(['']);
  }, 30_000);

  it('says which formats there are when --format names none', async () => {
    const out = await run([CLEAN, '--format', 'xml']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('json、ndjson、csv 或 text');
    expect(out.stdout).toBe('');
  }, 30_000);

  it('ends text output of several files with a summary on stderr', async () => {
    const bad = faulty();
    const out = await run([bad, CLEAN, bad, '/nonexistent/x.txt', '--format', 'text']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('合计：4 个文件，2 个有错误，1 个无法读取');
    expect(out.stderr).toMatch(/错误 {2}2 {2}\S+（counts\.org-units）\n/);
    expect(out.stderr).toMatch(/错误 {2}1 {2}\S+（read\.not-found）\n/);
  }, 30_000);

  it('prints text grouped by section with a summary line', async () => {
    const out = await run([faulty(), '--format', 'text']);
    expect(out.stdout).toContain('【职责、机构与编号】');
    expect(out.stdout).toContain('合计：错误 1 项');
    // Chinese first: the rule's title, its code after it in brackets.
    expect(out.stdout).toMatch(/\n {2}错误 [^\s（]+（counts\.org-units）：/);
    expect(out.stderr).toBe('');
  }, 30_000);
});

describe('auditWorkers', () => {
  it('uses a worker per core for many files or many Office files, none on one core', () => {
    const docx = Array.from({ length: 150 }, (_, i) => `r${i}.DOCX`);
    const text = Array.from({ length: 2000 }, (_, i) => `r${i}.txt`);
    expect(auditWorkers(docx, 2)).toBe(2);
    expect(auditWorkers(docx.slice(1), 2)).toBe(0);
    expect(auditWorkers(text, 2)).toBe(2);
    expect(auditWorkers(text.slice(1), 2)).toBe(0);
    expect(auditWorkers(text, 8)).toBe(8);
    expect(auditWorkers(docx, 1)).toBe(0);
  });

  it('lets auditEach decide from the first 2,000 of files that come one at a time, all done in order', async () => {
    let pulled = 0;
    let atFirst = 0;
    function* many(n: number): Generator<string> {
      for (let i = 0; i < n; i++) {
        pulled++;
        yield `/nonexistent/r${i}.txt`;
      }
    }
    let k = 0;
    const big = await auditEach(
      many(2500),
      (r) => {
        if (k === 0) atFirst = pulled;
        expect(r.file).toBe(`/nonexistent/r${k++}.txt`);
      },
      { cores: 2 },
    );
    expect(big.workers).toBe(2);
    // Only what the decision needs is taken before the batch starts.
    expect(atFirst).toBe(2000);
    expect(k).toBe(2500);
    pulled = 0;
    k = 0;
    const small = await auditEach(many(1999), () => k++, { cores: 2 });
    expect(small.workers).toBe(0);
    expect(k).toBe(1999);
    expect((await auditEach(many(2000), () => undefined, { cores: 1 })).workers).toBe(0);
  }, 60_000);
});

describe('auditEach on files that come one at a time', () => {
  it('takes them as it goes and keeps the input order', async () => {
    const bad = faulty();
    let pulled = 0;
    const seen: number[] = [];
    function* files(): Generator<string> {
      for (let i = 0; i < 200; i++) {
        pulled++;
        yield i % 50 === 7 ? bad : CLEAN;
      }
    }
    const order: string[] = [];
    await auditEach(
      files(),
      (r, i) => {
        // The files taken run at most a window ahead of those written (here 256 > 200: all of them).
        seen.push(pulled - i);
        order.push(r.ok && r.findings.length > 0 ? 'bad' : 'clean');
      },
      { threads: 1, batch: 8 },
    );
    expect(order).toEqual(Array.from({ length: 200 }, (_, i) => (i % 50 === 7 ? 'bad' : 'clean')));
    // One thread takes a batch at a time: never the whole list before the first result is written.
    expect(seen[0]).toBeLessThanOrEqual(8);
  });
});
