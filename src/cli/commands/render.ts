import type { Command } from 'commander';
import { renderFile } from '../../app/render-report.ts';
import { renderTargetTable, targetJsonInput } from '../../app/targets/target-files.ts';
import { complain, EXIT } from '../output.ts';

export const registerRender = (program: Command): void => {
  program
    .command('render')
    .description('生成标准格式的自评报告 .docx / .pdf / .html / .xlsx (render the report)')
    .argument('<file>', '报告文件：文本导出、.docx 或 JSON (report file)')
    .requiredOption('--out <file>', '输出文件，按扩展名选择格式 (output file; format by extension)')
    .option('--allow-errors', '审核有错误时也不加错误页 (no error page for audit errors)')
    .option('--stated', '写报告所列的得分，不重新计算 (write the stated scores, not computed ones)')
    .action(async (file: string, opts: { out: string; allowErrors?: boolean; stated?: boolean }) => {
      // The target model JSON (`jixiao import --targets`) renders as the 绩效目标申报表 form.
      const table = targetJsonInput(file);
      if (table) {
        const done = await renderTargetTable(table, opts.out);
        if (!done.ok) {
          complain(file, done.message);
          process.exitCode = done.code === 'render.write' ? EXIT.outputFailed : EXIT.unreadableInput;
        }
        return;
      }
      const result = await renderFile(file, opts.out, {
        allowErrors: opts.allowErrors === true,
        computed: opts.stated !== true,
      });
      if (!result.ok) {
        complain(file, result.message);
        // The report was read and rendered; only writing it out failed.
        process.exitCode = result.code === 'render.write' ? EXIT.outputFailed : EXIT.unreadableInput;
      }
    });
};
