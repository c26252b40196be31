/** Shared output helpers of the CLI commands. */

export const OUTPUT_FORMATS = ['json', 'text'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** `--format` default: text in a terminal, JSON when piped. */
export const defaultFormat = (): OutputFormat => (process.stdout.isTTY ? 'text' : 'json');

export const parseFormat = (value: string | undefined): OutputFormat | undefined => {
  if (value === undefined) return undefined;
  if ((OUTPUT_FORMATS as readonly string[]).includes(value)) return value as OutputFormat;
  return undefined;
};

export const printJson = (value: unknown): void => {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
};

/** One line on stderr: what went wrong with which input. */
export const complain = (file: string, message: string): void => {
  process.stderr.write(`jixiao: ${file}: ${message}\n`);
};
