export * from './events.ts';
export * from './pull.ts';
