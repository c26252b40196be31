/**
 * Whether a schema's output kept its input whole: every object with as many keys as its input's, every
 * array as long. For schemas that only drop unknown keys (z.object) and transform nothing (no defaults,
 * no transforms), the output is then equal to the input, so the input's own text stands for it.
 */
export const keptWhole = (input: unknown, output: unknown): boolean => {
  if (output === null || typeof output !== 'object') return true;
  if (input === null || typeof input !== 'object') return false;
  if (Array.isArray(output)) {
    if (!Array.isArray(input) || input.length !== output.length) return false;
    for (let i = 0; i < output.length; i++) if (!keptWhole(input[i], output[i])) return false;
    return true;
  }
  const from = input as Record<string, unknown>;
  const to = output as Record<string, unknown>;
  let kept = 0;
  for (const k in to) {
    if (!keptWhole(from[k], to[k])) return false;
    kept++;
  }
  let given = 0;
  for (const _ in from) given++;
  return kept === given;
};
