export * from './amounts.ts';
export * from './approval.ts';
export * from './status.ts';
export * from './receiving.ts';
export * from './reorder.ts';
export * from './invoice-match.ts';
export * from './performance.ts';
