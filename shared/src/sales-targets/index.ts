// Monthly sales targets per store and salesperson, and progress against them.
export * from './progress.ts';
