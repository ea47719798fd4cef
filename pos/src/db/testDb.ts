import { PosDb } from './PosDb.ts';

let counter = 0;

/** A fresh database per test (fake-indexeddb keeps them all in memory). */
export function openTestDb(): PosDb {
  counter += 1;
  return new PosDb(`shopbook-pos-test-${counter}-${Math.random().toString(36).slice(2)}`);
}
