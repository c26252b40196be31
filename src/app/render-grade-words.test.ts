/** A framework whose grade bands carry words (优秀, 良好 …): rendered documents state those words. */
import { describe, expect, it } from 'vitest';
import { composeDepartment } from '../../test/fixtures/evaluation/compose.ts';
import { evaluate } from '../core/evaluation/index.ts';
import { BUILTIN_FRAMEWORKS } from '../core/framework/index.ts';
import { readDocxLines } from '../formats/docx/read-docx-lines.ts';
import { renderInput, renderReport } from './render-report.ts';

const hunan = BUILTIN_FRAMEWORKS.find((f) => f.id === 'hunan-2020-department')!;

describe('grade words of the framework in rendered documents', () => {
  it('.docx and .html say 优秀, not 优', async () => {
    const report = composeDepartment(hunan);
    const evaluation = evaluate(report, [hunan]);
    expect([evaluation.grade, evaluation.gradeLabel]).toEqual(['优', '优秀']);
    const input = renderInput(report, { evaluation, allowErrors: true });

    const html = await renderReport(input, 'html');
    if (!html.ok) throw new Error(html.message);
    const page = new TextDecoder().decode(html.value);
    expect(page).toContain('自评等级为“优秀”');
    expect(page).toContain('合计（等级：优秀）');
    expect(page).not.toContain('自评等级为“优”');

    const docx = await renderReport(input, 'docx');
    if (!docx.ok) throw new Error(docx.message);
    const lines = readDocxLines(docx.value);
    if (!lines.ok) throw new Error(lines.problem.en);
    const text = lines.lines.map((l) => l.text).join('\n');
    expect(text).toContain('自评等级为“优秀”');
    expect(text).not.toContain('等级：优）');
  });
});
