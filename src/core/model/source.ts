import { z } from 'zod';

/**
 * Where a value came from: a line of a text file (1-based) or a paragraph of a .docx (and the page of a
 * PDF), and for table cells the table, row and column (0-based, header row 0). `raw` is the text exactly
 * as read.
 */
export const Source = z
  .object({
    line: z.number().int().positive().optional(),
    /** The page of a paginated file (PDF), 1-based. */
    page: z.number().int().positive().optional(),
    table: z.string().optional(),
    row: z.number().int().nonnegative().optional(),
    column: z.number().int().nonnegative().optional(),
    raw: z.string(),
  })
  .meta({ id: 'Source' });
export type Source = z.infer<typeof Source>;

/** A value together with its source. Values typed in an editor have no source. */
export const fact = <T extends z.ZodType>(value: T) => z.object({ value, src: Source.optional() });
export type Fact<T> = { value: T; src?: Source | undefined };

export const TextFact = fact(z.string()).meta({ id: 'TextFact' });
export type TextFact = z.infer<typeof TextFact>;
export const IntFact = fact(z.number().int()).meta({ id: 'IntFact' });
export type IntFact = z.infer<typeof IntFact>;
