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
