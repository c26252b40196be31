/**
 * A copy of a schema that refuses unknown keys at every level (z.object strips them): what the copy
 * accepts, the original accepts with an output equal to the input — so the input's own JSON text stands
 * for the output (a save stores the document's text as it came, without stringifying it again).
 *
 * Only the kinds of schema the report model uses are copied; any other kind, or a check on an object or an
 * array (which the copy would lose), throws when the copy is made, so that a change of the model that
 * this does not understand fails at once (in the tests) rather than letting more through.
 */
import { z } from 'zod';

const LEAVES: ReadonlySet<string> = new Set(['string', 'number', 'boolean', 'enum', 'literal', 'never']);

export const strictCopy = <T extends z.ZodType>(schema: T): T => copy(schema) as T;

const copy = (schema: z.ZodType): z.ZodType => {
  const def = schema._zod.def as z.core.$ZodTypeDef & { checks?: unknown[] };
  if (LEAVES.has(def.type)) return schema;
  if ((def.checks?.length ?? 0) > 0) throw new Error(`strictCopy: a ${def.type} with checks`);
  if (schema instanceof z.ZodObject) {
    if (def.type !== 'object' || (schema._zod.def as { catchall?: unknown }).catchall)
      throw new Error('strictCopy: an object with a catchall');
    const shape = schema.shape as Record<string, z.ZodType>;
    return z.strictObject(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, copy(v)])));
  }
  if (schema instanceof z.ZodArray) return z.array(copy(schema.element as z.ZodType));
  if (schema instanceof z.ZodOptional) return copy(schema.unwrap() as z.ZodType).optional();
  if (schema instanceof z.ZodNullable) return copy(schema.unwrap() as z.ZodType).nullable();
  if (schema instanceof z.ZodDiscriminatedUnion) {
    const options = (schema.options as readonly z.ZodType[]).map(copy);
    return z.discriminatedUnion(schema._zod.def.discriminator, options as never);
  }
  if (schema instanceof z.ZodUnion) return z.union((schema.options as z.ZodType[]).map(copy) as never);
  throw new Error(`strictCopy: a ${def.type} schema`);
};
