import type { Cart } from '../sales/cart.ts';

/**
 * A customer's price list is one rule: a discount in basis points (500 = 5 %) off the
 * list price the store would charge anyone (the store's own price, else the product's
 * sale price). The discounted unit price is rounded half-up to the minor unit, per
 * unit and before quantity, so a till and the server agree on every line whatever the
 * quantity. 0 means list price; 10000 would give the goods away and is allowed only as
 * the upper bound of the rule.
 */
export function customerUnitPrice(listPrice: number, discountBp: number): number {
  if (!Number.isSafeInteger(listPrice) || listPrice < 0) throw new RangeError(`list price must be a non-negative integer, got ${listPrice}`);
  if (!Number.isInteger(discountBp) || discountBp < 0 || discountBp > 10_000) throw new RangeError(`discount must be 0 to 10000 basis points, got ${discountBp}`);
  const paid = BigInt(listPrice) * BigInt(10_000 - discountBp);
  // Half-up on non-negative values: add half the divisor, then floor.
  return Number((paid + 5_000n) / 10_000n);
}

/**
 * The cart at a customer's price list: each line the till priced from the catalogue
 * (`catalogue` holds that price by line id) goes to the customer's price, as its list
 * price too, so no manager is asked for it. Lines whose price a cashier overrode, or
 * that came priced on a label, are left alone. A discount of 0 restores the catalogue.
 */
export function applyPriceList(cart: Cart, catalogue: ReadonlyMap<string, number>, discountBp: number): Cart {
  return {
    ...cart,
    lines: cart.lines.map((line) => {
      const base = catalogue.get(line.lineId);
      if (base === undefined || line.overrideReason !== null) return line;
      const price = customerUnitPrice(base, discountBp);
      return price === line.unitPrice && price === line.listPrice ? line : { ...line, unitPrice: price, listPrice: price };
    }),
  };
}
