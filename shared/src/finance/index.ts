export * from './period.ts';
export * from './statements.ts';
