export * from './department-report.ts';
export * from './empty-report.ts';
export * from './project-report.ts';
export * from './report.ts';
export * from './source.ts';
export * from './values.ts';
