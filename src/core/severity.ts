import { z } from 'zod';

/** How much a finding matters: an error blocks submission unless explained; a warning and info do not. */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;
