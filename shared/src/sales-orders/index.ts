export * from './rules.ts';
export * from './invoicing.ts';
