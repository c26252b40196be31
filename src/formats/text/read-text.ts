import { type ReadResult, readError } from '../read-result.ts';

export type TextReadOptions = { encoding: string | null };

/** Reads the text export of a 部门整体支出绩效自评报告 into the model. */
export const readTextReport = (_text: string, _options: TextReadOptions): ReadResult =>
  readError('read.text-unavailable', '文本读取器尚未完成', 'the text reader is not finished');
