export * from './amounts.ts';
export * from './approval.ts';
export * from './status.ts';
export * from './receiving.ts';
export * from './reorder.ts';
