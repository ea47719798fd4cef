import { describe, expect, it } from 'vitest';
import { signOutBlockReason, updateBlockReason } from './guards.ts';

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
  it('refuses while events are unsent, allows otherwise', () => {
    expect(signOutBlockReason({ pending: 1, saleInProgress: false })).toEqual({ kind: 'outbox', count: 1 });
    expect(signOutBlockReason({ pending: 0, saleInProgress: false })).toBeNull();
  });
});
