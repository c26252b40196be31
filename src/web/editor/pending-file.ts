/**
 * A file chosen on one page to be uploaded as a new version on another (新建报告 finds the report
 * exists → 上传为新版本 in its editor): kept in memory across the in-app navigation, taken once.
 */
let pending: { reportId: string; file: File } | null = null;

export const keepForNewVersion = (reportId: string, file: File): void => {
  pending = { reportId, file };
};

export const takeForNewVersion = (reportId: string): File | null => {
  if (pending?.reportId !== reportId) return null;
  const { file } = pending;
  pending = null;
  return file;
};
