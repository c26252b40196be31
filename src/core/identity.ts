/**
 * Does a report read from a file belong where it is going? The unit and the year the file names, set
 * against the department and year of the report it is imported into. A file that names nothing is not
 * a mismatch (nothing to compare); names are compared without spaces, and one name holding the other
 * (农业农村局 / 示范县农业农村局) is the same unit.
 */
import type { Report } from './model/report.ts';

export type IdentityMismatch = {
  field: 'department' | 'year';
  /** As the file writes it. */
  inFile: string;
  /** As the report it goes into has it. */
  expected: string;
};

const norm = (s: string): string => s.replace(/[\s\u3000]+/g, '');

const sameUnit = (a: string, b: string): boolean => {
  const x = norm(a);
  const y = norm(b);
  return x !== '' && y !== '' && (x.includes(y) || y.includes(x));
};

/** The names of units the document states: the department (and its other names), or the project's. */
export const unitNamesOf = (doc: Report): string[] => {
  const names =
    doc.kind === 'department'
      ? [doc.department.name?.value, ...doc.department.extraNames.map((n) => n.value)]
      : [doc.project.department?.value, doc.project.implementer?.value];
  return names.filter((n): n is string => typeof n === 'string' && norm(n) !== '');
};

export const identityMismatches = (
  doc: Report,
  expected: { departmentName: string; year?: number | null | undefined },
): IdentityMismatch[] => {
  const out: IdentityMismatch[] = [];
  const names = unitNamesOf(doc);
  if (names.length > 0 && !names.some((n) => sameUnit(n, expected.departmentName)))
    out.push({ field: 'department', inFile: names[0]!, expected: expected.departmentName });
  const year = doc.year?.value;
  if (year !== undefined && expected.year != null && year !== expected.year)
    out.push({ field: 'year', inFile: `${year}年度`, expected: `${expected.year}年度` });
  return out;
};

/** One sentence: 文件写的单位是“…”（报告属于“…”）；文件写的年度是… */
export const describeMismatches = (mismatches: readonly IdentityMismatch[]): string =>
  mismatches
    .map((m) =>
      m.field === 'department'
        ? `文件写的单位是“${m.inFile}”，报告属于“${m.expected}”`
        : `文件写的是${m.inFile}，报告是${m.expected}`,
    )
    .join('；');
