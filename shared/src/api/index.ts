export * from './errors.ts';
export * from './auth.ts';
export * from './setup.ts';
export * from './org.ts';
export * from './finance.ts';
export * from './audit.ts';
export * from './inventory.ts';
export * from './catalogue.ts';
