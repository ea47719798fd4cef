import { describe, expect, it } from 'vitest';
import {
  ADJUSTMENT_REASONS,
  ADJUSTMENT_SIGNS,
  MOVE_SIGNS,
  MOVE_TYPES,
  assertAdjustmentQuantity,
  assertMoveQuantity,
  isAdjustmentReason,
  isMoveType,
  type MoveType,
} from './moves.ts';

describe('assertMoveQuantity', () => {
  it('accepts stock coming in on inbound types and refuses it going out', () => {
    for (const type of ['receipt', 'return', 'transfer_in'] as const) {
      expect(assertMoveQuantity(type, 1500)).toBe(1500);
      expect(() => assertMoveQuantity(type, -1500)).toThrow(`${type} quantity must be positive (stock coming in), got -1500`);
    }
  });

  it('accepts stock going out on outbound types and refuses it coming in', () => {
    for (const type of ['sale', 'transfer_out', 'purchase_return'] as const) {
      expect(assertMoveQuantity(type, -1)).toBe(-1);
      expect(() => assertMoveQuantity(type, 1)).toThrow(`${type} quantity must be negative (stock going out), got 1`);
    }
  });

  it('lets adjustments and stock-takes go either way', () => {
    for (const type of ['adjustment', 'stock_take'] as const) {
      expect(assertMoveQuantity(type, 250)).toBe(250);
      expect(assertMoveQuantity(type, -250)).toBe(-250);
    }
  });

  it('refuses zero, fractions of a thousandth and unknown types', () => {
    for (const type of MOVE_TYPES) {
      expect(() => assertMoveQuantity(type, 0)).toThrow(`${type} quantity must not be zero`);
      expect(() => assertMoveQuantity(type, 1.5)).toThrow(RangeError);
    }
    expect(() => assertMoveQuantity('theft' as MoveType, -1000)).toThrow('unknown stock move type "theft"');
  });

  it('has a sign rule for every type', () => {
    expect(Object.keys(MOVE_SIGNS).sort()).toEqual([...MOVE_TYPES].sort());
    expect(isMoveType('sale')).toBe(true);
    expect(isMoveType('Sale')).toBe(false);
    expect(isMoveType(undefined)).toBe(false);
  });
});

describe('assertAdjustmentQuantity', () => {
  it('applies the sign each reason implies', () => {
    expect(assertAdjustmentQuantity('found', 1000)).toBe(1000);
    expect(() => assertAdjustmentQuantity('found', -1000)).toThrow('adjustment (found) quantity must be positive');
    for (const reason of ['damage', 'loss', 'expired', 'own_use'] as const) {
      expect(assertAdjustmentQuantity(reason, -1000)).toBe(-1000);
      expect(() => assertAdjustmentQuantity(reason, 1000)).toThrow(`adjustment (${reason}) quantity must be negative`);
    }
    expect(assertAdjustmentQuantity('correction', 1)).toBe(1);
    expect(assertAdjustmentQuantity('correction', -1)).toBe(-1);
  });

  it('refuses zero and unknown reasons', () => {
    for (const reason of ADJUSTMENT_REASONS) {
      expect(() => assertAdjustmentQuantity(reason, 0)).toThrow('must not be zero');
    }
    expect(() => assertAdjustmentQuantity('theft' as never, -1)).toThrow('unknown adjustment reason "theft"');
    expect(Object.keys(ADJUSTMENT_SIGNS).sort()).toEqual([...ADJUSTMENT_REASONS].sort());
    expect(isAdjustmentReason('own_use')).toBe(true);
    expect(isAdjustmentReason('own use')).toBe(false);
  });
});
