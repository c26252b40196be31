/** Render → import gives the same model data: .docx and .xlsx, both layouts, composed and random forms. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fixtureBytes,
  fixtureText,
  modelData,
  readProject,
  textBytes,
} from '../../../test/support/formats/project-forms.ts';
import type { ProjectReport } from '../../core/model/index.ts';
import { projectFormGrid } from './form-rows.ts';
import { writeProjectDocx } from './write-project-docx.ts';
import { writeProjectHtml } from './write-project-html.ts';
import { writeProjectXlsx } from './write-project-xlsx.ts';

const WRITERS = {
  docx: (r: ProjectReport) => writeProjectDocx(projectFormGrid(r)),
  xlsx: (r: ProjectReport) => writeProjectXlsx(projectFormGrid(r)),
} as const;

describe('round trip of the composed forms', () => {
  for (const name of ['standard', 'sichuan'] as const) {
    for (const format of ['docx', 'xlsx'] as const) {
      it(`${name}: ${format}`, async () => {
        const r = await readProject(textBytes(fixtureText(`${name}.txt`)));
        const back = await readProject(await WRITERS[format](r));
        expect(back.meta.format).toBe(format);
        expect(back.meta.warnings).toEqual([]);
        expect(modelData(back)).toEqual(modelData(r));
      });
    }
  }

  it('the committed .docx and .xlsx fixtures read as their text exports', async () => {
    for (const [file, text] of [
      ['standard.docx', 'standard.txt'],
      ['standard-merged.docx', 'standard.txt'],
      ['sichuan.xlsx', 'sichuan.txt'],
      ['sichuan-merged.xlsx', 'sichuan.txt'],
    ] as const) {
      const expected = modelData(await readProject(textBytes(fixtureText(text))));
      expect(modelData(await readProject(fixtureBytes(file))), file).toEqual(expected);
    }
  });

  it('audit errors go first in a sheet (or page) of their own and are not read back as the form', async () => {
    const r = await readProject(textBytes(fixtureText('standard.txt')));
    const errors = [
      { rule: 'project.total-mismatch', severity: 'error' as const, message: '总分填写 1 分，应为 2 分' },
    ];
    for (const bytes of [
      await writeProjectXlsx(projectFormGrid(r), errors),
      await writeProjectDocx(projectFormGrid(r), errors),
    ]) {
      expect(modelData(await readProject(bytes))).toEqual(modelData(r));
    }
    expect(writeProjectHtml(projectFormGrid(r), errors)).toContain('审核发现的错误');
  });
});

describe('HTML', () => {
  it('one table with merged cells, every text escaped', async () => {
    const r = await readProject(textBytes(fixtureText('sichuan.txt')));
    r.indicators[0]!.name.value = '<script>新建</script>&';
    const html = writeProjectHtml(projectFormGrid(r));
    expect(html).toContain('&lt;script&gt;新建&lt;/script&gt;&amp;');
    expect(html).not.toContain('<script>');
    expect(html).toMatch(/rowspan="\d+"/);
    expect(html).toContain('colspan="4"');
    for (const i of r.indicators.slice(1)) expect(html).toContain(i.name.value);
  });
});

describe('random forms survive the round trip', () => {
  const decimal = fc
    .tuple(fc.integer({ min: 0, max: 99999 }), fc.constantFrom(0, 1, 2))
    .map(([n, p]) => (p === 0 ? String(n) : (n / 10 ** p).toFixed(p)));
  const words = fc
    .string({
      unit: fc.constantFrom(...'项目资金灯具验收合格率居民满意度<&>"\'（）'),
      minLength: 1,
      maxLength: 12,
    })
    .filter((s) => !/^[-—/]+$/.test(s) && s.trim() === s);

  it('amounts, scores and names (docx and xlsx)', async () => {
    const base = await readProject(textBytes(fixtureText('standard.txt')));
    const sichuan = await readProject(textBytes(fixtureText('sichuan.txt')));
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(decimal, { minLength: 30, maxLength: 30 }),
        words,
        fc.constantFrom('docx', 'xlsx') satisfies fc.Arbitrary<'docx' | 'xlsx'>,
        async (useSichuan, nums, name, format) => {
          const r = structuredClone(useSichuan ? sichuan : base);
          let k = 0;
          const next = () => nums[k++ % nums.length]!;
          for (const f of r.funds) for (const c of [f.budget, f.adjusted, f.final]) if (c) c.value = next();
          for (const i of r.indicators) {
            if (i.weight) i.weight.value = next();
            if (i.score) i.score.value = next();
          }
          r.project.name = { value: name };
          r.indicators[1]!.name.value = `${name}指标`;
          const back = await readProject(await WRITERS[format](r));
          expect(modelData(back)).toEqual(modelData(r));
        },
      ),
      { numRuns: 12 },
    );
  });
});

describe('drawn in the other layout', () => {
  const facts = (r: ProjectReport) => ({
    project: modelData({ ...r, layout: 'standard' } as ProjectReport) as Record<string, unknown>,
    targets: r.indicators.map((i) => [
      i.name.value,
      i.target.op,
      i.target.value,
      i.target.unit,
      i.actual.value,
    ]),
    funds: r.funds.map((f) => [f.key, f.budget?.value, f.adjusted?.value, f.final?.value, f.rate?.value]),
  });

  for (const [from, to] of [
    ['sichuan', 'standard'],
    ['standard', 'sichuan'],
  ] as const) {
    it(`${from} → ${to}: the same figures, comparators and units, in the other form`, async () => {
      const r = await readProject(textBytes(fixtureText(`${from}.txt`)));
      const back = await readProject(await writeProjectDocx(projectFormGrid(r, undefined, to)));
      expect(back.layout).toBe(to);
      expect(back.meta.warnings).toEqual([]);
      const [a, b] = [facts(r), facts(back)];
      expect(b.targets).toEqual(a.targets);
      expect(b.funds).toEqual(a.funds);
      expect(b.project.project).toEqual(a.project.project);
      expect(b.project.statedTotal).toEqual(a.project.statedTotal);
    });
  }
});
