import { TextRun } from 'docx';
import { FONTS, runFont, SIZE } from './docx-style.ts';

/** A run of body text in 仿宋 (the table size for cells). */
export const bodyRun = (text: string, bold = false, size: number = SIZE.body): TextRun =>
  new TextRun({ text, bold, size, font: runFont(FONTS.body.name) });
