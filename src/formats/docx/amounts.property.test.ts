import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composedReport } from '../../../test/fixtures/docx/composed-report.ts';
import { modelData } from '../../../test/support/formats/model-data.ts';
import { tableNumber } from '../document/blocks/blocks.ts';
import { readReport } from '../read-report.ts';
import { writeDocx } from './write-docx.ts';

/** A decimal amount as a report may state it: 0–4 decimals. */
const amount = fc
  .tuple(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 4 }))
  .map(([n, places]) => {
    const s = String(n).padStart(places + 1, '0');
    return places ? `${s.slice(0, -places)}.${s.slice(-places)}` : s;
  });

describe('table amounts', () => {
  it('show at least 2 decimals and never round a stated digit away', () => {
    fc.assert(
      fc.property(amount, (a) => {
        const shown = tableNumber(a);
        expect(shown).toMatch(/\.\d{2,}$/);
        expect(Number(shown)).toBe(Number(a));
      }),
    );
  });

  it('round-trip through .docx exactly', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.option(amount, { nil: null }), { minLength: 3, maxLength: 3 }),
        async (xs) => {
          const r = composedReport();
          const table = r.expenditureTable!;
          const [budget, adjusted, final] = xs.map((v) => (v === null ? null : { value: v }));
          const rows = table.rows.map((row) =>
            row.key === 'publicFunds'
              ? { ...row, budget: budget ?? null, adjusted: adjusted ?? null, final: final ?? null }
              : row,
          );
          const report = { ...r, expenditureTable: { ...table, rows } };
          const back = await readReport(await writeDocx({ report }));
          if (!back.ok) throw new Error(back.message);
          expect(modelData(back.value)).toEqual(modelData(report));
        },
      ),
      { numRuns: 15 },
    );
  }, 60_000);
});
