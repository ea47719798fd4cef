// Stock-ledger rules: pure functions the API mirrors in SQL and the tills run offline.
export * from './moves.ts';
export * from './costing.ts';
export * from './fefo.ts';
export * from './stocktake.ts';
export * from './levels.ts';
export * from './serials.ts';
