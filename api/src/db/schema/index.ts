export * from './org.ts';
export * from './auth.ts';
export * from './audit.ts';
export * from './finance.ts';
export * from './catalogue.ts';
export * from './partners.ts';
export * from './inventory.ts';
export * from './numbering.ts';
