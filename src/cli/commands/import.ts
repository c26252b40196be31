import type { Command } from 'commander';
import { importFile } from '../../app/import-file.ts';
import { importTargetFile, targetJsonInput } from '../../app/targets/target-files.ts';
import { formatSummary } from '../../formats/summary/report-summary.ts';
import { targetSummary } from '../../formats/targets/summary.ts';
import { complain, defaultFormat, parseFormat, printJson } from '../output.ts';

export const registerImport = (program: Command): void => {
  program
    .command('import')
    .description(
      '读取一份自评报告（文本、.docx/.doc/.wps、PDF、网页、.xlsx/.xls、JSON），输出结构化模型 (read a report into the model)',
    )
    .argument('<file>', '报告文件 (report file)')
    .option('--format <format>', '输出格式 json|text (output format)')
    .option(
      '--targets',
      '文件是绩效目标申报表：输出目标表模型 (the file is a 绩效目标申报表: print the target model)',
    )
    .action(async (file: string, opts: { format?: string; targets?: boolean }) => {
      const format = parseFormat(opts.format) ?? (opts.format ? undefined : defaultFormat());
      if (!format) {
        complain(file, `未知的输出格式 ${opts.format}，应为 json 或 text (unknown --format)`);
        process.exitCode = 2;
        return;
      }
      if (opts.targets || targetJsonInput(file)) {
        const read = await importTargetFile(file);
        if (!read.ok) {
          complain(file, read.message);
          process.exitCode = 2;
          return;
        }
        if (format === 'json') printJson(read.table);
        else process.stdout.write(targetSummary(read.table, read.findings));
        return;
      }
      const result = await importFile(file);
      if (!result.ok) {
        complain(file, result.message);
        process.exitCode = 2;
        return;
      }
      if (format === 'json') printJson(result.value);
      else process.stdout.write(formatSummary(result.value));
    });
};
