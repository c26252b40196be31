export * from './audit.ts';
export * from './frameworks.ts';
export * from './jobs.ts';
export * from './org.ts';
export * from './reports.ts';
export * from './review.ts';
export * from './targets.ts';
export * from './users.ts';
