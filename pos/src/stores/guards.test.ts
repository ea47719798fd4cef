import { describe, expect, it } from 'vitest';
import { forgetBlockReason, signOutBlockReason, updateBlockReason } from './guards.ts';

describe('updateBlockReason', () => {
  it('allows an update on an idle till with an empty outbox', () => {
    expect(updateBlockReason({ pending: 0, saleInProgress: false })).toBeNull();
  });

  it('refuses during a sale', () => {
    expect(updateBlockReason({ pending: 0, saleInProgress: true })).toEqual({ kind: 'sale' });
  });

  it('refuses while the outbox holds unsent events', () => {
    expect(updateBlockReason({ pending: 3, saleInProgress: false })).toEqual({ kind: 'outbox', count: 3 });
  });
});

describe('signOutBlockReason', () => {
  it('refuses only during a sale: the device token pushes the outbox whoever is signed in', () => {
    expect(signOutBlockReason({ pending: 1, saleInProgress: false })).toBeNull();
    expect(signOutBlockReason({ pending: 0, saleInProgress: true })).toEqual({ kind: 'sale' });
  });
});

describe('forgetBlockReason', () => {
  it('refuses while anything is unsent or a sale is open', () => {
    expect(forgetBlockReason({ pending: 2, saleInProgress: false })).toEqual({ kind: 'outbox', count: 2 });
    expect(forgetBlockReason({ pending: 0, saleInProgress: true })).toEqual({ kind: 'sale' });
    expect(forgetBlockReason({ pending: 0, saleInProgress: false })).toBeNull();
  });
});
