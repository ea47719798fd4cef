import { describe, expect, it } from 'vitest';
import * as shared from '../index.ts';

describe('sales exports', () => {
  it('are reachable from the shared package root', () => {
    for (const name of [
      'priceCart',
      'addItem',
      'setQty',
      'removeLine',
      'setLineDiscount',
      'setCartDiscount',
      'overridePrice',
      'discountPercentOf',
      'needsManager',
      'applyPayments',
      'roundCash',
      'buildSaleEvent',
      'receiptNumber',
      'refundableLines',
      'buildReturnEvent',
      'defaultRefundTenders',
      'zReport',
      'overShort',
      'buildShiftCloseEvent',
      'SalesError',
    ]) {
      expect(typeof (shared as Record<string, unknown>)[name], name).toBe('function');
    }
  });
});
