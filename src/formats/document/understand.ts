/**
 * Kept for the readers that call it here: the understanding step lives in src/formats/understand/.
 */
export { documentLines, understandDocument } from '../understand/understand.ts';
