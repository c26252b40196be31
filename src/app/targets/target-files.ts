/**
 * Use cases of the CLI for 绩效目标申报表 files: read one into the target model (with the 目标审核 checks),
 * and write one as .docx or .xlsx in the form's grid. Reports keep their own commands' contracts: a target
 * table is only taken where asked for (`import --targets`) or where the input is the target model JSON.
 */
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { type Failure, failure, ok, type Result } from '../../core/result.ts';
import type { TargetFinding } from '../../core/targets/catalogue.ts';
import { checkTargetTable } from '../../core/targets/check-table.ts';
import type { TargetTable } from '../../core/targets/table.ts';
import { readTargetTable, targetTableJson } from '../../formats/targets/read-targets.ts';
import { targetFormGrid } from '../../formats/targets/target-grid.ts';
import { readBytes } from '../import-file.ts';

export type TargetImport = Result<{ table: TargetTable; findings: TargetFinding[] }>;

export const importTargetFile = async (path: string): Promise<TargetImport> => {
  const bytes = readBytes(path);
  if (!(bytes instanceof Uint8Array)) return bytes;
  const read = await readTargetTable(bytes);
  return read.ok ? ok({ table: read.value, findings: checkTargetTable(read.value) }) : read;
};

/** The table of a .json input that is the target model, else null (a report, or not JSON). */
export const targetJsonInput = (path: string): TargetTable | null => {
  if (extname(path).toLowerCase() !== '.json') return null;
  const bytes = readBytes(path);
  return bytes instanceof Uint8Array ? targetTableJson(new TextDecoder().decode(bytes)) : null;
};

export const TARGET_OUTPUTS = ['.docx', '.xlsx'] as const;

/** Writes the table to `out` (.docx or .xlsx by its extension). */
export const renderTargetTable = async (
  table: TargetTable,
  out: string,
): Promise<Result<null, Failure<'render.format' | 'render.write'>>> => {
  const ext = extname(out).toLowerCase();
  const grid = targetFormGrid(table);
  let bytes: Uint8Array;
  // Each writer (docx, exceljs) is loaded only for its format.
  if (ext === '.docx')
    bytes = await (await import('../../formats/project/write-project-docx.ts')).writeProjectDocx(grid);
  else if (ext === '.xlsx')
    bytes = await (await import('../../formats/project/write-project-xlsx.ts')).writeProjectXlsx(
      grid,
      [],
      '绩效目标表',
    );
  else
    return failure(
      'render.format',
      `绩效目标表可生成 .docx 或 .xlsx，不支持 ${ext || '无扩展名'}`,
      'target tables render to .docx or .xlsx',
    );
  try {
    await writeFile(out, bytes);
    return ok(null);
  } catch (e) {
    return failure(
      'render.write',
      `无法写入 ${out}：${(e as NodeJS.ErrnoException).code ?? ''}`,
      'cannot write the output',
    );
  }
};
