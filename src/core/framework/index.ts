export * from './directions.ts';
export * from './match.ts';
export * from './names.ts';
export * from './registry.ts';
export * from './rule-schema.ts';
export * from './schema.ts';
export * from './validate.ts';
